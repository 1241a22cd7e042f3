package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.policy.Securable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/** A table found by its full name, id or location, with the catalog and schema it lives under. */
public record TablePath(CatalogEntity catalog, SchemaEntity schema, TableEntity table) {

    private static final List<String> FULL_NAME = List.of("catalog", "schema", "table");

    /** A table as an engine sees it, with its securable as the policy engine sees it: values, safe to share. */
    public record Located(TableInfo info, Securable securable) {
    }

    /**
     * {@link #of} with the table's securable, in one read-only query (the engine API's hot path);
     * a table that is not there is looked for part by part, to name the first missing one.
     */
    public static Located locate(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        List<Object[]> rows = TableEntity.getEntityManager().createQuery("""
                        select c, s, t, m from CatalogEntity c, SchemaEntity s, TableEntity t, MetastoreEntity m
                        where c.name = :catalog and s.catalogId = c.id and s.name = :schema
                          and t.schemaId = s.id and t.name = :table""", Object[].class)
                .setParameter("catalog", names.get(0)).setParameter("schema", names.get(1))
                .setParameter("table", names.get(2)).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        if (rows.isEmpty()) {
            return of(fullName).located();
        }
        Object[] row = rows.getFirst();
        TablePath path = new TablePath((CatalogEntity) row[0], (SchemaEntity) row[1], (TableEntity) row[2]);
        return new Located(path.toInfo(), path.securable(Securables.metastore((MetastoreEntity) row[3])));
    }

    /** Validates {@code catalog.schema.table} and finds each part, or answers NOT_FOUND for the first missing. */
    public static TablePath of(String fullName) {
        List<String> names = Names.fullName(fullName, FULL_NAME);
        CatalogEntity catalog = Lookup.catalog(names.get(0));
        SchemaEntity schema = Lookup.schema(catalog, names.get(1));
        return new TablePath(catalog, schema, Lookup.table(catalog, schema, names.get(2)));
    }

    /** The table of a lower-case {@code catalog.schema.table}, if there is one. */
    public static Optional<TablePath> find(String fullName) {
        String[] names = fullName.split("\\.", -1);
        if (names.length != 3) {
            return Optional.empty();
        }
        return CatalogEntity.<CatalogEntity>find("name", names[0]).firstResultOptional()
                .flatMap(c -> SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name = ?2", c.id, names[1])
                        .firstResultOptional()
                        .flatMap(s -> TableEntity.<TableEntity>find("schemaId = ?1 and name = ?2", s.id, names[2])
                                .firstResultOptional().map(t -> new TablePath(c, s, t))));
    }

    /** The table stored at exactly this (normalized) location, if there is one. */
    public static Optional<TablePath> findByLocation(String location) {
        return TableEntity.<TableEntity>find("storageLocation", location).firstResultOptional().flatMap(TablePath::of);
    }

    /** The tables of these ids that still exist, with their schemas and catalogs, in one query. */
    public static Map<UUID, TablePath> findAllById(Collection<UUID> tableIds) {
        if (tableIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, TablePath> found = new HashMap<>();
        TableEntity.getEntityManager().createQuery("""
                select t, s, c from TableEntity t, SchemaEntity s, CatalogEntity c
                where t.schemaId = s.id and s.catalogId = c.id and t.id in :ids""", Object[].class)
                .setParameter("ids", tableIds).getResultList()
                .forEach(row -> found.put(((TableEntity) row[0]).id,
                        new TablePath((CatalogEntity) row[2], (SchemaEntity) row[1], (TableEntity) row[0])));
        return found;
    }

    private static Optional<TablePath> of(TableEntity table) {
        SchemaEntity schema = SchemaEntity.findById(table.schemaId);
        return Optional.of(new TablePath(CatalogEntity.findById(schema.catalogId), schema, table));
    }

    public Securable securable() {
        return securable(Securables.metastore());
    }

    /** With the metastore already at hand, as when many tables are checked in one batch. */
    public Securable securable(Securable metastore) {
        return Securables.table(Securables.schema(Securables.catalog(metastore, catalog), schema), table);
    }

    public String fullName() {
        return catalog.name + "." + schema.name + "." + table.name;
    }

    /** A table by its id (Unity Catalog's {@code table_id}), or NOT_FOUND. */
    public static TablePath byId(String tableId) {
        UUID id;
        try {
            id = UUID.fromString(tableId == null ? "" : tableId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("table_id must be a table's UUID.");
        }
        TableEntity table = TableEntity.findById(id);
        if (table == null) {
            throw missingId(tableId);
        }
        return of(table).orElseThrow();
    }

    /** What a table id that names no table the caller may see is answered. */
    public static NotFound missingId(String tableId) {
        return new NotFound("Table '" + tableId + "' does not exist.");
    }

    public Located located() {
        return new Located(toInfo(), securable());
    }

    public TableInfo toInfo() {
        return table.toInfo(catalog.name, schema.name);
    }
}
