package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.delta.DeltaCommitLog.Position;
import dev.lakeward.catalog.delta.DeltaMessages.Commit;
import dev.lakeward.catalog.delta.DeltaMessages.LoadTableResponse;
import dev.lakeward.catalog.delta.DeltaMessages.RemoveDomainMetadata;
import dev.lakeward.catalog.delta.DeltaMessages.RemoveProperties;
import dev.lakeward.catalog.delta.DeltaMessages.SetColumns;
import dev.lakeward.catalog.delta.DeltaMessages.SetDomainMetadata;
import dev.lakeward.catalog.delta.DeltaMessages.SetLatestBackfilledVersion;
import dev.lakeward.catalog.delta.DeltaMessages.SetPartitionColumns;
import dev.lakeward.catalog.delta.DeltaMessages.SetProperties;
import dev.lakeward.catalog.delta.DeltaMessages.SetProtocol;
import dev.lakeward.catalog.delta.DeltaMessages.SetTableComment;
import dev.lakeward.catalog.delta.DeltaMessages.UpdateSnapshotVersion;
import dev.lakeward.catalog.delta.DeltaMessages.UpdateTableRequest;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.ColumnInfo;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.namespace.TableRedefinitions;
import dev.lakeward.catalog.namespace.TableRedefinitions.Definition;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST .../tables/{table}}: a table's metadata changed and, for a catalog-managed table, a
 * commit ratified or published versions reported, all in one transaction under the table's row
 * lock (and its commit log's, which readers share), so of writers racing for a version exactly one
 * wins and the others are told to reload. A replayed commit (the version and file ratified
 * already) is answered as it was, changing nothing. Writing takes MODIFY, as committing does.
 */
@ApplicationScoped
public class DeltaTableUpdates {

    @Inject
    NamedObjects named;

    @Inject
    DeltaCommitLog log;

    @Inject
    CommitRatification ratification;

    @Inject
    TableRedefinitions redefinitions;

    @Inject
    AuditLog audit;

    @Transactional
    public LoadTableResponse update(Caller caller, String fullName, UpdateTableRequest request) {
        UpdateActions actions = UpdateActions.of(request);
        TablePath path = named.table(caller, Action.MODIFY, fullName);
        TableInfo before = DeltaViews.deltaTable(path.toInfo());
        UUID id = path.table().id;
        if (!actions.tableUuid().equals(id)) {
            throw CommitConflict.requirement("assert-table-uuid: '" + path.fullName() + "' is table " + id
                    + ", not " + actions.tableUuid() + "; reload it.");
        }
        boolean managed = DeltaViews.catalogManaged(before);
        // the table's row before its commit log's, in the order a drop takes them (no deadlock with it)
        path.lockForUpdate();
        Position position = null;
        if (managed) {
            if (actions.get(UpdateSnapshotVersion.class).isPresent()) {
                throw new InvalidParameter("update-metadata-snapshot-version is for external tables: '"
                        + path.fullName() + "' records its versions by its commits.");
            }
            position = log.lockForUpdate(id, before.createdAt());
        } else {
            refuseCommitsOf(actions, path.fullName());
        }
        Optional<Commit> commit = actions.commit();
        if (commit.isPresent() && ratification.isReplay(id, position, commit.get(), path.fullName())) {
            return response(path, managed, position);
        }
        Optional<String> etag = actions.etag();
        if (etag.isPresent() && !etag.get().equals(DeltaViews.etag(path.toInfo()))) {
            throw CommitConflict.requirement("assert-etag: '" + path.fullName() + "' changed since it was read;"
                    + " reload it.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("actions", actions.names());
        if (managed) {
            Optional<Long> published = actions.get(SetLatestBackfilledVersion.class)
                    .map(SetLatestBackfilledVersion::latestPublishedVersion);
            if (published.isPresent()) {
                position = ratification.publish(id, position, published.get());
                details.put("latest_published_version", published.get());
            }
            if (commit.isPresent()) {
                position = ratification.ratify(caller, id, position, commit.get());
                details.put("version", commit.get().version());
                details.put("file_name", commit.get().fileName());
            }
        }
        if (actions.changesMetadata()) {
            if (managed && actions.changesLog() && commit.isEmpty()) {
                throw new InvalidParameter("'" + path.fullName() + "' is catalog-managed: its columns, protocol,"
                        + " partitioning and domain metadata change only with the add-commit whose file records them.");
            }
            redefinitions.apply(caller, path, redefined(path, actions, managed, commit));
        }
        audit.change(caller.name(), commit.isPresent() || actions.get(SetLatestBackfilledVersion.class).isPresent()
                ? AuditAction.COMMIT_TABLE : AuditAction.UPDATE_TABLE, SecurableType.TABLE, path.fullName(), details);
        return response(path, managed, position);
    }

    /** The table's definition after the request's changes, in a fixed order, checked against the contract. */
    private static Definition redefined(TablePath path, UpdateActions actions, boolean managed, Optional<Commit> commit) {
        TableInfo table = path.toInfo();
        Map<String, String> properties = new HashMap<>(table.properties());
        actions.get(SetProperties.class).ifPresent(set -> set.updates().forEach((key, value) -> {
            CatalogManagedContract.requireWritable("set-properties", key);
            properties.put(key, value);
        }));
        actions.get(RemoveProperties.class).ifPresent(remove -> remove.removals().forEach(key -> {
            CatalogManagedContract.requireWritable("remove-properties", key);
            properties.remove(key);
        }));
        actions.get(SetProtocol.class).ifPresent(set -> CatalogManagedContract.setProtocol(properties, set.protocol()));
        actions.get(RemoveDomainMetadata.class).ifPresent(remove ->
                remove.domains().forEach(domain -> CatalogManagedContract.removeDomain(properties, domain)));
        actions.get(SetDomainMetadata.class).ifPresent(set -> CatalogManagedContract.setDomains(properties, set.updates()));
        actions.get(UpdateSnapshotVersion.class).ifPresent(update -> CatalogManagedContract.recordMetadataCommit(
                properties, update.lastCommitVersion(), update.lastCommitTimestampMs()));
        if (managed) {
            commit.ifPresent(c -> CatalogManagedContract.recordMetadataCommit(properties, c.version(), c.timestamp()));
            CatalogManagedContract.requireSatisfiedBy(properties, table.tableId());
        } else if (CatalogManagedContract.isCatalogManaged(properties)) {
            throw new InvalidParameter("'" + path.fullName() + "' is not catalog-managed, and no update makes it so:"
                    + " a table is catalog-managed from its creation through staging.");
        }
        CatalogManagedContract.refuseUniform(false, properties);
        Optional<List<String>> newPartitions = actions.get(SetPartitionColumns.class)
                .map(SetPartitionColumns::partitionColumns);
        List<String> partitions = newPartitions.orElseGet(() -> DeltaSchemas.partitionColumns(table.columns()));
        List<ColumnInfo> columns = actions.get(SetColumns.class)
                .map(set -> DeltaSchemas.columns(set.columns(), partitions))
                .orElseGet(() -> newPartitions.isPresent() ? DeltaSchemas.partitioned(table.columns(), partitions)
                        : table.columns());
        String comment = actions.get(SetTableComment.class).map(SetTableComment::comment).orElse(table.comment());
        return new Definition(columns, comment, properties);
    }

    /** Commits and their bookkeeping are for catalog-managed tables; the snapshot version for the others. */
    private static void refuseCommitsOf(UpdateActions actions, String fullName) {
        if (actions.commit().isPresent() || actions.get(SetLatestBackfilledVersion.class).isPresent()) {
            throw new InvalidParameter("'" + fullName + "' is not catalog-managed: its writers commit to its"
                    + " _delta_log themselves, so add-commit and set-latest-backfilled-version do not apply.");
        }
    }

    private LoadTableResponse response(TablePath path, boolean managed, Position position) {
        return managed ? DeltaViews.of(path.toInfo(), position, log.unpublished(path.table().id))
                : DeltaViews.of(path.toInfo());
    }
}
