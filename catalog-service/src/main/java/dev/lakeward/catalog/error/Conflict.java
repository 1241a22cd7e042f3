package dev.lakeward.catalog.error;

/**
 * The request conflicts with the state of what it names (Databricks' {@code RESOURCE_CONFLICT}).
 * Open to the protocols whose conflicts carry a kind of their own (a commit's lost race).
 */
public non-sealed class Conflict extends ApiException {
    public Conflict(String message) {
        super(ErrorCode.RESOURCE_CONFLICT, message);
    }
}
