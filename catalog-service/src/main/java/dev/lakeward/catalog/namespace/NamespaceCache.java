package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.catalog.persistence.VersionedCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The catalogs, schemas and tables requests read, remembered with their securables, so that a
 * read (REST or engine) needs no database round trip, and a miss one query. Forgotten right after
 * this replica's own namespace changes commit ({@link NamespaceChanged}), and within
 * {@code lakeward.cache.refresh-interval} of another replica's, through {@code namespace_version}.
 * Names come validated and lower-case; what is missing is not remembered.
 */
@ApplicationScoped
public class NamespaceCache {

    @Inject
    LakewardConfig config;

    @Inject
    Metastore metastore;

    private VersionedCache<String, Found<CatalogInfo>> catalogs;
    private VersionedCache<String, Found<SchemaInfo>> schemas;
    private VersionedCache<String, Found<TableInfo>> tables;

    @PostConstruct
    void init() {
        catalogs = new VersionedCache<>(config.cache().tables());
        schemas = new VersionedCache<>(config.cache().tables());
        tables = new VersionedCache<>(config.cache().tables());
    }

    Optional<Found<CatalogInfo>> catalog(String name) {
        return catalogs.get(name, key -> NamespaceStore.catalog(name)
                .map(c -> new Found<>(c.toInfo(), Securables.catalog(metastore.securable(), c))));
    }

    Optional<Found<SchemaInfo>> schema(String catalog, String schema) {
        return schemas.get(catalog + "." + schema, key -> NamespaceStore.schemaPath(catalog, schema)
                .map(p -> new Found<>(p.schema().toInfo(catalog), p.securable(metastore.securable()))));
    }

    Optional<Found<TableInfo>> table(String catalog, String schema, String table) {
        return tables.get(catalog + "." + schema + "." + table,
                key -> NamespaceStore.tablePath(catalog, schema, table).map(p -> p.found(metastore.securable())));
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) NamespaceChanged event) {
        catalogs.forgetAll();
        schemas.forgetAll();
        tables.forgetAll();
    }

    void catchUp(@Observes StoredVersions versions) {
        catalogs.atStoredVersion(versions.namespace());
        schemas.atStoredVersion(versions.namespace());
        tables.atStoredVersion(versions.namespace());
    }
}
