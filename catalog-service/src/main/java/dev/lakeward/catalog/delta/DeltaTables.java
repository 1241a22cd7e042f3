package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.delta.DeltaMessages.CatalogConfig;
import dev.lakeward.catalog.delta.DeltaMessages.CreateStagingTableRequest;
import dev.lakeward.catalog.delta.DeltaMessages.CreateTableRequest;
import dev.lakeward.catalog.delta.DeltaMessages.CredentialsResponse;
import dev.lakeward.catalog.delta.DeltaMessages.DeltaTableType;
import dev.lakeward.catalog.delta.DeltaMessages.LoadTableResponse;
import dev.lakeward.catalog.delta.DeltaMessages.StagingTableResponse;
import dev.lakeward.catalog.delta.DeltaMessages.ReportMetricsRequest;
import dev.lakeward.catalog.delta.DeltaMessages.StorageCredential;
import dev.lakeward.catalog.delta.DeltaMessages.UpdateTableRequest;
import dev.lakeward.catalog.delta.DeltaCommitLog.Position;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.Found;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.Requests.CreateTable;
import dev.lakeward.catalog.namespace.StagingTable;
import dev.lakeward.catalog.namespace.StagingTables;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableService;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.storage.CredentialProperties;
import dev.lakeward.catalog.storage.PathCredentials;
import dev.lakeward.catalog.storage.PathCredentials.PathOperation;
import dev.lakeward.catalog.storage.TableCredentials;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Unity Catalog's Delta REST API ({@code delta.yaml}) over the catalog's own services, with the
 * same grants as the Unity Catalog API: loading a table needs SELECT, its credentials SELECT (and
 * MODIFY to write) with EXTERNAL USE SCHEMA ({@link TableCredentials}), staging and creating CREATE
 * TABLE, updating and committing MODIFY ({@link DeltaTableUpdates}), renaming and dropping MANAGE
 * (owners hold it); what the caller may not see is missing. It serves Delta tables only: another
 * format, or a view, is answered as unsupported, for the client to fall back to the Unity Catalog
 * API. A MANAGED table created here is catalog-managed ({@link CatalogManagedContract}): Lakeward
 * ratifies its commits.
 */
@ApplicationScoped
public class DeltaTables {

    /** The protocol version served, and the endpoints of it that are. */
    static final String PROTOCOL_VERSION = "1.0";
    static final List<String> ENDPOINTS = List.of(
            "POST /v1/catalogs/{catalog}/schemas/{schema}/staging-tables",
            "POST /v1/catalogs/{catalog}/schemas/{schema}/tables",
            "GET /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}",
            "POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}",
            "DELETE /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}",
            "HEAD /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}",
            "POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}/rename",
            "GET /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}/credentials",
            "POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}/metrics",
            "GET /v1/staging-tables/{table_id}/credentials",
            "GET /v1/temporary-path-credentials");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    @Inject
    NamedObjects named;

    @Inject
    TableService tables;

    @Inject
    StagingTables staging;

    @Inject
    TableCredentials tableCredentials;

    @Inject
    PathCredentials pathCredentials;

    @Inject
    DeltaTableUpdates updates;

    @Inject
    DeltaLoads loads;

    @Inject
    DeltaCommitLog log;

    /** The endpoints served, for a catalog the caller may see and a client that speaks version 1. */
    public CatalogConfig config(Caller caller, String catalog, String protocolVersions) {
        named.readCatalog(caller, Action.READ_METADATA, Names.identifier("catalog", catalog));
        if (protocolVersions == null || protocolVersions.isBlank()) {
            throw new InvalidParameter("protocol-versions is required: the highest version the client supports of"
                    + " each major version, such as 1.0.");
        }
        boolean speaksOne = false;
        for (String version : protocolVersions.split(",", -1)) {
            var parsed = VERSION.matcher(version.strip());
            if (!parsed.matches()) {
                throw new InvalidParameter("protocol-versions: '" + Names.printable(version.strip())
                        + "' is no version; give major.minor versions separated by commas, such as 1.0.");
            }
            speaksOne |= parsed.group(1).equals("1");
        }
        if (!speaksOne) {
            throw new InvalidParameter("protocol-versions '" + Names.printable(protocolVersions) + "' names no version"
                    + " Lakeward serves: it serves " + PROTOCOL_VERSION + ".");
        }
        return new CatalogConfig(ENDPOINTS, PROTOCOL_VERSION);
    }

