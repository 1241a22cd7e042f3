package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.delta.DeltaMessages.AddCommit;
import dev.lakeward.catalog.delta.DeltaMessages.AssertEtag;
import dev.lakeward.catalog.delta.DeltaMessages.AssertTableUuid;
import dev.lakeward.catalog.delta.DeltaMessages.Commit;
import dev.lakeward.catalog.delta.DeltaMessages.RemoveDomainMetadata;
import dev.lakeward.catalog.delta.DeltaMessages.RemoveProperties;
import dev.lakeward.catalog.delta.DeltaMessages.Requirement;
import dev.lakeward.catalog.delta.DeltaMessages.SetColumns;
import dev.lakeward.catalog.delta.DeltaMessages.SetDomainMetadata;
import dev.lakeward.catalog.delta.DeltaMessages.SetLatestBackfilledVersion;
import dev.lakeward.catalog.delta.DeltaMessages.SetPartitionColumns;
import dev.lakeward.catalog.delta.DeltaMessages.SetProperties;
import dev.lakeward.catalog.delta.DeltaMessages.SetProtocol;
import dev.lakeward.catalog.delta.DeltaMessages.SetTableComment;
import dev.lakeward.catalog.delta.DeltaMessages.TableUpdate;
import dev.lakeward.catalog.delta.DeltaMessages.UpdateSnapshotVersion;
import dev.lakeward.catalog.delta.DeltaMessages.UpdateTableRequest;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An update request of the Delta REST API checked for its shape before anything is looked up:
 * an {@code assert-table-uuid}, at least one update, no action or requirement twice, no property
 * or domain both set and removed, every field a commit needs. The order of the request's lists
 * carries no meaning: each action is kept by its kind, and applied in one fixed order.
 */
record UpdateActions(UUID tableUuid, Optional<String> etag, Map<Class<?>, TableUpdate> byKind) {

    /**
     * A staged commit's file: its version, zero-padded to 20 digits, and a UUID, under
     * {@code _delta_log/_staged_commits/}; nothing that reaches outside it.
     */
    private static final Pattern STAGED_COMMIT = Pattern.compile(
            "(\\d{20})\\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\.json");

    static UpdateActions of(UpdateTableRequest request) {
        InvalidParameter.requireBody(request);
        if (request.requirements() == null || request.updates() == null || request.updates().isEmpty()) {
            throw new InvalidParameter("requirements (with assert-table-uuid) and at least one update are required.");
        }
        UUID uuid = null;
        String etag = null;
        Set<Class<?>> requirementKinds = new HashSet<>();
        for (Requirement requirement : request.requirements()) {
            if (requirement == null || !requirementKinds.add(requirement.getClass())) {
                throw new InvalidParameter("requirements may hold each type of requirement once.");
            }
            switch (requirement) {
                case AssertTableUuid table -> uuid = uuid(table.uuid());
                case AssertEtag asserted -> etag = required("assert-etag.etag", asserted.etag());
            }
        }
        if (uuid == null) {
            throw new InvalidParameter("requirements must hold an assert-table-uuid.");
        }
        Map<Class<?>, TableUpdate> byKind = new HashMap<>();
        for (TableUpdate update : request.updates()) {
            if (update == null || byKind.put(update.getClass(), update) != null) {
                throw new InvalidParameter("updates may hold each action once.");
            }
        }
        UpdateActions actions = new UpdateActions(uuid, Optional.ofNullable(etag), byKind);
        actions.requireComplete();
        return actions;
    }

    <U extends TableUpdate> Optional<U> get(Class<U> kind) {
        return Optional.ofNullable(kind.cast(byKind.get(kind)));
    }

    Optional<Commit> commit() {
        return get(AddCommit.class).map(AddCommit::commit);
    }

    /** Whether the request changes what the table's Delta log also records (so only with a commit). */
    boolean changesLog() {
        return byKind.containsKey(SetColumns.class) || byKind.containsKey(SetProtocol.class)
                || byKind.containsKey(SetPartitionColumns.class) || byKind.containsKey(SetDomainMetadata.class)
                || byKind.containsKey(RemoveDomainMetadata.class);
    }

    /** Whether the request changes the table's metadata at all. */
    boolean changesMetadata() {
        return changesLog() || byKind.containsKey(SetProperties.class) || byKind.containsKey(RemoveProperties.class)
                || byKind.containsKey(SetTableComment.class) || byKind.containsKey(UpdateSnapshotVersion.class);
    }

    /** The actions' names, for the audit log. */
    List<String> names() {
        return byKind.values().stream().map(update -> update.getClass().getSimpleName()).sorted().toList();
    }

