package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.Found;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.namespace.Requests.CreateTable;
import dev.lakeward.catalog.namespace.StagingTable;
import dev.lakeward.catalog.namespace.StagingTables;
import dev.lakeward.catalog.namespace.StorageLocations;
import dev.lakeward.catalog.namespace.TableEntity;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TablePath;
import dev.lakeward.catalog.namespace.TableService;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.storage.CredentialProperties;
import dev.lakeward.catalog.storage.StoragePurge;
import dev.lakeward.catalog.storage.StorageVending;
import dev.lakeward.catalog.storage.TableCredentials;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.credentials.Credential;
import org.apache.iceberg.rest.credentials.ImmutableCredential;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.responses.ImmutableLoadCredentialsResponse;
import org.apache.iceberg.rest.responses.ListTablesResponse;
import org.apache.iceberg.rest.responses.LoadCredentialsResponse;
import org.apache.iceberg.rest.responses.LoadTableResponse;

/**
 * Iceberg tables: Lakeward tables of format ICEBERG ({@link TableService}, with the Unity Catalog
 * API's grants and audit: CREATE TABLE to create, SELECT to load, MANAGE to rename and drop) and
 * the metadata file that is their current state ({@link IcebergTableEntity}), which the service
 * writes itself; a table's {@code table-uuid} is its Lakeward id, one identity across the APIs. A
 * table of another format is not one here. Credentials are vended as
 * {@code temporary-table-credentials} vends them ({@link TableCredentials}): READ with SELECT,
 * READ_WRITE with MODIFY too, and EXTERNAL USE SCHEMA either way.
 */
@ApplicationScoped
public class IcebergTables {

    @Inject
    NamedObjects named;

    @Inject
    TableService tables;

    @Inject
    TableCredentials tableCredentials;

    @Inject
    StoragePurge storagePurge;

    @Inject
    StagingTables staging;

    @Inject
    StorageVending vending;

    @Inject
    Metastore metastore;

    @Inject
    MetadataFiles metadataFiles;

    private final MetadataCache currentMetadata = new MetadataCache(location -> metadataFiles.read(location));

    /** The ICEBERG tables of the namespace the caller may see. */
    public ListTablesResponse list(Caller caller, String prefix, String namespace, String pageToken, String pageSize) {
        String catalog = IcebergNames.catalog(prefix);
        String schema = IcebergNames.schema(catalog, namespace);
        Page<TableInfo> page = IcebergPages.read(pageToken, pageSize, (maxResults, token) ->
                tables.list(caller, catalog, schema, maxResults, token, DataSourceFormat.ICEBERG));
        return ListTablesResponse.builder()
                .addAll(page.items().stream().map(t -> IcebergNames.identifier(schema, t.name())).toList())
                .nextPageToken(page.nextPageToken()).build();
    }

    /**
     * A MANAGED table in the schema's managed storage, or an EXTERNAL one at the request's
     * location (CREATE EXTERNAL TABLE on the external location that covers it), and its first
     * metadata file there, whose {@code table-uuid} is the table's id, in one transaction. With
     * {@code stage-create}, no table: its location staged for the caller ({@link #stage}).
     */
    @Transactional
    public LoadTableResponse create(Caller caller, String prefix, String namespace, CreateTableRequest request,
            boolean vendCredentials) {
        String catalog = IcebergNames.catalog(prefix);
        String schema = IcebergNames.schema(catalog, namespace);
        if (request.stageCreate()) {
            return stage(caller, catalog, schema, request, vendCredentials);
        }
        MetadataFiles.requireServed(request.location());
        if (vendCredentials) {
            // before anything is written: the creator owns the table, so only the schema's rule may refuse
            tableCredentials.requireExternalUse(caller, named.schema(caller, Action.READ_METADATA, catalog, schema)
                    .securable(metastore.securable()), IcebergNames.fullName(catalog, schema, request.name()));
        }
        PartitionSpec spec = request.spec() == null ? PartitionSpec.unpartitioned() : request.spec();
        TableInfo created = tables.create(caller, new CreateTable(request.name(), catalog, schema,
                request.location() == null ? TableType.MANAGED : TableType.EXTERNAL, DataSourceFormat.ICEBERG,
                IcebergColumns.of(request.schema(), spec), request.location(), null, null, null));
        TableMetadata written = metadataFiles.write(newMetadata(request, created.tableId(), created.storageLocation()));
        IcebergTableEntity.of(UUID.fromString(created.tableId()), written.metadataFileLocation()).persist();
        // read from the database, not the namespace cache, which must not remember what this transaction may yet undo
        return response(caller, written, vendCredentials ? named.table(caller, Action.READ_METADATA,
                created.fullName()).found(metastore.securable()) : null);
    }

