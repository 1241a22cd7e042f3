package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.MetastoreEntity;
import dev.lakeward.policy.Securable;

/** A schema with the catalog it lives under. */
public record SchemaPath(CatalogEntity catalog, SchemaEntity schema) {

    public Securable securable(Securable metastore) {
        return Securables.schema(Securables.catalog(metastore, catalog), schema);
    }

    /** The nearest managed storage: the schema's, else the catalog's, else the metastore's. */
    public String managedStorageRoot() {
        if (schema.storageLocation != null) {
            return schema.storageLocation;
        }
        if (catalog.storageLocation != null) {
            return catalog.storageLocation;
        }
        return MetastoreEntity.current().storageRoot;
    }

    public String fullName() {
        return catalog.name + "." + schema.name;
    }
}
