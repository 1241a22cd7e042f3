package dev.lakeward.catalog.namespace;

import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import java.util.Locale;

/** A volume, function or registered model with the catalog and schema it lives under. */
public record InSchema<E extends SchemaObjectEntity>(SecurableType type, CatalogEntity catalog, SchemaEntity schema,
        E object) {

    public Securable securable(Securable metastore) {
        return Securables.inSchema(type, schemaSecurable(metastore), object);
    }

    public Securable schemaSecurable(Securable metastore) {
        return Securables.schema(Securables.catalog(metastore, catalog), schema);
    }

    public String catalogName() {
        return catalog.name;
    }

    public String schemaName() {
        return schema.name;
    }

    public String fullName() {
        return catalog.name + "." + schema.name + "." + object.name;
    }

    /** What a create or rename onto a name taken in the schema is answered: "Volume 'a.b.c' already exists." */
    public String alreadyExists() {
        String kind = type.apiName().replace('_', ' ');
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1) + " '" + fullName() + "' already exists.";
    }
}
