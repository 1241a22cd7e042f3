package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.access.NamespaceChanged;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.namespace.Requests.CreateTable;
import dev.lakeward.catalog.namespace.Responses.TableSummary;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.UniqueNames;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tables and views, addressed as {@code catalog.schema.table}. Each write is one transaction,
 * audited. A MANAGED table is stored where the service assigns it, or at the location of the
 * caller's staging table of its name ({@link StagingTables}), whose id it takes; so is an EXTERNAL
 * one created at its staged location.
 */
@ApplicationScoped
public class TableService {

    @Inject
    Metastore metastore;

    @Inject
    EntityManager em;

    @Inject
    PageTokens pageTokens;

    @Inject
    AccessControl access;

    @Inject
    NamedObjects named;

    @Inject
    NamespaceCache cache;

    @Inject
    StorageClaims storageClaims;

    @Inject
    Event<NamespaceChanged> namespaceChanged;

    @Inject
    AuditLog audit;

    @Inject
    StagingTables staging;

    @Transactional
    public TableInfo create(Caller caller, CreateTable request) {
        InvalidParameter.requireBody(request);
        String name = Names.identifier("table name", request.name());
        SchemaPath path = named.schema(caller, Action.CREATE_TABLE,
                Names.identifier("catalog_name", request.catalogName()), Names.identifier("schema_name", request.schemaName()));
        CatalogEntity catalog = path.catalog();
        SchemaEntity schema = path.schema();
        if (request.tableType() == null) {
            throw new InvalidParameter("table_type is required: one of MANAGED, EXTERNAL or VIEW.");
        }
        TableEntity table = new TableEntity();
        table.createdBy(caller.name());
        table.schemaId = schema.id;
        table.name = name;
        table.tableType = request.tableType();
        table.columns = Columns.normalize(request.columns());
        table.comment = Names.comment(request.comment());
        table.properties = new HashMap<>(Names.properties(request.properties()));
        if (table.tableType.isViewLike()) {
            describeView(table, request);
        } else {
            describeStoredTable(caller, table, request, path);
        }
        table.persist();
        String fullName = catalog.name + "." + schema.name + "." + name;
        UniqueNames.flush(em, () -> "Table '" + fullName + "' already exists.");
        Map<String, Object> details = new HashMap<>();
        details.put("table_type", table.tableType.name());
        details.put("table_id", table.id.toString());
        if (table.storageLocation != null) {
            details.put("storage_location", table.storageLocation);
        }
        audit.change(caller.name(), AuditAction.CREATE_TABLE, SecurableType.TABLE, fullName, details);
        return table.toInfo(catalog.name, schema.name);
    }

    private void describeView(TableEntity table, CreateTable request) {
        if (request.viewDefinition() == null || request.viewDefinition().isBlank()) {
            throw new InvalidParameter("view_definition is required for a " + table.tableType + ".");
        }
        if (request.storageLocation() != null) {
            throw new InvalidParameter("A " + table.tableType + " has no storage_location.");
        }
        table.viewDefinition = Names.comment(request.viewDefinition());
        table.dataSourceFormat = request.dataSourceFormat();
    }

    private void describeStoredTable(Caller caller, TableEntity table, CreateTable request, SchemaPath schema) {
        if (request.viewDefinition() != null) {
            throw new InvalidParameter("view_definition applies only to views, not to a " + table.tableType + " table.");
        }
        table.dataSourceFormat = request.dataSourceFormat() == null ? DataSourceFormat.DELTA : request.dataSourceFormat();
        StorageLocation location = StorageLocations.parse("storage_location", request.storageLocation());
        Optional<UUID> staged = location == null ? Optional.empty() : staging.promote(caller, schema, table.name,
                location, table.tableType, table.dataSourceFormat);
        // a staging table becomes this table: its id, and the location its first commit was written to
        staged.ifPresent(id -> table.id = id);
        if (table.tableType == TableType.EXTERNAL) {
            if (location == null) {
                throw new InvalidParameter("storage_location is required for an EXTERNAL table.");
            }
            storageClaims.admitTable(caller, location, table.tableType);
        } else {
            StorageLocation root = StorageLocation.parse(schema.managedStorageRoot());
            if (staged.isPresent()) {
                storageClaims.admitAssignedLocation(caller, location);
            } else if (location == null) {
                location = StorageLocations.managedLocation(root.url(), "tables", table.id);
                storageClaims.admitAssignedLocation(caller, location);
            } else if (location.isWithin(root)) {
                refuseAssignedArea(location, root);
                storageClaims.admitTable(caller, location, table.tableType);
            } else {
                throw new InvalidParameter("A MANAGED table's storage_location must lie within its managed storage, '"
                        + root.url() + "'; leave it out to have one assigned, or create an EXTERNAL table.");
            }
        }
        table.storageLocation = location.url();
    }

