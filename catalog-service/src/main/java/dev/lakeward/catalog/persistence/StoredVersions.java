package dev.lakeward.catalog.persistence;

/**
 * A CDI event: the versions the database moves with every change that replicas remember
 * something of (grants and memberships; tokens and principals; the namespace and external
 * locations), as {@link VersionPoll} just read them.
 */
public record StoredVersions(long authz, long identity, long namespace) {
}
