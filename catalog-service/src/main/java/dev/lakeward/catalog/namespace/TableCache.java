package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.LakewardConfig;
import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.catalog.persistence.VersionedCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The tables engines resolve, remembered with their securables, so that the engine API's hot path
 * needs no database round trip. Forgotten right after this replica's own namespace changes commit
 * ({@link NamespaceChanged}), and within {@code lakeward.authz.refresh-interval} of another
 * replica's, through {@code namespace_version}. REST reads stay uncached.
 */
@ApplicationScoped
public class TableCache {

    @Inject
    LakewardConfig config;

    private VersionedCache<String, TablePath.Located> tables;

    @PostConstruct
    void init() {
        tables = new VersionedCache<>(config.cache().tables());
    }

    /** {@link TablePath#locate}, remembered; NOT_FOUND and bad names are answered as it answers them. */
    public TablePath.Located locate(String fullName) {
        return tables.get(fullName, name -> Optional.of(TablePath.locate(name))).orElseThrow();
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) NamespaceChanged event) {
        tables.forgetAll();
    }

    void catchUp(@Observes StoredVersions versions) {
        tables.atStoredVersion(versions.namespace());
    }
}
