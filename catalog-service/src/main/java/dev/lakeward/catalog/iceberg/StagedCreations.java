package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.NamespaceStore;
import dev.lakeward.catalog.namespace.Requests.CreateTable;
import dev.lakeward.catalog.namespace.StagingTables;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableService;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.rest.requests.UpdateTableRequest;

/**
 * The commit that creates a staged table (requirement {@code assert-create}), as Iceberg's clients
 * send it after a {@code stage-create}: the table's whole first metadata as updates ({@code
 * assign-uuid}, {@code upgrade-format-version}, {@code add-schema}, …, then what the client's
 * transaction wrote), applied with Iceberg's code to empty metadata at the staged location. The
 * table is created with every check of a creation ({@link TableService}: CREATE TABLE on the
 * schema, the location's rules), takes the stage's id, which is the uuid assigned, and gets its
 * first metadata file, in the commit's transaction. Only the caller's own stage is created: a uuid
 * the caller staged nothing under, another's included, is a missing table. A table of that name
 * already there fails the requirement (409 {@code CommitFailedException}); one a concurrent commit
 * creates is found at the insert (409 {@code AlreadyExistsException}). Either way nothing changes.
 */
@ApplicationScoped
public class StagedCreations {

    @Inject
    MetadataFiles metadataFiles;

    @Inject
    NamedObjects named;

    @Inject
    StagingTables staging;

    @Inject
    TableService tables;

    /** Whether the commit creates its table: it requires that the table does not exist yet. */
    static boolean creates(UpdateTableRequest request) {
        return request.requirements().stream().anyMatch(UpdateRequirement.AssertTableDoesNotExist.class::isInstance);
    }

    /** Creates {@code catalog.schema.table} from the caller's stage that the commit names by its uuid. */
    @Transactional
    public TableMetadata create(Caller caller, String catalog, String schema, String table,
            UpdateTableRequest request) {
        String fullName = IcebergNames.fullName(catalog, schema, table);
        UUID id = stagedId(fullName, request);
        named.schema(caller, Action.CREATE_TABLE, catalog, schema);
        // locked first: of two commits creating one stage, the second waits here, then finds the table
        Optional<StagingTables.Held> stage = staging.lockOfCreator(caller, id);
        if (NamespaceStore.tablePath(fullName).isPresent()) {
            throw IcebergFailure.commitFailed("Requirement failed: table '" + fullName
                    + "' already exists; nothing changed.");
        }
        StagingTables.Held held = stage.orElseThrow(() -> NotFound.securable(SecurableType.TABLE, fullName));
        TableMetadata metadata = IcebergCommits.applied(fullName,
                empty(request).assignUUID(id.toString()).setLocation(held.storageLocation()),
                held.storageLocation(), request.updates());
        TableInfo created = tables.create(caller, new CreateTable(table, catalog, schema, held.tableType(),
                DataSourceFormat.ICEBERG, IcebergColumns.of(metadata.schema(), metadata.spec()),
                held.storageLocation(), null, null, null));
        TableMetadata written = metadataFiles.write(metadata);
        IcebergTableEntity.of(UUID.fromString(created.tableId()), written.metadataFileLocation()).persist();
        return written;
    }

    /**
     * The uuid the commit assigns, the id of the stage it creates; checked for its form before
     * anything is looked up, so that the answer tells nothing of the catalog.
     */
    private static UUID stagedId(String fullName, UpdateTableRequest request) {
        if (request.requirements().size() != 1) {
            throw new InvalidParameter("A commit creating '" + fullName + "' has the one requirement assert-create:"
                    + " there is no table yet to hold any other to.");
        }
        List<MetadataUpdate> updates = request.updates();
        for (Class<?> needed : List.of(MetadataUpdate.AddSchema.class, MetadataUpdate.AddPartitionSpec.class,
                MetadataUpdate.AddSortOrder.class)) {
            if (updates.stream().noneMatch(needed::isInstance)) {
                throw new InvalidParameter("A commit creating '" + fullName + "' gives the table's whole first"
                        + " metadata: add-schema, add-spec and add-sort-order at least, as Iceberg's clients send it.");
            }
        }
        List<String> assigned = updates.stream().filter(MetadataUpdate.AssignUUID.class::isInstance)
                .map(update -> ((MetadataUpdate.AssignUUID) update).uuid()).distinct().toList();
        if (assigned.size() != 1) {
            throw new InvalidParameter("A commit creating '" + fullName + "' assigns the table-uuid its"
                    + " stage-create answered (assign-uuid), and only that one.");
        }
        String uuid = assigned.getFirst();
        try {
            return UUID.fromString(uuid);
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidParameter("assign-uuid '" + Names.printable(uuid)
                    + "' is not the table-uuid a stage-create answered.");
        }
    }

    /**
     * Empty metadata of the format version the commit upgrades to, so that its schema and spec are
     * added as of that version, as Iceberg's own catalogs build a created table.
     */
    private static TableMetadata.Builder empty(UpdateTableRequest request) {
        return request.updates().stream().filter(MetadataUpdate.UpgradeFormatVersion.class::isInstance)
                .map(update -> ((MetadataUpdate.UpgradeFormatVersion) update).formatVersion()).findFirst()
                .map(TableMetadata::buildFromEmpty).orElseGet(TableMetadata::buildFromEmpty);
    }
}
