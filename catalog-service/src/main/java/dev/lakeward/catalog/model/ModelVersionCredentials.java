package dev.lakeward.catalog.model;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.model.ModelRequests.GenerateTemporaryModelVersionCredential;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.storage.StorageVending;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Check;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Temporary credentials for a model version's artifacts, as MLflow asks for them:
 * {@code READ_MODEL_VERSION} needs EXECUTE on the model; {@code READ_WRITE_MODEL_VERSION}, for
 * uploading the artifacts, needs MANAGE on it (what creating the version took) and only while the
 * version is pending. A denial is audited and no credential is minted; a model the caller may not
 * see is answered as one that does not exist.
 */
@ApplicationScoped
public class ModelVersionCredentials {

    @Inject
    RegisteredModelService models;

    @Inject
    ModelVersionService versions;

    @Inject
    AccessControl access;

    @Inject
    Metastore metastore;

    @Inject
    StorageVending vending;

    @Inject
    EntityManager em;

    /** The version, the caller's decision for the operation, and the credential when one was asked for. */
    public record Resolved(ModelVersionInfo version, Decision decision, TemporaryCredential credential) {
    }

    @Transactional
    public TemporaryCredential vend(Caller caller, GenerateTemporaryModelVersionCredential request) {
        InvalidParameter.requireBody(request);
        String modelName = String.join(".", Names.identifier("catalog_name", request.catalogName()),
                Names.identifier("schema_name", request.schemaName()), Names.identifier("model_name", request.modelName()));
        if (request.version() == null) {
            throw new InvalidParameter("version is required.");
        }
        return resolve(caller, modelName, request.version(), operation(request.operation()), true).credential();
    }

    /** For an engine, by the model's {@code catalog.schema.model}: what {@link #vend} answers, and the decision without it. */
    @Transactional
    public Resolved resolve(Caller caller, String modelName, long versionNumber, AccessLevel level,
            boolean wantCredential) {
        InSchema<RegisteredModelEntity> model = models.find(caller, Action.READ_METADATA, modelName);
        ModelVersionEntity version = versions.find(model, Long.toString(versionNumber));
        if (wantCredential && level == AccessLevel.READ_WRITE) {
            // the version's status under a share lock held through the mint: a finalize waits for this
            // credential to be answered, or this credential sees the version finalized, never both pending
            em.refresh(version, LockModeType.PESSIMISTIC_READ);
        }
        Securable securable = model.securable(metastore.securable());
        Decision decision = access.decide(caller, List.of(new Check(
                level == AccessLevel.READ ? Action.EXECUTE : Action.MANAGE, securable))).getFirst();
        ModelVersionInfo info = ModelVersionService.info(model, version);
        if (!wantCredential) {
            return new Resolved(info, decision, null);
        }
        // a write credential vended just before finalization lasts until it expires: the cloud cannot recall it
        if (decision.allowed() && level == AccessLevel.READ_WRITE
                && version.status != ModelVersionStatus.PENDING_REGISTRATION) {
            throw new FailedPrecondition("Version " + version.version + " of registered model '" + model.fullName()
                    + "' is " + version.status + ": its artifacts can no longer be written.");
        }
        return new Resolved(info, decision, vending.vend(caller, decision, version.storageLocation, level,
                SecurableType.REGISTERED_MODEL, model.fullName()));
    }

    private static AccessLevel operation(String operation) {
        if ("READ_MODEL_VERSION".equals(operation)) {
            return AccessLevel.READ;
        }
        if ("READ_WRITE_MODEL_VERSION".equals(operation)) {
            return AccessLevel.READ_WRITE;
        }
        throw new InvalidParameter("operation must be READ_MODEL_VERSION or READ_WRITE_MODEL_VERSION, not '"
                + Names.printable(String.valueOf(operation)) + "'.");
    }
}
