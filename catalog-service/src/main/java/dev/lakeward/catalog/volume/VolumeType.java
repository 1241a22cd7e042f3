package dev.lakeward.catalog.volume;

/** Unity Catalog's {@code VolumeType}. */
public enum VolumeType {
    /** Stored where the service assigns it, under the nearest managed storage. */
    MANAGED,
    /** Stored at a location the creator names, inside an external location. */
    EXTERNAL
}
