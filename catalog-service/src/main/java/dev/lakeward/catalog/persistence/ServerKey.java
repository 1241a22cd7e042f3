package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.config.LakewardConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The server's secret, shared by every replica: {@code lakeward.credentials.encryption-key}
 * (base64 of 32 bytes), or on the embedded default without one a key generated once into
 * {@code <data-dir>/credentials-key} (mode 600), never beside the data it protects in the
 * database. Each use other than sealing storage credentials (which has used the key as it is
 * since it was introduced) takes a key derived for its purpose, so that no two uses share one.
 */
@ApplicationScoped
public class ServerKey {

    private static final Logger LOG = Logger.getLogger(ServerKey.class);
    private static final int LENGTH = 32;

    @Inject
    LakewardConfig config;

    private byte[] key;

    @PostConstruct
    void init() {
        key = config.credentials().encryptionKey().map(k -> Base64.getDecoder().decode(k.trim()))
                .orElseGet(this::localKey);
        if (key.length != LENGTH) {
            throw new IllegalStateException("lakeward.credentials.encryption-key must be base64 of 32 bytes.");
        }
    }

    /** The key that seals storage credentials' secrets. */
    public byte[] sealingKey() {
        return key.clone();
    }

    /** A key for one purpose, HMAC-SHA256 of the purpose's name under the server key (HKDF's expand step, one block). */
    public byte[] derived(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("lakeward/" + purpose + "\u0001").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private byte[] localKey() {
        Path file = config.dataDir().resolve("credentials-key");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[LENGTH];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                LOG.infof("The server key (sealing storage credentials' secrets, signing page tokens) was generated"
                        + " into %s; set lakeward.credentials.encryption-key to share one between replicas", file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
