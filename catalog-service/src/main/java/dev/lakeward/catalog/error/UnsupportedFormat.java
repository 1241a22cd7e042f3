package dev.lakeward.catalog.error;

/**
 * The object exists but is not of a format the endpoint serves (a view or a Parquet table asked
 * for through the Delta REST API): a 400, which that API names so that clients fall back.
 */
public final class UnsupportedFormat extends ApiException {
    public UnsupportedFormat(String message) {
        super(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }
}
