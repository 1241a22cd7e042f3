package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;

/**
 * Namespace objects as the policy engine sees them: with their owners and parents up to the
 * metastore, so that a decision needs no further lookup.
 */
public final class Securables {

    private Securables() {
    }

    public static Securable catalog(Securable metastore, CatalogEntity catalog) {
        return new Securable(SecurableType.CATALOG, catalog.id.toString(), catalog.name, catalog.owner, metastore);
    }

    public static Securable schema(Securable catalog, SchemaEntity schema) {
        return new Securable(SecurableType.SCHEMA, schema.id.toString(), catalog.fullName() + "." + schema.name,
                schema.owner, catalog);
    }

    public static Securable table(Securable schema, TableEntity table) {
        return new Securable(SecurableType.TABLE, table.id.toString(), schema.fullName() + "." + table.name,
                table.owner, schema);
    }
}
