package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.storage.ExternalLocationEntity;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import java.util.List;
import java.util.UUID;

/**
 * Namespace objects as the policy engine sees them: with their owners and parents up to the
 * metastore, so that a decision needs no further lookup.
 */
public final class Securables {

    private Securables() {
    }

    public static Securable metastore() {
        return metastore(MetastoreEntity.current());
    }

    static Securable metastore(MetastoreEntity metastore) {
        return new Securable(SecurableType.METASTORE, metastore.id.toString(), metastore.name, metastore.owner, null);
    }

    static Securable catalog(Securable metastore, CatalogEntity catalog) {
        return new Securable(SecurableType.CATALOG, catalog.id.toString(), catalog.name, catalog.owner, metastore);
    }

    static Securable schema(Securable catalog, SchemaEntity schema) {
        return new Securable(SecurableType.SCHEMA, schema.id.toString(), catalog.fullName() + "." + schema.name,
                schema.owner, catalog);
    }

    /** An external location sits directly under the metastore: it has no USE path. */
    public static Securable externalLocation(Securable metastore, ExternalLocationEntity location) {
        return externalLocation(metastore, location.id, location.name, location.owner);
    }

    public static Securable externalLocation(Securable metastore, UUID id, String name, String owner) {
        return new Securable(SecurableType.EXTERNAL_LOCATION, id.toString(), name, owner, metastore);
    }

    static Securable table(Securable schema, TableEntity table) {
        return new Securable(SecurableType.TABLE, table.id.toString(), schema.fullName() + "." + table.name,
                table.owner, schema);
    }

    /**
     * The securable a grants call names: {@code metastore} (by its name or id), a catalog, a
     * {@code catalog.schema} or a {@code catalog.schema.table}.
     */
    public static Securable resolve(SecurableType type, String fullName) {
        Securable metastore = metastore();
        return switch (type) {
            case METASTORE -> {
                if (!metastore.fullName().equalsIgnoreCase(fullName) && !metastore.id().equalsIgnoreCase(fullName)) {
                    throw new NotFound("Metastore '" + Names.printable(fullName)
                            + "' does not exist; this one is '" + metastore.fullName() + "'.");
                }
                yield metastore;
            }
            case CATALOG -> catalog(metastore, Lookup.catalog(Names.identifier("catalog name", fullName)));
            case SCHEMA -> {
                List<String> names = Names.fullName(fullName, List.of("catalog", "schema"));
                CatalogEntity catalog = Lookup.catalog(names.get(0));
                yield schema(catalog(metastore, catalog), Lookup.schema(catalog, names.get(1)));
            }
            case TABLE -> TablePath.locate(fullName).securable();
            case EXTERNAL_LOCATION -> externalLocation(metastore, ExternalLocationEntity.<ExternalLocationEntity>find(
                    "name", Names.identifier("external location name", fullName)).firstResultOptional()
                    .orElseThrow(() -> new NotFound("External location '" + Names.printable(fullName)
                            + "' does not exist.")));
            default -> throw new InvalidParameter("Grants on " + type.apiName() + " securables are not supported yet.");
        };
    }
}
