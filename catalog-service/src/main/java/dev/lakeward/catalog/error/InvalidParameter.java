package dev.lakeward.catalog.error;

/** The request names a value that is malformed or not allowed. */
public final class InvalidParameter extends ApiException {
    public InvalidParameter(String message) {
        super(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
