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
 * Staging tables (Unity Catalog's {@code POST /staging-tables}): storage allocated for a MANAGED
 * Delta table before it exists, so that an engine writes the first commit and then creates the
 * table over it atomically. The location is assigned under the nearest managed storage exactly as
 * a managed table's, by the id the table will have. A staging table is its creator's alone: only
 * the creator, still holding {@code CREATE TABLE} on the schema, gets credentials for it and may
 * promote it; to anyone else its id and location are as unknown as any other. Rows never promoted
 * are forgotten after {@link #RETENTION} (their files, if any were written, stay where they are).
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

    /** Allocates a location for {@code catalog.schema.name}; needs CREATE TABLE on the schema, and the name free. */
    @Transactional
    public StagingTable create(Caller caller, String catalogName, String schemaName, String name) {
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
        StorageLocation location = StorageLocations.managedLocation(schema.managedStorageRoot(), "tables", staging.id);
        storageClaims.admitAssignedLocation(caller, location);
        staging.storageLocation = location.url();
        staging.createdBy = caller.name();
        staging.createdById = caller.principalId();
        staging.createdAt = Instant.now();
        staging.persist();
        audit.change(caller.name(), AuditAction.CREATE_STAGING_TABLE, SecurableType.TABLE, fullName,
                Map.of("staging_table_id", staging.id.toString(), "storage_location", staging.storageLocation));
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

    /**
     * Within the creating transaction of a MANAGED table at {@code location} in {@code schema}: the
     * caller's staging table there, locked and removed, whose id the table takes; empty if the
     * caller staged nothing there. The caller may already create tables in the schema.
     */
    Optional<UUID> promote(Caller caller, SchemaPath schema, String name, StorageLocation location,
            DataSourceFormat format) {
        Optional<StagingTableEntity> staged = StagingTableEntity.<StagingTableEntity>find("storageLocation",
                        location.url()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(staging -> staging.createdById.equals(caller.principalId()));
        staged.ifPresent(staging -> {
            if (!staging.schemaId.equals(schema.schema().id) || !staging.name.equals(name)) {
                throw new InvalidParameter("storage_location '" + location.url() + "' was staged for another table;"
                        + " a staging table is created as the name it was staged as, in its schema.");
            }
            if (format != DataSourceFormat.DELTA) {
                throw new InvalidParameter("A table created from a staging table is a DELTA table, not " + format + ".");
            }
            staging.delete();
        });
        return staged.map(staging -> staging.id);
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
