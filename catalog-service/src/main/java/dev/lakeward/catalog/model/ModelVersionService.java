package dev.lakeward.catalog.model;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.model.ModelRequests.CreateModelVersion;
import dev.lakeward.catalog.model.ModelRequests.FinalizeModelVersion;
import dev.lakeward.catalog.model.ModelRequests.UpdateModelVersion;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.SecurableEntity;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A registered model's versions, as MLflow registers them: created pending, with a location under
 * the model's for their artifacts; finalized to READY, after which nothing may be written there.
 * Reading a version is decided on its model (EXECUTE, or anything that shows the model); creating,
 * finalizing, changing and deleting one takes MANAGE on the model, as its owner has.
 */
@ApplicationScoped
public class ModelVersionService {

    static final int MAX_SOURCE_LENGTH = 4_096;

    @Inject
    RegisteredModelService models;

    @Inject
    PageTokens pageTokens;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Transactional
    public ModelVersionInfo create(Caller caller, CreateModelVersion request) {
        InvalidParameter.requireBody(request);
        String modelName = String.join(".", Names.identifier("catalog_name", request.catalogName()),
                Names.identifier("schema_name", request.schemaName()), Names.identifier("model_name", request.modelName()));
        String source = text("source", request.source());
        if (source == null || source.isBlank()) {
            throw new InvalidParameter("source is required: the URI of the version's source artifacts.");
        }
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.MANAGE, modelName);
        ModelVersionEntity version = new ModelVersionEntity();
        version.id = UUID.randomUUID();
        version.modelId = model.object().id;
        version.version = nextVersion(model.object());
        version.source = source;
        version.runId = text("run_id", request.runId());
        version.comment = Names.comment(request.comment());
        version.status = ModelVersionStatus.PENDING_REGISTRATION;
        version.storageLocation = StorageLocation.parse(model.object().storageLocation)
                .resolve("versions", Long.toString(version.version)).url();
        version.createdAt = Instant.now();
        version.createdBy = caller.name();
        version.updatedAt = version.createdAt;
        version.updatedBy = caller.name();
        version.persist();
        audit.change(caller.name(), AuditAction.CREATE_MODEL_VERSION, SecurableType.REGISTERED_MODEL,
                model.fullName(), Map.of("version", version.version, "storage_location", version.storageLocation));
        return info(model, version);
    }

    @Transactional
    public ModelVersionInfo get(Caller caller, String modelName, String version) {
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.READ_METADATA, modelName);
        return info(model, find(model, version));
    }

    /** A model's versions in version order, a page at a time: who may see the model may see them all. */
    @Transactional
    public Page<ModelVersionInfo> list(Caller caller, String modelName, String maxResults, String pageToken) {
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.READ_METADATA, modelName);
        PageRequest page = pageTokens.request(maxResults, pageToken);
        long after = page.after().isEmpty() ? 0 : versionKey(page.after());
        List<ModelVersionEntity> fetched = ModelVersionEntity.<ModelVersionEntity>find(
                "modelId = ?1 and version > ?2", Sort.by("version"), model.object().id, after)
                .range(0, page.size()).list();
        return Page.fromLookahead(fetched, page, v -> Long.toString(v.version)).map(v -> info(model, v));
    }

    @Transactional
    public ModelVersionInfo update(Caller caller, String modelName, String version, UpdateModelVersion request) {
        InvalidParameter.requireBody(request);
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.MANAGE, modelName);
        ModelVersionEntity found = find(model, version);
        if (request.comment() != null) {
            found.comment = Names.comment(request.comment());
        }
        found.updatedBy(caller.name());
        return info(model, found);
    }

    /** Marks a pending version READY: its artifacts are complete, and no credential can write them again. */
    @Transactional
    public ModelVersionInfo finalizeVersion(Caller caller, String modelName, String version, FinalizeModelVersion request) {
        InvalidParameter.requireBody(request);
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.MANAGE, modelName);
        ModelVersionEntity found = find(model, version);
        if (request.fullName() == null || request.version() == null) {
            throw new InvalidParameter("full_name and version are required: the model version to finalize.");
        }
        if (!Names.fullName(request.fullName(), List.of("catalog", "schema", "model")).equals(
                List.of(model.catalogName(), model.schemaName(), model.object().name))
                || request.version() != found.version) {
            throw new InvalidParameter("full_name and version in the body name another model version than the path.");
        }
        // two finalizations at once take turns: the second finds the version READY
        em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        if (found.status != ModelVersionStatus.PENDING_REGISTRATION) {
            throw new FailedPrecondition("Version " + found.version + " of registered model '" + model.fullName()
                    + "' is " + found.status + ": only a PENDING_REGISTRATION version can be finalized.");
        }
        found.status = ModelVersionStatus.READY;
        found.updatedBy(caller.name());
        audit.change(caller.name(), AuditAction.FINALIZE_MODEL_VERSION, SecurableType.REGISTERED_MODEL,
                model.fullName(), Map.of("version", found.version));
        return info(model, found);
    }

    @Transactional
    public void delete(Caller caller, String modelName, String version) {
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.MANAGE, modelName);
        ModelVersionEntity found = find(model, version);
        found.delete();
        audit.change(caller.name(), AuditAction.DELETE_MODEL_VERSION, SecurableType.REGISTERED_MODEL,
                model.fullName(), Map.of("version", found.version, "storage_location", found.storageLocation));
    }

    ModelVersionEntity find(InSchema<RegisteredModelEntity> model, String version) {
        long number = versionNumber(version);
        return ModelVersionEntity.<ModelVersionEntity>find("modelId = ?1 and version = ?2", model.object().id, number)
                .firstResultOptional().orElseThrow(() -> missing(model, number));
    }

    static NotFound missing(InSchema<RegisteredModelEntity> model, long version) {
        return new NotFound("Version " + version + " of registered model '" + model.fullName() + "' does not exist.");
    }

    /** The next number of the model's counter, under its row's lock: concurrent registrations take turns. */
    private long nextVersion(RegisteredModelEntity model) {
        return ((Number) em.createNativeQuery(
                        "update registered_model set last_version = last_version + 1 where id = ?1 returning last_version")
                .setParameter(1, model.id).getSingleResult()).longValue();
    }

    /** A version number from a path: a positive whole number. */
    static long versionNumber(String version) {
        try {
            long number = Long.parseLong(version);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidParameter("version must be a positive whole number, not '" + Names.printable(version) + "'.");
    }

    private static long versionKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException otherListing) {
            throw new InvalidParameter("page_token does not continue this listing; repeat it without one.");
        }
    }

    private static String text(String field, String value) {
        if (value != null && value.length() > MAX_SOURCE_LENGTH) {
            throw new InvalidParameter(field + " is " + value.length() + " characters long; at most "
                    + MAX_SOURCE_LENGTH + " are allowed.");
        }
        return value;
    }

    static ModelVersionInfo info(InSchema<RegisteredModelEntity> model, ModelVersionEntity v) {
        return new ModelVersionInfo(model.object().name, model.catalogName(), model.schemaName(), v.version, v.source,
                v.runId, v.status, v.storageLocation, v.comment, SecurableEntity.epochMillis(v.createdAt), v.createdBy,
                SecurableEntity.epochMillis(v.updatedAt), v.updatedBy, v.id.toString());
    }
}
