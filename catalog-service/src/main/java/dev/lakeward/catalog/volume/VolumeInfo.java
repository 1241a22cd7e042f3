package dev.lakeward.catalog.volume;

/** Unity Catalog's {@code VolumeInfo}, field for field. */
public record VolumeInfo(String catalogName, String schemaName, String name, String fullName, VolumeType volumeType,
        String storageLocation, String comment, String owner, Long createdAt, String createdBy, Long updatedAt,
        String updatedBy, String volumeId) {
}
