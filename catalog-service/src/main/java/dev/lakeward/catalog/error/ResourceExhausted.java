package dev.lakeward.catalog.error;

/** What the server keeps for a securable is at its bound until the caller frees some (Databricks' {@code RESOURCE_EXHAUSTED}). */
public final class ResourceExhausted extends ApiException {
    public ResourceExhausted(String message) {
        super(ErrorCode.RESOURCE_EXHAUSTED, message);
    }
}