    /**
     * Staged creation, as Spark's CTAS and REPLACE TABLE ask for it: the metadata of a table that
     * does not exist yet (no file is written, nothing is listed), at a location staged for the
     * caller as the table's would be ({@link StagingTables}), its {@code table-uuid} the id the
     * table will take when the caller's commit creates it ({@link StagedCreations}). Credentials,
     * if asked for, are READ_WRITE on that location, for the caller alone, as for Unity Catalog's
     * staging tables.
     */
    private LoadTableResponse stage(Caller caller, String catalog, String schema, CreateTableRequest request,
            boolean vendCredentials) {
        MetadataFiles.requireServed(request.location());
        StagingTable staged = staging.stage(caller, catalog, schema, request.name(), DataSourceFormat.ICEBERG,
                request.location());
        return withStorage(newMetadata(request, staged.id(), staged.stagingLocation()), !vendCredentials ? List.of()
                : credentials(tableCredentials.vendStaging(caller, staged.id(), AccessLevel.READ_WRITE)), Map.of());
    }

    /** The first metadata of a table as the request describes it, with the table's id as its uuid. */
    private static TableMetadata newMetadata(CreateTableRequest request, String tableId, String location) {
        try {
            return TableMetadata.buildFrom(TableMetadata.newTableMetadata(request.schema(),
                    request.spec() == null ? PartitionSpec.unpartitioned() : request.spec(),
                    request.writeOrder() == null ? SortOrder.unsorted() : request.writeOrder(),
                    location, request.properties())).assignUUID(tableId).build();
        } catch (IllegalArgumentException | IllegalStateException refused) {
            throw new InvalidParameter("The table cannot be created as asked: " + refused.getMessage());
        }
    }

    /**
     * An EXTERNAL table over an existing metadata file in the usual layout
     * ({@code <table>/metadata/<file>}): the table is created at {@code <table>}, with the grants
     * that takes, and only then is the file read, which must name that location. The table's id is
     * the catalog's own, not the file's {@code table-uuid}: an id a client chose could be another
     * securable's, and grants are held by id.
     */
    @Transactional
    public LoadTableResponse register(Caller caller, String prefix, String namespace, RegisterTableRequest request) {
        String catalog = IcebergNames.catalog(prefix);
        String schema = IcebergNames.schema(catalog, namespace);
        String metadataLocation = StorageLocations.normalize("metadata-location", request.metadataLocation());
        String location = MetadataFiles.tableLocation(metadataLocation);
        if (location == null) {
            throw new InvalidParameter("metadata-location '" + metadataLocation + "' is not a metadata file in a"
                    + " table's metadata folder (<table>/metadata/<file>.metadata.json).");
        }
        MetadataFiles.requireServed(location);
        TableInfo created = tables.create(caller, new CreateTable(request.name(), catalog, schema, TableType.EXTERNAL,
                DataSourceFormat.ICEBERG, List.of(), location, null, null, null));
        TableMetadata metadata = readRegistered(metadataLocation);
        if (!StorageLocations.normalize("location", metadata.location()).equals(created.storageLocation())) {
            throw new InvalidParameter("The metadata's table location '" + metadata.location() + "' is not '"
                    + created.storageLocation() + "', the folder holding its metadata folder.");
        }
        TableEntity table = TableEntity.findById(UUID.fromString(created.tableId()));
        table.columns = IcebergColumns.of(metadata.schema(), metadata.spec());
        IcebergTableEntity.of(table.id, metadataLocation).persist();
        return response(caller, metadata, null);
    }

