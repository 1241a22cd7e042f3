package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.StorageLocations;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.LoadTableResponse;

/**
 * Commits to Iceberg tables, with optimistic concurrency: under the table's row lock, the
 * requirements are checked against the current metadata ({@link UpdateRequirement#validate}),
 * the updates applied to it ({@link MetadataUpdate#applyTo}), the result written as a new metadata
 * file and the row moved to it, in one transaction. A requirement that no longer holds is a 409
 * {@code CommitFailedException} and changes nothing; so is any failure of a multi-table commit,
 * for every table of it. A commit needs MODIFY; it may not move the table's location. The table's
 * columns follow its schema. A metadata file written by a commit that then fails is left unused. A
 * commit that requires the table not to exist ({@code assert-create}) creates a staged table
 * ({@link StagedCreations}), alone or among the tables of a multi-table commit.
 */
@ApplicationScoped
public class IcebergCommits {

    @Inject
    NamedObjects named;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    MetadataFiles metadataFiles;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Inject
    StagedCreations creations;

    @Transactional
    public LoadTableResponse commit(Caller caller, String prefix, String namespace, String table,
            UpdateTableRequest request) {
        String catalog = IcebergNames.catalog(prefix);
        String schema = IcebergNames.schema(catalog, namespace);
        TableMetadata committed;
        if (StagedCreations.creates(request)) {
            committed = creations.create(caller, catalog, schema, table, request);
        } else {
            TablePath path = named.table(caller, Action.MODIFY, IcebergNames.fullName(catalog, schema, table));
            committed = apply(caller, path, lock(path), request);
        }
        return LoadTableResponse.builder().withTableMetadata(committed).build();
    }

    /**
     * Every table's changes or none: the tables are locked in one order, so that two such commits
     * cannot deadlock, then the staged tables are created in the order of their names.
     */
    @Transactional
    public void commitTransaction(Caller caller, String prefix, CommitTransactionRequest request) {
        String catalog = IcebergNames.catalog(prefix);
        List<TablePath> paths = new ArrayList<>();
        List<UpdateTableRequest> changes = new ArrayList<>();
        SortedMap<String, UpdateTableRequest> creating = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (UpdateTableRequest change : request.tableChanges()) {
            TableIdentifier id = change.identifier();
            String fullName = IcebergNames.fullName(catalog, IcebergNames.schema(catalog, id.namespace()), id.name());
            if (!seen.add(fullName)) {
                throw new InvalidParameter("Table '" + fullName + "' appears more than once in the commit;"
                        + " give all of its changes in one.");
            }
            if (StagedCreations.creates(change)) {
                creating.put(fullName, change);
            } else {
                paths.add(named.table(caller, Action.MODIFY, fullName));
                changes.add(change);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> paths.get(i).table().id));
        IcebergTableEntity[] rows = new IcebergTableEntity[paths.size()];
        for (int i : order) {
            rows[i] = lock(paths.get(i));
        }
        for (int i = 0; i < paths.size(); i++) {
            apply(caller, paths.get(i), rows[i], changes.get(i));
        }
        creating.values().forEach(change -> creations.create(caller, catalog,
                IcebergNames.schema(catalog, change.identifier().namespace()), change.identifier().name(), change));
    }

    /**
     * Locks the table's row, read afresh (a commit writes its columns, and must not write back a
     * name or a comment changed since it was read), and the row of its metadata location.
     */
    private IcebergTableEntity lock(TablePath path) {
        path.lockForUpdate();
        IcebergTableEntity row = path.table().dataSourceFormat != DataSourceFormat.ICEBERG ? null
                : em.find(IcebergTableEntity.class, path.table().id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            throw NotFound.securable(SecurableType.TABLE, path.fullName());
        }
        return row;
    }

    private TableMetadata apply(Caller caller, TablePath path, IcebergTableEntity row, UpdateTableRequest request) {
        TableMetadata base = metadataFiles.read(row.metadataLocation);
        for (UpdateRequirement requirement : request.requirements()) {
            try {
                requirement.validate(base);
            } catch (CommitFailedException stale) {
                throw IcebergFailure.commitFailed("Commit to '" + path.fullName() + "' refused, nothing changed: "
                        + stale.getMessage());
            }
        }
        TableMetadata updated = applied(path.fullName(), TableMetadata.buildFrom(base), base.location(),
                request.updates());
        if (updated.changes().isEmpty()) {
            return base;
        }
        TableMetadata written = metadataFiles.write(updated);
        String previous = row.metadataLocation;
        row.metadataLocation = written.metadataFileLocation();
        path.table().columns = IcebergColumns.of(written.schema(), written.spec());
        path.table().updatedBy(caller.name());
        audit.change(caller.name(), AuditAction.COMMIT_TABLE, SecurableType.TABLE, path.fullName(),
                Map.of("metadata_location", row.metadataLocation, "previous_metadata_location", previous));
        namespaceChanged.fire(new NamespaceChanged());
        return written;
    }

    /**
     * The updates applied, with Iceberg's code, to the metadata the builder holds, at {@code
     * location}, which no update may move; an update Iceberg refuses is a 400 and changes nothing.
     */
    static TableMetadata applied(String fullName, TableMetadata.Builder builder, String location,
            List<MetadataUpdate> updates) {
        try {
            for (MetadataUpdate update : updates) {
                if (update instanceof MetadataUpdate.SetLocation moved) {
                    if (!StorageLocations.normalize("location", moved.location())
                            .equals(StorageLocations.normalize("location", location))) {
                        throw new InvalidParameter("A commit may not move table '" + fullName + "' from '"
                                + location + "'.");
                    }
                    // the table's own location, however spelled: it holds it already, as stored
                    continue;
                }
                update.applyTo(builder);
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException | ValidationException refused) {
            throw new InvalidParameter("Commit to '" + fullName + "' refused, nothing changed: "
                    + refused.getMessage());
        }
    }
}
