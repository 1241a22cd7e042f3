package dev.lakeward.policy;

/**
 * The answer to one {@link Check}, with a reason a person can act on. A denial names the first
 * privilege missing on the way down to the securable: {@code User x does not have USE SCHEMA on
 * schema 'c.s'}.
 */
public record Decision(boolean allowed, String reason) {

    public static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
