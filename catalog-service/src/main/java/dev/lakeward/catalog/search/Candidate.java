package dev.lakeward.catalog.search;

import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.search.SearchHit.Type;
import dev.lakeward.policy.Securable;
import java.util.UUID;

/**
 * A name the index matched, where it sorts, the names of its catalog, schema, table and column
 * ({@code null} where a level does not apply), what deciding whether the caller may see it needs
 * (the ids and owners of its catalog, schema and table) and what its hit shows. A column is decided
 * as its table: the caller sees a column exactly when it sees the table.
 */
record Candidate(Type type, SearchKey key, String catalog, String schema, String table, String column,
        UUID catalogId, String catalogOwner, UUID schemaId, String schemaOwner, UUID tableId, String tableOwner, TableType tableType, DataSourceFormat dataSourceFormat, String typeText,
        String comment) {

    Securable securable(Securable metastore) {
        Securable ofCatalog = Securables.catalog(metastore, catalogId, catalog, catalogOwner);
        if (type == Type.CATALOG) {
            return ofCatalog;
        }
        Securable ofSchema = Securables.schema(ofCatalog, schemaId, schema, schemaOwner);
        return type == Type.SCHEMA ? ofSchema : Securables.table(ofSchema, tableId, table, tableOwner);
    }

    SearchHit hit() {
        String fullName = switch (type) {
            case CATALOG -> catalog;
            case SCHEMA -> catalog + "." + schema;
            case TABLE, COLUMN -> catalog + "." + schema + "." + table;
        };
        return new SearchHit(type, fullName, type == Type.COLUMN ? column : null, tableType, dataSourceFormat,
                typeText, comment);
    }
}
