package dev.lakeward.policy.opa;

/** OPA could not give a decision: unreachable, too slow, an error, or an answer of the wrong shape. */
public final class OpaException extends Exception {

    public OpaException(String reason) {
        super(reason);
    }

    public OpaException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
