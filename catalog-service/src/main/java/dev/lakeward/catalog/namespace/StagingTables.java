package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.AlreadyExists;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Staging tables: storage allocated for a table before it exists, so that an engine writes the
 * first commit and then creates the table over it atomically. Unity Catalog's {@code POST
 * /staging-tables} stages a MANAGED Delta table; the Iceberg REST catalog's {@code stage-create} a
 * MANAGED or an EXTERNAL Iceberg table. A managed stage's location is assigned under the nearest
 * managed storage exactly as a managed table's, by the id the table will have; an external one is
 * the location asked for, admitted as an EXTERNAL table's is ({@code CREATE EXTERNAL TABLE} on the
 * external location that covers it), and no table or other stage may then claim storage that
 * overlaps it. A staging table is its creator's alone: only the creator, still holding {@code
 * CREATE TABLE} on the schema, gets credentials for it and may create the table over it, of the
 * kind it was staged as; to anyone else its id and location are as unknown as any other. Rows never
 * promoted are forgotten after {@link #RETENTION} (their files, if any were written, stay where they are).
 */
@ApplicationScoped
public class StagingTables {

    /** How long an engine has between staging a table and creating it. */
    static final Duration RETENTION = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(StagingTables.class);

    @Inject
    NamedObjects named;

    @Inject
    StorageClaims storageClaims;

    @Inject
    AuditLog audit;

    /** Allocates a location for a MANAGED Delta table {@code catalog.schema.name}; as {@link #stage}. */
    @Transactional
    public StagingTable create(Caller caller, String catalogName, String schemaName, String name) {
        return stage(caller, catalogName, schemaName, name, DataSourceFormat.DELTA, null);
    }

    /**
     * Stages a table of this format {@code catalog.schema.name}: MANAGED in managed storage, or
     * EXTERNAL at {@code externalLocation}. Needs CREATE TABLE on the schema and the name free. The
     * caller's earlier stage of the same table at the same external location gives way to this
     * one, so that an engine retrying a creation stages again.
     */
    @Transactional
    public StagingTable stage(Caller caller, String catalogName, String schemaName, String name,
            DataSourceFormat format, String externalLocation) {
        String table = Names.identifier("name", name);
        SchemaPath schema = named.schema(caller, Action.CREATE_TABLE, Names.identifier("catalog_name", catalogName),
                Names.identifier("schema_name", schemaName));
        String fullName = schema.fullName() + "." + table;
        if (NamespaceStore.table(schema.schema(), table).isPresent()) {
            throw new AlreadyExists("Table '" + fullName + "' already exists.");
        }
        StagingTableEntity staging = new StagingTableEntity();
        staging.id = UUID.randomUUID();
        staging.schemaId = schema.schema().id;
        staging.name = table;
        staging.dataSourceFormat = format;
        StorageLocation location = StorageLocations.parse("location", externalLocation);
        if (location == null) {
            staging.tableType = TableType.MANAGED;
            location = StorageLocations.managedLocation(schema.managedStorageRoot(), "tables", staging.id);
            storageClaims.admitAssignedLocation(caller, location);
        } else {
            staging.tableType = TableType.EXTERNAL;
            lockAt(location).filter(earlier -> earlier.createdById.equals(caller.principalId())
                            && earlier.schemaId.equals(staging.schemaId) && earlier.name.equals(table))
                    .ifPresent(StagingTables::forget);
            storageClaims.admitTable(caller, location, TableType.EXTERNAL);
        }
        staging.storageLocation = location.url();
        staging.createdBy = caller.name();
        staging.createdById = caller.principalId();
        staging.createdAt = Instant.now();
        staging.persist();
        audit.change(caller.name(), AuditAction.CREATE_STAGING_TABLE, SecurableType.TABLE, fullName,
                Map.of("staging_table_id", staging.id.toString(), "storage_location", staging.storageLocation,
                        "table_type", staging.tableType.name(), "data_source_format", format.name()));
        return info(schema, staging);
    }

    /**
     * The caller's staging table of this id, for credentials to write its first commit: one of
     * another's, or an id that names none, is empty; the creator must still hold CREATE TABLE on its
     * schema (a hidden schema is a 404, a visible one without the privilege a 403).
     */
    public Optional<StagingTable> ofCreator(Caller caller, String id) {
        return parse(id).flatMap(uuid -> StagingTableEntity.<StagingTableEntity>findByIdOptional(uuid))
                .filter(staging -> staging.createdById.equals(caller.principalId()))
                .flatMap(staging -> NamespaceStore.schemaById(staging.schemaId)
                        .map(path -> info(named.schema(caller, Action.CREATE_TABLE, path.catalog().name,
                                path.schema().name), staging)));
    }

    /** Whether the caller holds a stage of {@code catalog.schema.name}; others' stages are not the caller's to learn of. */
    public boolean heldBy(Caller caller, String catalogName, String schemaName, String name) {
        return NamespaceStore.schemaPath(catalogName, schemaName).filter(schema -> StagingTableEntity.count(
                "schemaId = ?1 and name = ?2 and createdById = ?3", schema.schema().id, name, caller.principalId()) > 0)
                .isPresent();
    }

    /** A stage the caller holds, for the commit that creates its table: its id (the table's), kind and location. */
    public record Held(UUID id, TableType tableType, String storageLocation) {
    }

    /**
     * Within the transaction of a commit that creates a staged table (Iceberg's): the caller's
     * stage of this id, locked, so that two commits creating it take turns and the second finds it
     * gone; empty if the caller holds none of this id (another's is as unknown as no stage).
     * Creating the table at its location then promotes it ({@link TableService#create}).
     */
    public Optional<Held> lockOfCreator(Caller caller, UUID id) {
        return StagingTableEntity.<StagingTableEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(staging -> staging.createdById.equals(caller.principalId()))
                .map(staging -> new Held(staging.id, staging.tableType, staging.storageLocation));
    }

    /**
     * Within the creating transaction of a table at {@code location} in {@code schema}: the
     * caller's staging table there, locked and removed, whose id the table takes; empty if the
     * caller staged nothing there. The table must be what was staged: its name, in its schema, of
     * its type and format. The caller may already create tables in the schema.
     */
    Optional<UUID> promote(Caller caller, SchemaPath schema, String name, StorageLocation location, TableType type,
            DataSourceFormat format) {
        Optional<StagingTableEntity> staged = lockAt(location)
                .filter(staging -> staging.createdById.equals(caller.principalId()));
        staged.ifPresent(staging -> {
            if (!staging.schemaId.equals(schema.schema().id) || !staging.name.equals(name)) {
                throw new InvalidParameter("storage_location '" + location.url() + "' was staged for another table;"
                        + " a staging table is created as the name it was staged as, in its schema.");
            }
            if (staging.tableType != type || staging.dataSourceFormat != format) {
                throw new InvalidParameter("storage_location '" + location.url() + "' was staged for a "
                        + staging.tableType + " " + staging.dataSourceFormat + " table, not a " + type + " " + format
                        + " one: a staging table is created as what it was staged as.");
            }
            forget(staging);
        });
        return staged.map(staging -> staging.id);
    }

    private static Optional<StagingTableEntity> lockAt(StorageLocation location) {
        return StagingTableEntity.<StagingTableEntity>find("storageLocation", location.url())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Removes the row now: the claim on its storage that follows must no longer see it. */
    private static void forget(StagingTableEntity staging) {
        staging.delete();
        StagingTableEntity.flush();
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        forgetStagedBefore(Instant.now().minus(RETENTION));
    }

    /** Forgets the staging tables staged before the cutoff and never promoted; returns how many. */
    @Transactional
    public long forgetStagedBefore(Instant cutoff) {
        long forgotten = StagingTableEntity.delete("createdAt < ?1", cutoff);
        if (forgotten > 0) {
            LOG.infof("Forgot %d staging tables staged before %s and never created", forgotten, cutoff);
        }
        return forgotten;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id == null ? "" : id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static StagingTable info(SchemaPath schema, StagingTableEntity staging) {
        return new StagingTable(staging.id.toString(), staging.name, schema.catalog().name, schema.schema().name,
                staging.storageLocation);
    }
}