    /** A staging table and the credential to write its first commit. */
    public StagingTableResponse stage(Caller caller, String catalog, String schema, CreateStagingTableRequest request) {
        InvalidParameter.requireBody(request);
        StagingTable staged = staging.create(caller, catalog, schema, request.name());
        TemporaryCredential credential = tableCredentials.vendStaging(caller, staged.id(), AccessLevel.READ_WRITE);
        return new StagingTableResponse(staged.id(), DeltaTableType.MANAGED, staged.stagingLocation(),
                List.of(storageCredential(credential, AccessLevel.READ_WRITE)), CatalogManagedContract.REQUIRED_PROTOCOL,
                CatalogManagedContract.SUGGESTED_PROTOCOL, CatalogManagedContract.requiredProperties(staged.id()),
                CatalogManagedContract.SUGGESTED_PROPERTIES);
    }

    public CredentialsResponse stagingCredentials(Caller caller, String stagingId) {
        return credentials(tableCredentials.vendStaging(caller, stagingId, AccessLevel.READ_WRITE), AccessLevel.READ_WRITE);
    }

    /**
     * A MANAGED table over the caller's staging table at {@code location}, catalog-managed from
     * version 0 (which its writer wrote there first), or an EXTERNAL one there, by the Unity Catalog
     * API's rules ({@link TableService#create}); the protocol and domain metadata are kept as the
     * properties derived from them.
     */
    @Transactional
    public LoadTableResponse create(Caller caller, String catalog, String schema, CreateTableRequest request) {
        InvalidParameter.requireBody(request);
        if (request.tableType() == null) {
            throw new InvalidParameter("table-type is required: MANAGED or EXTERNAL.");
        }
        if (request.location() == null) {
            throw new InvalidParameter("location is required: a staging table's for a MANAGED table.");
        }
        boolean managed = request.tableType() == DeltaTableType.MANAGED;
        Map<String, String> properties = new HashMap<>(Names.properties(request.properties()));
        properties.keySet().removeIf(CatalogManagedContract::isDerived);
        if (request.protocol() != null) {
            CatalogManagedContract.setProtocol(properties, request.protocol());
        }
        if (request.domainMetadata() != null) {
            CatalogManagedContract.setDomains(properties, request.domainMetadata());
        }
        CatalogManagedContract.refuseUniform(request.uniform() != null && !request.uniform().isNull(), properties);
        Long versionZeroAt = request.lastCommitTimestampMs();
        if (managed && versionZeroAt != null) {
            CatalogManagedContract.recordMetadataCommit(properties, 0, versionZeroAt);
        }
        // the Unity Catalog API's checks first (names, columns, the staging table), then the contract
        TableInfo created = tables.create(caller, new CreateTable(request.name(), catalog, schema,
                TableType.valueOf(request.tableType().name()), DataSourceFormat.DELTA,
                DeltaSchemas.columns(request.columns(), request.partitionColumns()), request.location(),
                request.comment(), properties, null));
        if (!managed) {
            return DeltaViews.of(created);
        }
        if (versionZeroAt == null || versionZeroAt <= 0) {
            throw new InvalidParameter("last-commit-timestamp-ms is required: the in-commit timestamp of version 0.");
        }
        CatalogManagedContract.requirePlausible("last-commit-timestamp-ms", versionZeroAt);
        CatalogManagedContract.requireSatisfiedBy(created.properties(), created.tableId());
        log.start(UUID.fromString(created.tableId()), versionZeroAt);
        return DeltaViews.of(created, new Position(0, versionZeroAt, 0), List.of());
    }

    public LoadTableResponse load(Caller caller, String catalog, String schema, String table) {
        TableInfo found = DeltaViews.deltaTable(named.readTable(caller, Action.SELECT, fullName(catalog, schema, table)).info());
        return DeltaViews.catalogManaged(found) ? loads.catalogManaged(caller, found) : DeltaViews.of(found);
    }

