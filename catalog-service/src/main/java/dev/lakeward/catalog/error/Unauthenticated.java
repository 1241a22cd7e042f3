package dev.lakeward.catalog.error;

/** The request carries no valid credentials. */
public final class Unauthenticated extends ApiException {
    public Unauthenticated(String message) {
        super(ErrorCode.UNAUTHENTICATED, message);
    }
}
