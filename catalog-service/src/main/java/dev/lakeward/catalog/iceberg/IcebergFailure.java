package dev.lakeward.catalog.iceberg;

/**
 * A failure the Iceberg REST protocol names with a type of its own and no Unity Catalog
 * counterpart (a stale commit, a namespace not empty, an update it does not allow): answered
 * with its status and type by {@link IcebergErrors}.
 */
final class IcebergFailure extends RuntimeException {

    private final int status;
    private final String type;

    private IcebergFailure(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /** A requirement of the commit no longer holds: nothing was changed, and the client may retry. */
    static IcebergFailure commitFailed(String message) {
        return new IcebergFailure(409, "CommitFailedException", message);
    }

    static IcebergFailure namespaceNotEmpty(String message) {
        return new IcebergFailure(409, "NamespaceNotEmptyException", message);
    }

    /** A property key both set and removed in one request, which the spec answers 422. */
    static IcebergFailure unprocessable(String message) {
        return new IcebergFailure(422, "UnprocessableEntityException", message);
    }

    /** Part of the protocol this server does not serve. */
    static IcebergFailure unsupported(String message) {
        return new IcebergFailure(406, "UnsupportedOperationException", message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }
}
