package dev.lakeward.catalog.model;

/** Unity Catalog's {@code ModelVersionStatus}, without its {@code MODEL_VERSION_STATUS_UNKNOWN}. */
public enum ModelVersionStatus {
    /** Created; its artifacts are being uploaded (read-write credentials are vended only now). */
    PENDING_REGISTRATION,
    FAILED_REGISTRATION,
    /** Finalized: its artifacts are fixed, and only read credentials are vended. */
    READY
}