    /**
     * An explicit location may neither cover nor lie within where the service assigns managed
     * tables' locations: one table there would make every later assigned location overlap it.
     */
    private static void refuseAssignedArea(StorageLocation location, StorageLocation root) {
        StorageLocation assigned = StorageLocations.assignedArea(root.url());
        if (location.overlaps(assigned)) {
            throw new InvalidParameter("A MANAGED table's storage_location may not be or hold '" + assigned.url()
                    + "', where the service assigns managed tables their locations; leave it out to have one"
                    + " assigned.");
        }
    }

    public TableInfo get(Caller caller, String fullName) {
        return named.readTable(caller, Action.READ_METADATA, fullName).info();
    }

    /** The tables of a schema the caller may see, a full page at a time. */
    public Page<TableInfo> list(Caller caller, String catalogName, String schemaName, String maxResults,
            String pageToken) {
        return list(caller, catalogName, schemaName, maxResults, pageToken, null);
    }

    /**
     * The tables of one format (all of them when {@code format} is null) of a schema the caller
     * may see, a full page at a time: for a protocol that serves one format (Iceberg's).
     */
    public Page<TableInfo> list(Caller caller, String catalogName, String schemaName, String maxResults,
            String pageToken, DataSourceFormat format) {
        Found<SchemaInfo> schema = named.readSchema(caller, Action.READ_METADATA,
                Names.identifier("catalog_name", catalogName), Names.identifier("schema_name", schemaName));
        PageRequest page = pageTokens.request(maxResults, pageToken);
        return Page.filtered(page,
                (after, limit) -> NamespaceStore.tableNamesAfter(schema.id(), after, limit),
                names -> access.visible(caller, cache.tables(schema, names).stream()
                        .filter(table -> format == null || table.info().dataSourceFormat() == format).toList(),
                        Found::securable),
                name -> name, table -> table.info().name()).map(Found::info);
    }

    /**
     * Databricks' table summaries: the full name and type of every table of a catalog whose schema
     * and table names match SQL LIKE patterns, in full-name order, paged.
     */
    public Page<TableSummary> listSummaries(Caller caller, String catalogName, String schemaNamePattern,
            String tableNamePattern, String maxResults, String pageToken) {
        Found<CatalogInfo> catalog = named.readCatalog(caller, Action.READ_METADATA,
                Names.identifier("catalog_name", catalogName));
        Securable catalogSecurable = catalog.securable();
        PageRequest page = pageTokens.request(maxResults, pageToken);
        return Page.filtered(page,
                (after, limit) -> NamespaceStore.summaryRows(catalog.id(), likePattern(schemaNamePattern),
                        likePattern(tableNamePattern), after, limit),
                chunk -> access.visible(caller, chunk, row -> row.securable(catalogSecurable)),
                NamespaceStore.SummaryRow::key)
                .map(row -> new TableSummary(catalogSecurable.fullName() + "." + row.key(), row.table().tableType));
    }

    private static String likePattern(String pattern) {
        return pattern == null || pattern.isEmpty() ? "%" : pattern.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the table exists; a missing catalog or schema means it does not, and so does a table
     * the caller may not see: the answer is no way to learn of it.
     */
    public boolean exists(Caller caller, String fullName) {
        try {
            named.readTable(caller, Action.READ_METADATA, fullName);
            return true;
        } catch (NotFound missingOrHidden) {
            return false;
        }
    }

    /** Sets the table's comment (an empty one removes it); for those who manage the table, its owner first. */
    @Transactional
    public TableInfo updateComment(Caller caller, String fullName, String comment) {
        TablePath path = named.table(caller, Action.MANAGE, fullName).lockForUpdate();
        String previous = path.table().comment;
        path.table().comment = comment == null || comment.isBlank() ? null : Names.comment(comment);
        path.table().updatedBy(caller.name());
        audit.change(caller.name(), AuditAction.UPDATE_COMMENT, SecurableType.TABLE, path.fullName(),
                Collections.singletonMap("previous", previous));
        namespaceChanged.fire(new NamespaceChanged());
        return path.toInfo();
    }

    /** A new name in the same schema, for those who manage the table; a name taken is a conflict. */
    @Transactional
    public TableInfo rename(Caller caller, String fullName, String newName) {
        TablePath path = named.table(caller, Action.MANAGE, fullName).lockForUpdate();
        String before = path.fullName();
        path.table().name = Names.identifier("new_name", newName);
        path.table().updatedBy(caller.name());
        UniqueNames.flush(em, () -> "Table '" + path.fullName() + "' already exists.");
        audit.change(caller.name(), AuditAction.RENAME, SecurableType.TABLE, path.fullName(), Map.of("from", before));
        namespaceChanged.fire(new NamespaceChanged());
        return path.toInfo();
    }

    @Transactional
    public void delete(Caller caller, String fullName) {
        TablePath path = named.table(caller, Action.MANAGE, fullName);
        // the database drops the table's grants with it
        path.table().delete();
        Map<String, Object> details = new HashMap<>();
        details.put("table_id", path.table().id.toString());
        if (path.table().storageLocation != null) {
            details.put("storage_location", path.table().storageLocation);
        }
        audit.change(caller.name(), AuditAction.DELETE_TABLE, SecurableType.TABLE, path.fullName(), details);
        namespaceChanged.fire(new NamespaceChanged());
    }
}
