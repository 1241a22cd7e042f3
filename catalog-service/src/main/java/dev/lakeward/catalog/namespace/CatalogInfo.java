package dev.lakeward.catalog.namespace;

import java.util.Map;

public record CatalogInfo(
        String name,
        String comment,
        Map<String, String> properties,
        String owner,
        Long createdAt,
        String createdBy,
        Long updatedAt,
        String updatedBy,
        String id,
        String storageRoot,
        String storageLocation) {
}
