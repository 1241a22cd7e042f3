package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.authz.AccessControl;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.storage.ExternalLocationEntity;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Resolve, then decide: the objects a request names, found for a caller and an action. What the
 * caller may not see is answered exactly as what does not exist ({@link AccessControl#requireVisible},
 * {@link AccessControl#missing}), so that no endpoint is an oracle for the existence of objects a
 * caller may not see; a visible object without the privilege is a 403.
 */
@ApplicationScoped
public class NamedObjects {

    private static final List<String> SCHEMA_NAME = List.of("catalog", "schema");
    private static final List<String> TABLE_NAME = List.of("catalog", "schema", "table");

    @Inject
    AccessControl access;

    /** A schema with its catalog, as a request found it. */
    public record SchemaPath(CatalogEntity catalog, SchemaEntity schema, Securable securable) {
    }

    /** A catalog by its validated name. */
    public CatalogEntity catalog(Caller caller, Action action, String name) {
        CatalogEntity catalog = findCatalog(name);
        access.requireVisible(caller, action, Securables.catalog(Securables.metastore(), catalog));
        return catalog;
    }

    /** {@code catalog.schema}. */
    public SchemaPath schema(Caller caller, Action action, String fullName) {
        List<String> names = Names.fullName(fullName, SCHEMA_NAME);
        return schema(caller, action, names.get(0), names.get(1));
    }

    /** A schema by its validated catalog and schema names. */
    public SchemaPath schema(Caller caller, Action action, String catalogName, String schemaName) {
        SchemaPath schema = findSchema(caller, catalogName, schemaName);
        access.requireVisible(caller, action, schema.securable());
        return schema;
    }

    /** {@code catalog.schema.table}. */
    public TablePath table(Caller caller, Action action, String fullName) {
        List<String> names = Names.fullName(fullName, TABLE_NAME);
        SchemaPath schema = findSchema(caller, names.get(0), names.get(1));
        TableEntity table = Lookup.findTable(schema.schema(), names.get(2)).orElseThrow(() -> access.missing(caller,
                schema.securable(), Lookup.missingTable(schema.catalog(), schema.schema(), names.get(2))));
        TablePath path = new TablePath(schema.catalog(), schema.schema(), table);
        access.requireVisible(caller, action, path.securable());
        return path;
    }

    /**
     * The securable a grants call names: the {@code metastore} (by its name or id), a catalog, a
     * {@code catalog.schema}, a {@code catalog.schema.table} or an external location.
     */
    public Securable securable(Caller caller, Action action, SecurableType type, String fullName) {
        return switch (type) {
            case METASTORE -> {
                Securable metastore = Securables.metastore();
                if (!metastore.fullName().equalsIgnoreCase(fullName) && !metastore.id().equalsIgnoreCase(fullName)) {
                    throw new NotFound("Metastore '" + Names.printable(fullName)
                            + "' does not exist; this one is '" + metastore.fullName() + "'.");
                }
                access.requireVisible(caller, action, metastore);
                yield metastore;
            }
            case CATALOG -> Securables.catalog(Securables.metastore(),
                    catalog(caller, action, Names.identifier("catalog name", fullName)));
            case SCHEMA -> schema(caller, action, fullName).securable();
            case TABLE -> table(caller, action, fullName).securable();
            case EXTERNAL_LOCATION -> {
                String name = Names.identifier("external location name", fullName);
                Securable securable = Securables.externalLocation(Securables.metastore(), ExternalLocationEntity
                        .<ExternalLocationEntity>find("name", name).firstResultOptional()
                        .orElseThrow(() -> new NotFound("External location '" + name + "' does not exist.")));
                access.requireVisible(caller, action, securable);
                yield securable;
            }
            default -> throw new InvalidParameter("Grants on " + type.apiName() + " securables are not supported yet.");
        };
    }

    /** Every caller may list catalogs, so a missing one is plainly missing. */
    private static CatalogEntity findCatalog(String name) {
        return Lookup.findCatalog(name).orElseThrow(() -> Lookup.missingCatalog(name));
    }

    private SchemaPath findSchema(Caller caller, String catalogName, String schemaName) {
        CatalogEntity catalog = findCatalog(catalogName);
        Securable catalogSecurable = Securables.catalog(Securables.metastore(), catalog);
        SchemaEntity schema = Lookup.findSchema(catalog, schemaName).orElseThrow(() -> access.missing(caller,
                catalogSecurable, Lookup.missingSchema(catalog, schemaName)));
        return new SchemaPath(catalog, schema, Securables.schema(catalogSecurable, schema));
    }
}