    public LoadTableResponse update(Caller caller, String catalog, String schema, String table,
            UpdateTableRequest request) {
        return updates.update(caller, fullName(catalog, schema, table), request);
    }

    /**
     * A writer's commit report, checked (the table it names, the histogram's shape) and dropped:
     * Lakeward schedules no maintenance from them. Reporting takes MODIFY, as the commit did.
     */
    public void reportMetrics(Caller caller, String catalog, String schema, String table, ReportMetricsRequest request) {
        InvalidParameter.requireBody(request);
        TableInfo found = DeltaViews.deltaTable(named.readTable(caller, Action.MODIFY, fullName(catalog, schema, table)).info());
        if (!found.tableId().equals(request.tableId())) {
            throw new InvalidParameter("table-id must be the id of '" + found.fullName() + "', " + found.tableId() + ".");
        }
        JsonNode histogram = request.report() == null ? null : request.report().path("commit-report").get("file-size-histogram");
        if (histogram != null && !histogram.isNull()) {
            int bins = histogram.path("sorted-bin-boundaries").size();
            if (!histogram.path("sorted-bin-boundaries").isArray() || bins != histogram.path("file-counts").size()
                    || bins != histogram.path("total-bytes").size()
                    || !histogram.path("file-counts").isArray() || !histogram.path("total-bytes").isArray()) {
                throw new InvalidParameter("file-size-histogram: sorted-bin-boundaries, file-counts and total-bytes are"
                        + " arrays of one length.");
            }
        }
    }

    /** Whether the table exists for the caller: one it may not see does not. */
    public boolean exists(Caller caller, String catalog, String schema, String table) {
        return tables.exists(caller, fullName(catalog, schema, table));
    }

    public void delete(Caller caller, String catalog, String schema, String table) {
        tables.delete(caller, fullName(catalog, schema, table));
    }

    public void rename(Caller caller, String catalog, String schema, String table, String newName) {
        tables.rename(caller, fullName(catalog, schema, table), newName);
    }

    public CredentialsResponse tableCredentials(Caller caller, String catalog, String schema, String table,
            String operation) {
        AccessLevel access = operation(operation);
        Found<TableInfo> found = named.readTable(caller, Action.READ_METADATA, fullName(catalog, schema, table));
        DeltaViews.deltaTable(found.info());
        return credentials(tableCredentials.vend(caller, found,
                tableCredentials.decide(caller, found.securable(), access), access), access);
    }

    /**
     * For a path, as {@code temporary-path-credentials} decides (this API's paths are for creating
     * external tables): READ as PATH_READ, READ_WRITE as PATH_CREATE_TABLE.
     */
    public CredentialsResponse pathCredentials(Caller caller, String location, String operation) {
        if (location == null || location.isEmpty()) {
            throw new InvalidParameter("location is required.");
        }
        AccessLevel access = operation(operation);
        return credentials(pathCredentials.vend(caller, location,
                access == AccessLevel.READ ? PathOperation.PATH_READ : PathOperation.PATH_CREATE_TABLE), access);
    }

    private static String fullName(String catalog, String schema, String table) {
        return Names.identifier("catalog", catalog) + "." + Names.identifier("schema", schema) + "."
                + Names.identifier("table", table);
    }

    private static AccessLevel operation(String operation) {
        if ("READ".equals(operation)) {
            return AccessLevel.READ;
        }
        if ("READ_WRITE".equals(operation)) {
            return AccessLevel.READ_WRITE;
        }
        throw new InvalidParameter("operation must be READ or READ_WRITE, not '" + Names.printable(
                String.valueOf(operation)) + "'.");
    }

    private static CredentialsResponse credentials(TemporaryCredential credential, AccessLevel access) {
        return new CredentialsResponse(List.of(storageCredential(credential, access)));
    }

    private static StorageCredential storageCredential(TemporaryCredential credential, AccessLevel access) {
        return new StorageCredential(credential.url(), access.name(), CredentialProperties.of(credential),
                credential.expiration().toEpochMilli());
    }
}
