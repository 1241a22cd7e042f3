package dev.lakeward.credentials;

/**
 * The cloud did not vend: STS, Entra ID or Google refused or did not answer. The message names
 * the call and the cloud's reason, never a secret; callers answer it as the cloud's failure, not
 * the client's and not their own.
 */
public final class VendingFailed extends IllegalStateException {

    public VendingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
