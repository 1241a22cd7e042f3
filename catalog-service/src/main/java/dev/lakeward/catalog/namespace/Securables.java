package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import java.util.UUID;

/**
 * Namespace objects as the policy engine sees them: with their owners and parents up to the
 * metastore, so that a decision needs no further lookup.
 */
public final class Securables {

    private Securables() {
    }

    public static Securable catalog(Securable metastore, CatalogEntity catalog) {
        return catalog(metastore, catalog.id, catalog.name, catalog.owner);
    }

    public static Securable schema(Securable catalog, SchemaEntity schema) {
        return schema(catalog, schema.id, schema.name, schema.owner);
    }

    public static Securable table(Securable schema, TableEntity table) {
        return inSchema(SecurableType.TABLE, schema, table);
    }

    /** A volume, function or registered model of the schema. */
    public static Securable inSchema(SecurableType type, Securable schema, SchemaObjectEntity object) {
        return new Securable(type, object.id.toString(), schema.fullName() + "." + object.name, object.owner, schema);
    }

    /** A catalog read as a row rather than an entity (a search hit). */
    public static Securable catalog(Securable metastore, UUID id, String name, String owner) {
        return new Securable(SecurableType.CATALOG, id.toString(), name, owner, metastore);
    }

    public static Securable schema(Securable catalog, UUID id, String name, String owner) {
        return new Securable(SecurableType.SCHEMA, id.toString(), catalog.fullName() + "." + name, owner, catalog);
    }

    public static Securable table(Securable schema, UUID id, String name, String owner) {
        return inSchema(SecurableType.TABLE, schema, id, name, owner);
    }

    /** A table, volume, function or registered model read as a row (a storage claim). */
    public static Securable inSchema(SecurableType type, Securable schema, UUID id, String name, String owner) {
        return new Securable(type, id.toString(), schema.fullName() + "." + name, owner, schema);
    }
}
