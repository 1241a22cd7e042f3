package dev.lakeward.lineage.atlas;

/** Atlas refused a request or could not be reached; the message says which and why. */
public final class AtlasException extends Exception {

    public AtlasException(String message) {
        super(message);
    }

    public AtlasException(String message, Throwable cause) {
        super(message, cause);
    }
}