    private TableMetadata readRegistered(String metadataLocation) {
        try {
            return metadataFiles.read(metadataLocation);
        } catch (Unavailable storeFailed) {
            throw storeFailed;
        } catch (NotFoundException missing) {
            throw new InvalidParameter("No metadata file at '" + metadataLocation + "'.");
        } catch (RuntimeException unreadable) {
            throw new InvalidParameter("'" + metadataLocation + "' is not Iceberg table metadata: "
                    + unreadable.getMessage());
        }
    }

    /** The table's current metadata; needs SELECT, and with credentials what they need too. */
    public LoadTableResponse load(Caller caller, String prefix, String namespace, String table,
            boolean vendCredentials) {
        Found<TableInfo> found = readIceberg(caller, Action.SELECT, prefix, namespace, table);
        return response(caller, currentMetadata.read(found.id(), metadataLocation(found)),
                vendCredentials ? found : null);
    }

    /** Whether the table exists for the caller: one it may not see, or not an Iceberg table, does not. */
    public boolean exists(Caller caller, String prefix, String namespace, String table) {
        try {
            readIceberg(caller, Action.READ_METADATA, prefix, namespace, table);
            return true;
        } catch (NotFound missingOrHidden) {
            return false;
        }
    }

    public LoadCredentialsResponse credentials(Caller caller, String prefix, String namespace, String table) {
        Found<TableInfo> found = readIceberg(caller, Action.READ_METADATA, prefix, namespace, table);
        return ImmutableLoadCredentialsResponse.builder().addAllCredentials(credentials(caller, found)).build();
    }

    /** A new name in the same namespace; moving a table to another namespace is not served. */
    public void rename(Caller caller, String prefix, RenameTableRequest request) {
        String catalog = IcebergNames.catalog(prefix);
        String from = IcebergNames.schema(catalog, request.source().namespace());
        String to = IcebergNames.schema(catalog, request.destination().namespace());
        String fullName = IcebergNames.fullName(catalog, from, request.source().name());
        readIceberg(caller, Action.READ_METADATA, fullName);
        if (!from.equals(to)) {
            throw IcebergFailure.unsupported("Tables are renamed within their namespace; moving '" + fullName
                    + "' to namespace '" + to + "' is not served.");
        }
        tables.rename(caller, fullName, request.destination().name());
    }

    /**
     * Drops the table (ownership or MANAGE). A MANAGED table's storage is purged after the delay
     * as every dropped managed table's is ({@link StoragePurge}); with {@code purge}, right after
     * the drop has committed, by the same rules. An EXTERNAL table's files are never removed.
     */
    public void drop(Caller caller, String prefix, String namespace, String table, boolean purge) {
        String location = QuarkusTransaction.requiringNew().call(() -> {
            TablePath path = named.table(caller, Action.MANAGE, icebergFullName(prefix, namespace, table));
            requireIceberg(path.toInfo());
            tables.delete(caller, path.fullName());
            return path.table().tableType == TableType.MANAGED ? path.table().storageLocation : null;
        });
        if (purge && location != null) {
            storagePurge.purgeNow(location);
        }
    }

    /**
     * Reports are read (a malformed one is a 400) on a table the caller may see, or one it staged
     * (a staged creation reports its writes before its commit creates the table), and dropped.
     */
    public void acceptMetrics(Caller caller, String prefix, String namespace, String table) {
        try {
            readIceberg(caller, Action.READ_METADATA, prefix, namespace, table);
        } catch (NotFound missing) {
            String catalog = IcebergNames.catalog(prefix);
            if (!staging.heldBy(caller, catalog, IcebergNames.schema(catalog, namespace),
                    Names.identifier("table", table))) {
                throw missing;
            }
        }
    }

