package dev.lakeward.catalog.authz;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.function.FunctionEntity;
import dev.lakeward.catalog.model.RegisteredModelEntity;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.SchemaObjectEntity;
import dev.lakeward.catalog.namespace.Securables;
import dev.lakeward.catalog.storage.ExternalLocationEntity;
import dev.lakeward.catalog.storage.ExternalLocationIndex;
import dev.lakeward.catalog.volume.VolumeEntity;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The securable a grants call or a permission check names by its type and full name: the
 * {@code metastore} (by its name or id), a catalog, a {@code catalog.schema}, a table, volume,
 * function or registered model by {@code catalog.schema.name}, or an external location.
 */
@ApplicationScoped
public class SecurableNames {

    @Inject
    AccessControl access;

    @Inject
    Metastore metastore;

    @Inject
    NamedObjects named;

    @Inject
    ExternalLocationIndex externalLocations;

    /** For a change (a grant): found in the caller's transaction, and visible to the caller, or NOT_FOUND. */
    public Securable visible(Caller caller, Action action, SecurableType type, String fullName) {
        return switch (type) {
            case CATALOG -> Securables.catalog(metastore.securable(),
                    named.catalog(caller, action, Names.identifier("catalog name", fullName)));
            case SCHEMA -> named.schema(caller, action, fullName).securable(metastore.securable());
            case TABLE -> named.table(caller, action, fullName).securable(metastore.securable());
            case VOLUME, FUNCTION, REGISTERED_MODEL ->
                    named.inSchema(caller, action, type, kind(type), fullName).securable(metastore.securable());
            default -> {
                // an external location from the caller's transaction, not the index: a grant is written on it
                Securable securable = type == SecurableType.EXTERNAL_LOCATION
                        ? ExternalLocationEntity.named(fullName).securable(metastore.securable()) : find(type, fullName);
                access.requireVisible(caller, action, securable);
                yield securable;
            }
        };
    }

    /**
     * With no decision yet, for a caller who decides many in one batch (an engine's CheckAccess),
     * from what the namespace cache and the external-location index remember: no round trip per
     * question; NOT_FOUND when there is no such object, and {@link #visible} then finds what a
     * caller is answered.
     */
    public Securable find(SecurableType type, String fullName) {
        return switch (type) {
            case METASTORE -> {
                Securable metastore = this.metastore.securable();
                if (!metastore.fullName().equalsIgnoreCase(fullName) && !metastore.id().equalsIgnoreCase(fullName)) {
                    throw new NotFound("Metastore '" + Names.printable(fullName)
                            + "' does not exist; this one is '" + metastore.fullName() + "'.");
                }
                yield metastore;
            }
            case CATALOG, SCHEMA, TABLE -> named.securable(type, fullName);
            case VOLUME, FUNCTION, REGISTERED_MODEL -> named.inSchemaUnchecked(type, kind(type), fullName);
            case EXTERNAL_LOCATION -> {
                String name = Names.identifier("external location name", fullName);
                yield externalLocations.securable(name, metastore.securable())
                        .orElseThrow(() -> NotFound.securable(SecurableType.EXTERNAL_LOCATION, name));
            }
            default -> throw new InvalidParameter("Grants on " + type.apiName() + " securables are not supported yet.");
        };
    }

    private static Class<? extends SchemaObjectEntity> kind(SecurableType type) {
        return switch (type) {
            case VOLUME -> VolumeEntity.class;
            case FUNCTION -> FunctionEntity.class;
            case REGISTERED_MODEL -> RegisteredModelEntity.class;
            default -> throw new IllegalArgumentException(type.apiName() + " is not kept in a schema beside tables.");
        };
    }
}
