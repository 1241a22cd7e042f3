package dev.lakeward.catalog.namespace;

import java.util.Map;

public record SchemaInfo(
        String name,
        String catalogName,
        String comment,
        Map<String, String> properties,
        String fullName,
        String owner,
        Long createdAt,
        String createdBy,
        Long updatedAt,
        String updatedBy,
        String schemaId,
        String storageRoot,
        String storageLocation) {
}
