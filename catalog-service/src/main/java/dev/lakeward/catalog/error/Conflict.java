package dev.lakeward.catalog.error;

/** The request conflicts with the state of what it names (Databricks' {@code RESOURCE_CONFLICT}). */
public final class Conflict extends ApiException {
    public Conflict(String message) {
        super(ErrorCode.RESOURCE_CONFLICT, message);
    }
}
