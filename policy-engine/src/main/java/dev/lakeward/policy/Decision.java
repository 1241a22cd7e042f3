package dev.lakeward.policy;

/**
 * The answer to one {@link Check}, with a reason a person can act on. A denial names the first
 * privilege missing on the way down to the securable: {@code User x does not have USE SCHEMA on
 * schema 'c.s'}.
 *
 * @param undecided a denial because the engine could not decide at all (OPA unreachable): its
 *                  reason names no securable, so it may be told to anyone
 */
public record Decision(boolean allowed, String reason, boolean undecided) {

    public Decision(boolean allowed, String reason) {
        this(allowed, reason, false);
    }

    public static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }

    /** A denial because the engine could not decide: fail closed, and say why. */
    public static Decision undecided(String reason) {
        return new Decision(false, reason, true);
    }
}
