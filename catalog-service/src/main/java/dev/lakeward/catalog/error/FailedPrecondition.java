package dev.lakeward.catalog.error;

/** The request is well-formed but the object is not in a state that allows it (e.g. deleting a non-empty catalog without force). */
public final class FailedPrecondition extends ApiException {
    public FailedPrecondition(String message) {
        super(ErrorCode.FAILED_PRECONDITION, message);
    }
}
