package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.identity.PrincipalEntity;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Finds namespace objects by their (already validated, lower-case) names, or answers NOT_FOUND. */
final class Lookup {

    private Lookup() {
    }

    static CatalogEntity catalog(String name) {
        return findCatalog(name).orElseThrow(() -> missingCatalog(name));
    }

    static Optional<CatalogEntity> findCatalog(String name) {
        return CatalogEntity.<CatalogEntity>find("name", name).firstResultOptional();
    }

    static NotFound missingCatalog(String name) {
        return new NotFound("Catalog '" + name + "' does not exist.");
    }

    /** The catalog, locked against concurrent writes until the transaction ends. */
    static CatalogEntity catalogForUpdate(String name) {
        return CatalogEntity.<CatalogEntity>find("name", name).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> missingCatalog(name));
    }

    static SchemaEntity schema(CatalogEntity catalog, String name) {
        return findSchema(catalog, name).orElseThrow(() -> missingSchema(catalog, name));
    }

    static Optional<SchemaEntity> findSchema(CatalogEntity catalog, String name) {
        return SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name = ?2", catalog.id, name).firstResultOptional();
    }

    static NotFound missingSchema(CatalogEntity catalog, String name) {
        return new NotFound("Schema '" + catalog.name + "." + name + "' does not exist.");
    }

    static SchemaEntity schemaForUpdate(CatalogEntity catalog, String name) {
        return SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name = ?2", catalog.id, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> missingSchema(catalog, name));
    }

    static TableEntity table(CatalogEntity catalog, SchemaEntity schema, String name) {
        return findTable(schema, name).orElseThrow(() -> missingTable(catalog, schema, name));
    }

    static Optional<TableEntity> findTable(SchemaEntity schema, String name) {
        return TableEntity.<TableEntity>find("schemaId = ?1 and name = ?2", schema.id, name).firstResultOptional();
    }

    static NotFound missingTable(CatalogEntity catalog, SchemaEntity schema, String name) {
        return new NotFound("Table '" + catalog.name + "." + schema.name + "." + name + "' does not exist.");
    }

    /** The canonical name of an existing principal, for a new owner. */
    static String owner(String name) {
        return PrincipalEntity.findByName(name).map(p -> p.name)
                .orElseThrow(() -> new InvalidParameter("owner '" + Names.printable(name) + "' is not a known principal."));
    }
}
