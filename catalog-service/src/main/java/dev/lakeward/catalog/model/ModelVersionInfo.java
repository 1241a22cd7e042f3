package dev.lakeward.catalog.model;

/** Unity Catalog's {@code ModelVersionInfo}, field for field. */
public record ModelVersionInfo(String modelName, String catalogName, String schemaName, long version, String source,
        String runId, ModelVersionStatus status, String storageLocation, String comment, Long createdAt,
        String createdBy, Long updatedAt, String updatedBy, String id) {
}
