package dev.lakeward.policy;

/** {@code member} (a user, service principal or group) belongs to {@code group}. */
public record Membership(String group, String member) {
}
