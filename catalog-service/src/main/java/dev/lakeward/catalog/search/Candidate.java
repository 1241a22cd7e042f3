package dev.lakeward.catalog.search;

import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.search.SearchHit.Type;
import dev.lakeward.policy.Securable;
import java.util.UUID;

/**
 * A name the index matched, with what deciding whether the caller may see it needs (the ids and
 * owners of its catalog, schema and table) and what its hit shows. A column is decided as its
 * table: the caller sees a column exactly when it sees the table.
 */
record Candidate(Type type, SearchKey key, UUID catalogId, String catalogOwner, UUID schemaId, String schemaOwner,
        UUID tableId, String tableOwner, TableType tableType, DataSourceFormat dataSourceFormat, String typeText,
        String comment) {

    Securable securable(Securable metastore) {
        Securable catalog = Securables.catalog(metastore, catalogId, key.catalog(), catalogOwner);
        if (type == Type.CATALOG) {
            return catalog;
        }
        Securable schema = Securables.schema(catalog, schemaId, key.schema(), schemaOwner);
        return type == Type.SCHEMA ? schema : Securables.table(schema, tableId, key.table(), tableOwner);
    }

    SearchHit hit() {
        String fullName = switch (type) {
            case CATALOG -> key.catalog();
            case SCHEMA -> key.catalog() + "." + key.schema();
            case TABLE, COLUMN -> key.catalog() + "." + key.schema() + "." + key.table();
        };
        return new SearchHit(type, fullName, type == Type.COLUMN ? key.column() : null, tableType, dataSourceFormat,
                typeText, comment);
    }
}
