package dev.lakeward.catalog.error;

/** The named object does not exist. */
public final class NotFound extends ApiException {
    public NotFound(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }
}
