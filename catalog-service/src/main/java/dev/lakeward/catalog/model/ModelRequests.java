package dev.lakeward.catalog.model;

import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import java.util.List;

/** The model registry's bodies, as Unity Catalog names their fields. */
public final class ModelRequests {

    private ModelRequests() {
    }

    public record CreateRegisteredModel(String name, String catalogName, String schemaName, String comment) {
    }

    /** Unity Catalog's {@code UpdateRegisteredModel}, with Databricks' {@code owner}. */
    public record UpdateRegisteredModel(String newName, String comment, String owner) {

        UpdateSecurable asSecurableUpdate() {
            return new UpdateSecurable(newName, comment, null, owner);
        }
    }

    public record ListRegisteredModelsResponse(List<RegisteredModelInfo> registeredModels, String nextPageToken) {
    }

    public record CreateModelVersion(String modelName, String catalogName, String schemaName, String source,
            String runId, String comment) {
    }

    public record UpdateModelVersion(String comment) {
    }

    public record FinalizeModelVersion(String fullName, Long version) {
    }

    public record ListModelVersionsResponse(List<ModelVersionInfo> modelVersions, String nextPageToken) {
    }

    public record GenerateTemporaryModelVersionCredential(String catalogName, String schemaName, String modelName,
            Long version, String operation) {
    }
}
