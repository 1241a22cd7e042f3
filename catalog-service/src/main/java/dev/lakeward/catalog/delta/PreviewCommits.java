package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.delta.DeltaCommitLog.Position;
import dev.lakeward.catalog.delta.PreviewCommitMessages.CommitInfo;
import dev.lakeward.catalog.delta.PreviewCommitMessages.CommitRequest;
import dev.lakeward.catalog.delta.PreviewCommitMessages.GetCommitsRequest;
import dev.lakeward.catalog.delta.PreviewCommitMessages.GetCommitsResponse;
import dev.lakeward.catalog.delta.PreviewCommitMessages.Metadata;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.namespace.TableRedefinitions;
import dev.lakeward.catalog.namespace.TableRedefinitions.Definition;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Unity Catalog's experimental commit API ({@code /delta/preview/commits} of {@code all.yaml}), as
 * Delta's own Unity Catalog commit client calls it: the same ratification of a catalog-managed
 * table's commits as the Delta REST API's add-commit ({@link CommitRatification}), the table named
 * by its id and its location. Reading the commits takes SELECT, committing MODIFY; a table the
 * caller may not see is an unknown id.
 */
@ApplicationScoped
class PreviewCommits {

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

    @Inject
    EntityManager em;

    @Transactional
    GetCommitsResponse commits(Caller caller, GetCommitsRequest request) {
        InvalidParameter.requireBody(request);
        if (request.startVersion() == null || request.startVersion() < 0) {
            throw new InvalidParameter("start_version is required and may not be negative.");
        }
        long end = request.endVersion() == null ? Long.MAX_VALUE : request.endVersion();
        TablePath path = catalogManaged(caller, Action.SELECT, request.tableId(), request.tableUri());
        UUID id = path.table().id;
        Position position = log.lockForShare(id).orElseGet(() -> new Position(0, 0, 0));
        return new GetCommitsResponse(log.unpublished(id).stream()
                .filter(commit -> commit.version() >= request.startVersion() && commit.version() <= end)
                .map(CommitInfo::of).toList(), position.latestVersion());
    }

    @Transactional
    void commit(Caller caller, CommitRequest request) {
        InvalidParameter.requireBody(request);
        if (request.commitInfo() == null && request.latestBackfilledVersion() == null) {
            throw new InvalidParameter("commit_info or latest_backfilled_version is required.");
        }
        CatalogManagedContract.refuseUniform(request.uniform() != null, Map.of());
        TablePath path = catalogManaged(caller, Action.MODIFY, request.tableId(), request.tableUri());
        UUID id = path.table().id;
        // the table's row before its commit log's, as every writer and a drop take them
        path.lockForUpdate();
        Position position = log.lockForUpdate(id, path.toInfo().createdAt());
        Map<String, Object> details = new LinkedHashMap<>();
        if (request.commitInfo() != null) {
            UpdateActions.requireValid(request.commitInfo().asCommit());
            if (ratification.isReplay(id, position, request.commitInfo().asCommit(), path.fullName())) {
                return;
            }
        }
        if (request.latestBackfilledVersion() != null) {
            if (request.latestBackfilledVersion() < 0) {
                throw new InvalidParameter("latest_backfilled_version may not be negative.");
            }
            position = ratification.publish(id, position, request.latestBackfilledVersion());
            details.put("latest_published_version", request.latestBackfilledVersion());
        }
        if (request.commitInfo() != null) {
            position = ratification.ratify(caller, id, position, request.commitInfo().asCommit());
            details.put("version", request.commitInfo().version());
            details.put("file_name", request.commitInfo().fileName());
            if (request.metadata() != null) {
                redefinitions.apply(caller, path, redefined(path.toInfo(), request.metadata(), position));
            }
        } else if (request.metadata() != null) {
            throw new InvalidParameter("metadata changes only with the commit_info of the commit that records them.");
        }
        audit.change(caller.name(), AuditAction.COMMIT_TABLE, SecurableType.TABLE, path.fullName(), details);
    }

    /** The table by id, if the caller may do {@code action} on it, it lies at {@code uri} and its commits are Lakeward's. */
    private TablePath catalogManaged(Caller caller, Action action, String tableId, String uri) {
        TablePath path = named.tableById(caller, action, tableId);
        TableInfo table = path.toInfo();
        if (uri == null || table.storageLocation() == null || !sameLocation(uri, table.storageLocation())) {
            throw new InvalidParameter("table_uri must be the location of table " + table.tableId() + ".");
        }
        if (!DeltaViews.catalogManaged(table)) {
            throw new InvalidParameter("'" + table.fullName() + "' is not a catalog-managed Delta table: its"
                    + " writers commit to its _delta_log themselves.");
        }
        return path;
    }

    private static boolean sameLocation(String given, String stored) {
        try {
            return StorageLocation.parse(given).equals(StorageLocation.parse(stored));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("table_uri '" + Names.printable(given) + "' is no location: " + e.getMessage());
        }
    }

    private static Definition redefined(TableInfo table, Metadata metadata, Position position) {
        Map<String, String> properties = new HashMap<>(table.properties());
        if (metadata.properties() != null && metadata.properties().properties() != null) {
            Map<String, String> given = metadata.properties().properties();
            // the commit's configuration, whole; what the server derives stays as it was
            properties.keySet().removeIf(key -> !CatalogManagedContract.isDerived(key));
            given.forEach((key, value) -> {
                if (!CatalogManagedContract.isDerived(key)) {
                    properties.put(key, value);
                }
            });
        }
        CatalogManagedContract.recordMetadataCommit(properties, position.latestVersion(), position.latestTimestamp());
        CatalogManagedContract.requireSatisfiedBy(properties, table.tableId());
        CatalogManagedContract.refuseUniform(false, properties);
        return new Definition(metadata.schema() == null || metadata.schema().columns() == null ? table.columns()
                : metadata.schema().columns(), metadata.description() == null ? table.comment()
                : metadata.description(), properties);
    }
}
