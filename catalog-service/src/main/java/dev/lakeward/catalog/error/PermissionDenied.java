package dev.lakeward.catalog.error;

/** The caller is known but may not do what it asked. */
public final class PermissionDenied extends ApiException {
    public PermissionDenied(String message) {
        super(ErrorCode.PERMISSION_DENIED, message);
    }
}
