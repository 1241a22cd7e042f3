package dev.lakeward.catalog.model;

/** Unity Catalog's {@code RegisteredModelInfo}, field for field. */
public record RegisteredModelInfo(String name, String catalogName, String schemaName, String storageLocation,
        String fullName, String comment, String owner, Long createdAt, String createdBy, Long updatedAt,
        String updatedBy, String id) {
}
