package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;
import java.util.List;

/** A table found by its full name, with the catalog and schema it was found under. */
record TablePath(CatalogEntity catalog, SchemaEntity schema, TableEntity table) {

    private static final List<String> FULL_NAME = List.of("catalog", "schema", "table");

    /** Validates {@code catalog.schema.table} and finds each part, or answers NOT_FOUND for the first missing. */
    static TablePath of(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schema(catalog, names.get(1));
        return new TablePath(catalog, schema, Lookup.table(catalog, schema, names.get(2)));
    }

    Securable securable() {
        return Securables.table(Securables.schema(Securables.catalog(Securables.metastore(), catalog), schema), table);
    }

    TableInfo toInfo() {
        return table.toInfo(catalog.name, schema.name);
    }
}