    private Found<TableInfo> readIceberg(Caller caller, Action action, String prefix, String namespace,
            String table) {
        return readIceberg(caller, action, icebergFullName(prefix, namespace, table));
    }

    private Found<TableInfo> readIceberg(Caller caller, Action action, String fullName) {
        Found<TableInfo> found = named.readTable(caller, action, fullName);
        requireIceberg(found.info());
        return found;
    }

    private static String icebergFullName(String prefix, String namespace, String table) {
        String catalog = IcebergNames.catalog(prefix);
        return IcebergNames.fullName(catalog, IcebergNames.schema(catalog, namespace), table);
    }

    /** A table of another format is no table of this catalog's: a Delta table is for the Delta API. */
    private static void requireIceberg(TableInfo table) {
        if (table.dataSourceFormat() != DataSourceFormat.ICEBERG || table.tableType() == TableType.VIEW) {
            throw NotFound.securable(SecurableType.TABLE, table.fullName());
        }
    }

    private static String metadataLocation(Found<TableInfo> table) {
        IcebergTableEntity row = IcebergTableEntity.findById(table.id());
        if (row == null) {
            // created through the Unity Catalog API as ICEBERG, with no metadata: register it to use it here
            throw NotFound.securable(SecurableType.TABLE, table.info().fullName());
        }
        return row.metadataLocation;
    }

    /**
     * The table's metadata, with the caller's credentials for its storage when {@code table} is
     * given, and where a client renews them: this table's {@code …/credentials}, which Iceberg's
     * S3FileIO asks before the session expires.
     */
    private LoadTableResponse response(Caller caller, TableMetadata metadata, Found<TableInfo> table) {
        if (table == null) {
            return withStorage(metadata, List.of(), Map.of());
        }
        List<Credential> credentials = credentials(caller, table);
        TableInfo info = table.info();
        return withStorage(metadata, credentials, credentials.isEmpty() ? Map.of() : Map.of(
                "client.refresh-credentials-enabled", "true",
                "client.refresh-credentials-endpoint", "v1/" + RESTUtil.encodeString(info.catalogName())
                        + "/namespaces/" + RESTUtil.encodeString(info.schemaName()) + "/tables/"
                        + RESTUtil.encodeString(info.name()) + "/credentials"));
    }

    /**
     * The metadata and where its store answers, with the credentials given, listed in
     * {@code storage-credentials} and, for clients that read only the table's {@code config}
     * (Iceberg before 1.8, PyIceberg), there too, and the further config given.
     */
    private LoadTableResponse withStorage(TableMetadata metadata, List<Credential> credentials,
            Map<String, String> config) {
        LoadTableResponse.Builder response = LoadTableResponse.builder().withTableMetadata(metadata)
                .addAllCredentials(credentials).addAllConfig(config);
        if (StorageLocation.parse(metadata.location()).scheme().equals("s3")) {
            response.addAllConfig(CredentialProperties.ofS3Store(vending.endpoint(metadata.location())));
        }
        credentials.forEach(credential -> response.addAllConfig(credential.config()));
        return response.build();
    }

    /** The caller's widest credential for the table. */
    private List<Credential> credentials(Caller caller, Found<TableInfo> table) {
        TableCredentials.Widest widest = tableCredentials.widest(caller, table.securable());
        return credentials(tableCredentials.vend(caller, table, widest.decision(), widest.access()));
    }

    /**
     * The credential as the protocol lists it, with when an S3 session expires (the key Iceberg's
     * S3FileIO renews by); none is needed for local files.
     */
    private static List<Credential> credentials(TemporaryCredential credential) {
        Map<String, String> config = new HashMap<>(CredentialProperties.of(credential));
        if (config.isEmpty()) {
            return List.of();
        }
        if (credential.secret() instanceof TemporaryCredential.AwsSession) {
            config.put("s3.session-token-expires-at-ms", String.valueOf(credential.expiration().toEpochMilli()));
        }
        return List.of(ImmutableCredential.builder().prefix(credential.url()).config(config).build());
    }
}
