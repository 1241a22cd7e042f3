package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.MetastoreEntity;
import dev.lakeward.catalog.access.PrincipalType;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.identity.AccessTokens;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.catalog.persistence.AdvisoryLocks;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * On the first start with an empty store: creates the metastore and its owner, the admin principal,
 * and writes the admin's token to {@code <data-dir>/admin-token} (mode 600). All in one
 * transaction, so a start that fails half-way is retried whole by the next one; replicas started
 * at once on an empty store wait for each other, so exactly one creates them and holds the token.
 */
@ApplicationScoped
public class MetastoreBootstrap {

    static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(MetastoreBootstrap.class);

    @Inject
    LakewardConfig config;

    @Inject
    AccessTokens tokens;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        Path tokenFile = config.dataDir().toAbsolutePath().normalize().resolve("admin-token");
        // replicas starting together on an empty store take turns: the first creates, the others find it
        AdvisoryLocks.exclusive(MetastoreEntity.getEntityManager(), "metastore bootstrap");
        if (MetastoreEntity.count() > 0) {
            if (Files.exists(tokenFile)) {
                LOG.infof("The admin token is in %s", tokenFile);
            }
            return;
        }
        // the owner first: owners are principals by id, resolved as the metastore is written
        PrincipalEntity admin = PrincipalEntity.findByName(ADMIN)
                .orElseGet(() -> PrincipalEntity.create(ADMIN, PrincipalType.USER));
        PrincipalEntity.getEntityManager().flush();
        MetastoreEntity metastore = new MetastoreEntity();
        metastore.id = UUID.randomUUID();
        metastore.name = "lakeward";
        metastore.storageRoot = StorageLocations.normalize("lakeward.storage.managed-root",
                config.storage().managedRoot().orElseGet(() -> defaultManagedRoot()));
        metastore.owner = ADMIN;
        metastore.createdAt = Instant.now();
        metastore.persist();
        writeSecretFile(tokenFile, tokens.issue(admin, "created on first start", null).secret());
        LOG.infof("First start: created the metastore and the admin principal '%s'. Its token is in %s",
                ADMIN, tokenFile);
    }

    private String defaultManagedRoot() {
        return config.dataDir().toAbsolutePath().normalize().resolve("managed").toUri().toString();
    }

    private static void writeSecretFile(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".admin-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, secret + System.lineSeparator());
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the admin token to " + file, e);
        }
    }
}
