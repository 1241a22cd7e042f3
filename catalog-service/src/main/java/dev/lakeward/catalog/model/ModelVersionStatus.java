package dev.lakeward.catalog.model;

/** Unity Catalog's {@code ModelVersionStatus}, as a version moves through registration. */
public enum ModelVersionStatus {
    /** Created: its artifacts are still being written, with read-write credentials. */
    PENDING_REGISTRATION,
    /** Its artifacts could not all be written. */
    FAILED_REGISTRATION,
    /** Finalized: its artifacts are complete and can no longer be written. */
    READY
}
