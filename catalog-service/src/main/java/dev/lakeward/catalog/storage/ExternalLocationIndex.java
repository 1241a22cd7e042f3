package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.catalog.persistence.VersionedCache;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The external locations, as every cloud vend looks one up: all of them, parsed once, remembered
 * until one is created, changed or dropped (right after this replica's change commits, within
 * {@code lakeward.cache.refresh-interval} of another replica's, through {@code namespace_version}).
 * There are few, and none overlap, so the one covering a path is found by walking them.
 */
@ApplicationScoped
public class ExternalLocationIndex {

    /** An external location as vending and its authorization need it. */
    public record Bound(UUID id, String name, String owner, UUID credentialId, StorageLocation location) {

        Securable securable(Securable metastore) {
            return ExternalLocationEntity.securable(metastore, id, name, owner);
        }
    }

    private final VersionedCache<Boolean, List<Bound>> all = new VersionedCache<>(1);

    /** The external location a path lies within, if any: at most one, as none overlap. */
    Optional<Bound> covering(StorageLocation location) {
        return bound().stream().filter(bound -> location.isWithin(bound.location())).findFirst();
    }

    /** The external location of this validated name, as the policy engine sees it, if there is one. */
    public Optional<Securable> securable(String name, Securable metastore) {
        return bound().stream().filter(bound -> bound.name().equals(name)).findFirst().map(bound -> bound.securable(metastore));
    }

    private List<Bound> bound() {
        return all.get(true, key -> Optional.of(load())).orElseThrow();
    }

    private static List<Bound> load() {
        return ExternalLocationEntity.<ExternalLocationEntity>listAll().stream()
                .map(l -> new Bound(l.id, l.name, l.owner, l.credentialId, StorageLocation.parse(l.url))).toList();
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) NamespaceChanged event) {
        all.forgetAll();
    }

    void catchUp(@Observes StoredVersions versions) {
        all.atStoredVersion(versions.namespace());
    }
}
