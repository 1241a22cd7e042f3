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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The tables of a schema with these names, in their order: those not remembered in one query,
     * those gone since the names were read left out. A listing's page costs no row of its own.
     */
    List<Found<TableInfo>> tables(Found<SchemaInfo> schema, List<String> names) {
        String prefix = schema.securable().fullName() + ".";
        return tables.getAll(names.stream().map(name -> prefix + name).toList(), keys -> {
            Map<String, Found<TableInfo>> found = new HashMap<>();
            List<String> missing = keys.stream().map(key -> key.substring(prefix.length())).toList();
            for (TableEntity table : NamespaceStore.tablesNamed(schema.id(), missing)) {
                found.put(prefix + table.name, new Found<>(table.toInfo(schema.info().catalogName(),
                        schema.info().name()), Securables.table(schema.securable(), table)));
            }
            return found;
        });
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
