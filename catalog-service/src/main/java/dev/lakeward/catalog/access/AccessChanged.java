package dev.lakeward.catalog.access;

/**
 * A CDI event: this transaction changed who may do what: grants, group memberships, principals
 * or tokens. What this replica keeps of them (the grant snapshot, resolved tokens) catches up
 * once the transaction has committed.
 */
public record AccessChanged() {
}
