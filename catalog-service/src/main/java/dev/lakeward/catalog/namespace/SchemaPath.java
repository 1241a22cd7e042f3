package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;

/** A schema with the catalog it lives under. */
public record SchemaPath(CatalogEntity catalog, SchemaEntity schema) {

    public Securable securable(Securable metastore) {
        return Securables.schema(Securables.catalog(metastore, catalog), schema);
    }

    public String fullName() {
        return catalog.name + "." + schema.name;
    }
}
