package dev.lakeward.catalog.authz;

/** A CDI event: this transaction changed grants or group memberships. */
public record GrantsChanged() {
}
