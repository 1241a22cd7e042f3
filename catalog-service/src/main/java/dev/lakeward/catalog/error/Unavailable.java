package dev.lakeward.catalog.error;

/** A service Lakeward depends on (Apache Atlas, …) did not do its part; the request may be retried. */
public final class Unavailable extends ApiException {
    public Unavailable(String message) {
        super(ErrorCode.TEMPORARILY_UNAVAILABLE, message);
    }
}
