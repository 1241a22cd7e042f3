package dev.lakeward.catalog.error;

/** Unity Catalog's error codes, each with the HTTP status it is answered with. */
public enum ErrorCode {
    INVALID_PARAMETER_VALUE(400),
    FAILED_PRECONDITION(400),
    UNAUTHENTICATED(401),
    PERMISSION_DENIED(403),
    NOT_FOUND(404),
    /** The path exists but not with the request's method (Unity Catalog has no code of its own for it). */
    METHOD_NOT_ALLOWED(405),
    ALREADY_EXISTS(409),
    RESOURCE_CONFLICT(409),
    REQUEST_LIMIT_EXCEEDED(413),
    /** A bound on what the server keeps for the caller is reached (Databricks' code, answered 429). */
    RESOURCE_EXHAUSTED(429),
    TEMPORARILY_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The code a client is given for a status raised by the HTTP layer itself (unknown path, bad method…). */
    public static ErrorCode forHttpStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> ALREADY_EXISTS;
            case 413 -> REQUEST_LIMIT_EXCEEDED;
            default -> status >= 500 ? INTERNAL_ERROR : INVALID_PARAMETER_VALUE;
        };
    }
}
