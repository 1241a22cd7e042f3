package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.LakewardConfig;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.catalog.namespace.Requests.CreateTable;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageRequest;
import dev.lakeward.catalog.persistence.UniqueNames;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import dev.lakeward.catalog.namespace.Responses.TableSummary;
import java.util.List;
import java.util.Locale;

/** Tables and views, addressed as {@code catalog.schema.table}. Each write is one transaction. */
@ApplicationScoped
public class TableService {

    private static final List<String> FULL_NAME = List.of("catalog", "schema", "table");

    @Inject
    EntityManager em;

    @Inject
    LakewardConfig config;

    @Transactional
    public TableInfo create(Caller caller, CreateTable request) {
        Requests.require(request);
        String name = Names.identifier("table name", request.name());
        CatalogEntity catalog = Lookup.catalog(Names.identifier("catalog_name", request.catalogName()));
        SchemaEntity schema = Lookup.schema(catalog, Names.identifier("schema_name", request.schemaName()));
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
            describeStoredTable(table, request, catalog, schema);
        }
        table.persist();
        UniqueNames.flush(em, () -> "Table '" + catalog.name + "." + schema.name + "." + name + "' already exists.");
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

    private void describeStoredTable(TableEntity table, CreateTable request, CatalogEntity catalog,
            SchemaEntity schema) {
        if (request.viewDefinition() != null) {
            throw new InvalidParameter("view_definition applies only to views, not to a " + table.tableType + " table.");
        }
        table.dataSourceFormat = request.dataSourceFormat() == null ? DataSourceFormat.DELTA : request.dataSourceFormat();
        table.storageLocation = StorageLocations.normalize("storage_location", request.storageLocation());
        if (table.storageLocation == null) {
            if (table.tableType == TableType.EXTERNAL) {
                throw new InvalidParameter("storage_location is required for an EXTERNAL table.");
            }
            table.storageLocation = StorageLocations.managedLocation(managedRoot(catalog, schema), "tables", table.id);
        }
    }

    /** The nearest managed storage: the schema's, else the catalog's, else the metastore's. */
    private static String managedRoot(CatalogEntity catalog, SchemaEntity schema) {
        if (schema.storageLocation != null) {
            return schema.storageLocation;
        }
        if (catalog.storageLocation != null) {
            return catalog.storageLocation;
        }
        return MetastoreEntity.current().storageRoot;
    }

    @Transactional
    public TableInfo get(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schema(catalog, names.get(1));
        return Lookup.table(catalog, schema, names.get(2)).toInfo(catalog.name, schema.name);
    }

    @Transactional
    public Page<TableInfo> list(String catalogName, String schemaName, String maxResults, String pageToken) {
        CatalogEntity catalog = Lookup.catalog(Names.identifier("catalog_name", catalogName));
        SchemaEntity schema = Lookup.schema(catalog, Names.identifier("schema_name", schemaName));
        PageRequest page = PageRequest.of(maxResults, pageToken, config.page().maxResults());
        // range() is inclusive: size + 1 rows, the last only telling whether another page exists
        return Page.fromLookahead(
                TableEntity.<TableEntity>find("schemaId = ?1 and name > ?2", Sort.by("name"), schema.id,
                        page.after()).range(0, page.size()).list(),
                page, t -> t.name).map(t -> t.toInfo(catalog.name, schema.name));
    }

    /**
     * Databricks' table summaries: the full name and type of every table of a catalog whose schema
     * and table names match SQL LIKE patterns, in full-name order, paged.
     */
    @Transactional
    public Page<TableSummary> listSummaries(String catalogName, String schemaNamePattern, String tableNamePattern,
            String maxResults, String pageToken) {
        CatalogEntity catalog = Lookup.catalog(Names.identifier("catalog_name", catalogName));
        PageRequest page = PageRequest.of(maxResults, pageToken, config.page().maxResults());
        // the key is schema.table: names hold no dots, so the first dot splits it
        int dot = page.after().indexOf('.');
        String afterSchema = dot < 0 ? page.after() : page.after().substring(0, dot);
        String afterTable = dot < 0 ? "" : page.after().substring(dot + 1);
        List<Object[]> rows = em.createQuery("""
                select s.name, t.name, t.tableType from TableEntity t, SchemaEntity s
                where t.schemaId = s.id and s.catalogId = :catalog
                  and s.name like :schemaPattern and t.name like :tablePattern
                  and (s.name > :afterSchema or (s.name = :afterSchema and t.name > :afterTable))
                order by s.name, t.name""", Object[].class)
                .setParameter("catalog", catalog.id)
                .setParameter("schemaPattern", likePattern(schemaNamePattern))
                .setParameter("tablePattern", likePattern(tableNamePattern))
                .setParameter("afterSchema", afterSchema)
                .setParameter("afterTable", afterTable)
                .setMaxResults(page.size() + 1)
                .getResultList();
        return Page.fromLookahead(rows, page, row -> row[0] + "." + row[1])
                .map(row -> new TableSummary(catalog.name + "." + row[0] + "." + row[1], (TableType) row[2]));
    }

    private static String likePattern(String pattern) {
        return pattern == null || pattern.isEmpty() ? "%" : pattern.toLowerCase(Locale.ROOT);
    }

    /** Whether the table exists; a missing catalog or schema means it does not. */
    @Transactional
    public boolean exists(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        return TableEntity.count("""
                from TableEntity t where t.name = ?3 and t.schemaId in (
                    select s.id from SchemaEntity s, CatalogEntity c
                    where s.catalogId = c.id and c.name = ?1 and s.name = ?2)""",
                names.get(0), names.get(1), names.get(2)) > 0;
    }

    @Transactional
    public void delete(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schema(catalog, names.get(1));
        Lookup.table(catalog, schema, names.get(2)).delete();
    }
}
