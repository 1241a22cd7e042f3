package dev.lakeward.catalog.error;

/** An object of that name already exists under the same parent. */
public final class AlreadyExists extends ApiException {
    public AlreadyExists(String message) {
        super(ErrorCode.ALREADY_EXISTS, message);
    }
}
