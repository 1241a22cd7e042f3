package dev.lakeward.catalog.model;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.model.ModelRequests.CreateRegisteredModel;
import dev.lakeward.catalog.model.ModelRequests.UpdateRegisteredModel;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.InSchemaCreations;
import dev.lakeward.catalog.namespace.InSchemaCreations.NewObject;
import dev.lakeward.catalog.namespace.InSchemaUpdates;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.StorageClaims;
import dev.lakeward.catalog.namespace.StorageLocations;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.SecurableEntity;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Registered models, addressed as {@code catalog.schema.model}: each stored under the nearest
 * managed storage at a location the service assigns, where its versions' artifacts go. Each write
 * is one transaction, audited.
 */
@ApplicationScoped
public class RegisteredModelService {

    @Inject
    NamedObjects named;

    @Inject
    PageTokens pageTokens;

    @Inject
    StorageClaims storageClaims;

    @Inject
    InSchemaUpdates updates;

    @Inject
    AuditLog audit;

    @Inject
    InSchemaCreations creations;

    @Transactional
    public RegisteredModelInfo create(Caller caller, CreateRegisteredModel request) {
        InvalidParameter.requireBody(request);
        return info(creations.create(caller, SecurableType.REGISTERED_MODEL, Action.CREATE_MODEL,
                new NewObject(request.catalogName(), request.schemaName(), request.name(), request.comment()),
                new RegisteredModelEntity(), (schema, model) -> {
                    StorageLocation location = StorageLocations.managedLocation(schema.managedStorageRoot(), "models",
                            model.id);
                    storageClaims.admitAssignedLocation(caller, location);
                    model.storageLocation = location.url();
                    return Map.of("storage_location", model.storageLocation);
                }));
    }

    @Transactional
    public RegisteredModelInfo get(Caller caller, String fullName) {
        return info(find(caller, Action.READ_METADATA, fullName));
    }

    /**
     * The models the caller may see, a full page at a time: in one schema, or, as Unity Catalog
     * lists them without a schema, across a catalog's schemas or across every catalog.
     */
    @Transactional
    public Page<RegisteredModelInfo> list(Caller caller, String catalogName, String schemaName, String maxResults,
            String pageToken) {
        PageRequest page = pageTokens.request(maxResults, pageToken);
        Page<InSchema<RegisteredModelEntity>> models;
        if (schemaName != null) {
            models = named.list(caller, SecurableType.REGISTERED_MODEL, RegisteredModelEntity.class, catalogName,
                    schemaName, page);
        } else {
            models = named.listAcrossSchemas(caller, SecurableType.REGISTERED_MODEL, RegisteredModelEntity.class,
                    catalogName, page);
        }
        return models.map(RegisteredModelService::info);
    }

    /** A new name, comment or owner, for those who manage the model. */
    @Transactional
    public RegisteredModelInfo update(Caller caller, String fullName, UpdateRegisteredModel request) {
        InvalidParameter.requireBody(request);
        InSchema<RegisteredModelEntity> model = find(caller, Action.MANAGE, fullName);
        updates.apply(caller, model, request.asSecurableUpdate());
        return info(model);
    }

    /** Deletes the model; one with versions only when forced, and its versions with it. */
    @Transactional
    public void delete(Caller caller, String fullName, boolean force) {
        InSchema<RegisteredModelEntity> model = find(caller, Action.MANAGE, fullName);
        long versions = ModelVersionEntity.count("modelId", model.object().id);
        if (versions > 0 && !force) {
            throw new FailedPrecondition("Registered model '" + model.fullName() + "' has " + versions
                    + " version(s): delete them first, or delete the model with force=true.");
        }
        // the database drops the model's versions and grants with it
        model.object().delete();
        audit.change(caller.name(), AuditAction.DELETE_MODEL, SecurableType.REGISTERED_MODEL, model.fullName(),
                Map.of("storage_location", model.object().storageLocation, "versions", versions));
    }

    InSchema<RegisteredModelEntity> find(Caller caller, Action action, String fullName) {
        return named.inSchema(caller, action, SecurableType.REGISTERED_MODEL, RegisteredModelEntity.class, fullName);
    }

    static RegisteredModelInfo info(InSchema<RegisteredModelEntity> found) {
        RegisteredModelEntity m = found.object();
        return new RegisteredModelInfo(m.name, found.catalogName(), found.schemaName(), m.storageLocation,
                found.fullName(), m.comment, m.owner, SecurableEntity.epochMillis(m.createdAt), m.createdBy,
                SecurableEntity.epochMillis(m.updatedAt), m.updatedBy, m.id.toString());
    }
}