    private void requireComplete() {
        get(AddCommit.class).ifPresent(add -> {
            if (add.commit() == null) {
                throw new InvalidParameter("add-commit.commit is required.");
            }
            requireValid(add.commit());
            CatalogManagedContract.refuseUniform(add.uniform() != null && !add.uniform().isNull(), Map.of());
        });
        get(SetLatestBackfilledVersion.class).ifPresent(backfill -> {
            if (backfill.latestPublishedVersion() == null || backfill.latestPublishedVersion() < 0) {
                throw new InvalidParameter("set-latest-backfilled-version.latest-published-version is required and"
                        + " may not be negative.");
            }
        });
        get(SetProperties.class).ifPresent(set -> {
            if (set.updates() == null || set.updates().isEmpty()) {
                throw new InvalidParameter("set-properties.updates is required: the properties to set.");
            }
        });
        get(RemoveProperties.class).ifPresent(remove -> {
            List<String> removals = Objects.requireNonNullElse(remove.removals(), List.of());
            if (removals.isEmpty() || removals.contains(null)) {
                throw new InvalidParameter("remove-properties.removals is required: the keys to remove.");
            }
            Map<String, String> set = get(SetProperties.class).map(SetProperties::updates).orElse(Map.of());
            removals.stream().filter(set::containsKey).findFirst().ifPresent(key -> {
                throw new InvalidParameter("'" + Names.printable(key) + "' is both set and removed.");
            });
        });
        get(SetColumns.class).ifPresent(set -> required("set-columns.columns", set.columns()));
        get(SetTableComment.class).ifPresent(set -> required("set-table-comment.comment", set.comment()));
        get(SetProtocol.class).ifPresent(set -> required("set-protocol.protocol", set.protocol()));
        get(SetPartitionColumns.class).ifPresent(set -> {
            List<String> columns = required("set-partition-columns.partition-columns", set.partitionColumns());
            if (columns.contains(null)) {
                throw new InvalidParameter("set-partition-columns.partition-columns holds a null.");
            }
        });
        get(RemoveDomainMetadata.class).ifPresent(remove -> {
            List<String> domains = Objects.requireNonNullElse(remove.domains(), List.of());
            if (domains.isEmpty()) {
                throw new InvalidParameter("remove-domain-metadata.domains is required: the domains to remove.");
            }
            get(SetDomainMetadata.class).map(SetDomainMetadata::updates).ifPresent(set -> domains.forEach(domain -> {
                boolean alsoSet = CatalogManagedContract.CLUSTERING_DOMAIN.equals(domain) && set.clustering() != null
                        || CatalogManagedContract.ROW_TRACKING_DOMAIN.equals(domain) && set.rowTracking() != null;
                if (alsoSet) {
                    throw new InvalidParameter("Domain '" + domain + "' is both set and removed.");
                }
            }));
        });
        get(UpdateSnapshotVersion.class).ifPresent(update -> {
            if (update.lastCommitVersion() == null || update.lastCommitVersion() < 0
                    || update.lastCommitTimestampMs() == null || update.lastCommitTimestampMs() < 0) {
                throw new InvalidParameter("update-metadata-snapshot-version needs last-commit-version and"
                        + " last-commit-timestamp-ms, neither negative.");
            }
        });
    }

    /** A proposed commit with every field it needs, naming a staged commit file of its own version. */
    static void requireValid(Commit commit) {
        if (commit.version() == null || commit.timestamp() == null || commit.fileName() == null
                || commit.fileSize() == null || commit.fileModificationTimestamp() == null) {
            throw new InvalidParameter("A commit needs its version, timestamp, file name, file size and file"
                    + " modification timestamp.");
        }
        if (commit.version() <= 0 || commit.timestamp() <= 0 || commit.fileSize() <= 0
                || commit.fileModificationTimestamp() < 0) {
            throw new InvalidParameter("A commit's version, timestamp and file size must be positive.");
        }
        var name = STAGED_COMMIT.matcher(commit.fileName());
        // twenty digits may name more than a long holds: compared as text, never parsed
        if (!name.matches() || !name.group(1).equals(String.format("%020d", commit.version()))) {
            throw new InvalidParameter("The commit's file name '" + Names.printable(commit.fileName())
                    + "' is not a staged commit of version " + commit.version()
                    + ": <version, 20 digits>.<uuid>.json under _delta_log/_staged_commits/.");
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(required("assert-table-uuid.uuid", value));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("assert-table-uuid.uuid must be a UUID.");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidParameter(field + " is required.");
        }
        return value;
    }
}
