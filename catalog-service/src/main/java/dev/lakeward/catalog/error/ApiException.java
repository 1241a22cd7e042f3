package dev.lakeward.catalog.error;

/**
 * A failure a client is told about, carrying Unity Catalog's error code. Services throw the
 * subclasses; one JAX-RS mapper turns them into {@code {"error_code": ..., "message": ...}}.
 */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidParameter, FailedPrecondition, Unauthenticated, PermissionDenied, NotFound,
                AlreadyExists, Conflict, ResourceExhausted, Unavailable, UnsupportedFormat {

    private final ErrorCode code;

    protected ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
