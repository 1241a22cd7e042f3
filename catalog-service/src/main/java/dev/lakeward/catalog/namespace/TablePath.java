package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;

/** A table with the catalog and schema it lives under. */
public record TablePath(CatalogEntity catalog, SchemaEntity schema, TableEntity table) {

    public Securable securable(Securable metastore) {
        return Securables.table(Securables.schema(Securables.catalog(metastore, catalog), schema), table);
    }

    public String fullName() {
        return catalog.name + "." + schema.name + "." + table.name;
    }

    public TableInfo toInfo() {
        return table.toInfo(catalog.name, schema.name);
    }

    public Found<TableInfo> found(Securable metastore) {
        return new Found<>(toInfo(), securable(metastore));
    }
}
