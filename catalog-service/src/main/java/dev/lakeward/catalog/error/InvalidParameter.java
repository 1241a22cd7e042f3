package dev.lakeward.catalog.error;

/** The request names a value that is malformed or not allowed. */
public final class InvalidParameter extends ApiException {
    public InvalidParameter(String message) {
        super(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    /** An absent body reaches a resource as {@code null}; it is a client's mistake like any other. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new InvalidParameter("A JSON request body is required.");
        }
        return body;
    }
}
