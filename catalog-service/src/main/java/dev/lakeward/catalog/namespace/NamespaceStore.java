package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.identity.PrincipalEntity;
import dev.lakeward.policy.Securable;
import dev.lakeward.policy.SecurableType;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/**
 * Every way the namespace is looked up: catalogs, schemas and tables by their validated
 * (lower-case) names or by id, each in one query, and the one NOT_FOUND each miss is answered.
 */
public final class NamespaceStore {

    private static final int IDS_PER_QUERY = 1000;

    private NamespaceStore() {
    }

    static Optional<CatalogEntity> catalog(String name) {
        return CatalogEntity.<CatalogEntity>find("name", name).firstResultOptional();
    }

    static Optional<SchemaEntity> schema(CatalogEntity catalog, String name) {
        return SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name = ?2", catalog.id, name).firstResultOptional();
    }

    static Optional<TableEntity> table(SchemaEntity schema, String name) {
        return TableEntity.<TableEntity>find("schemaId = ?1 and name = ?2", schema.id, name).firstResultOptional();
    }

    /** A schema with its catalog, in one read-only query. */
    static Optional<SchemaPath> schemaPath(String catalog, String schema) {
        return TableEntity.getEntityManager().createQuery("""
                        select c, s from CatalogEntity c, SchemaEntity s
                        where c.name = :catalog and s.catalogId = c.id and s.name = :schema""", Object[].class)
                .setParameter("catalog", catalog).setParameter("schema", schema)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .map(row -> new SchemaPath((CatalogEntity) row[0], (SchemaEntity) row[1]));
    }

    /** A schema by id with its catalog, in one read-only query. */
    static Optional<SchemaPath> schemaById(UUID schemaId) {
        return TableEntity.getEntityManager().createQuery("""
                        select c, s from CatalogEntity c, SchemaEntity s
                        where s.id = :schema and s.catalogId = c.id""", Object[].class)
                .setParameter("schema", schemaId)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .map(row -> new SchemaPath((CatalogEntity) row[0], (SchemaEntity) row[1]));
    }

    /** A table with its schema and catalog, in one read-only query. */
    static Optional<TablePath> tablePath(String catalog, String schema, String table) {
        return TableEntity.getEntityManager().createQuery("""
                        select c, s, t from CatalogEntity c, SchemaEntity s, TableEntity t
                        where c.name = :catalog and s.catalogId = c.id and s.name = :schema
                          and t.schemaId = s.id and t.name = :table""", Object[].class)
                .setParameter("catalog", catalog).setParameter("schema", schema).setParameter("table", table)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .map(NamespaceStore::pathOf);
    }

    /** A row of {@code select c, s, t}: a table with its schema and catalog. */
    private static TablePath pathOf(Object[] row) {
        return new TablePath((CatalogEntity) row[0], (SchemaEntity) row[1], (TableEntity) row[2]);
    }

    /** The table a dataset name such as {@code catalog.schema.table} names, if it is one. */
    public static Optional<TablePath> tablePath(String fullName) {
        List<String> names = List.of(fullName.split("\\.", -1));
        return names.size() == 3 ? tablePath(names.get(0), names.get(1), names.get(2)) : Optional.empty();
    }

    /** The table stored at exactly this (canonical) location, if there is one. */
    public static Optional<TablePath> tableAt(String location) {
        return TableEntity.getEntityManager().createQuery("""
                        select c, s, t from CatalogEntity c, SchemaEntity s, TableEntity t
                        where t.storageLocation = :location and t.schemaId = s.id and s.catalogId = c.id""",
                        Object[].class)
                .setParameter("location", location).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().findFirst()
                .map(NamespaceStore::pathOf);
    }

    /** The tables of these ids that still exist, with their schemas and catalogs, in a query per thousand ids. */
    public static Map<UUID, TablePath> tablesById(Collection<UUID> tableIds) {
        if (tableIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, TablePath> found = new HashMap<>();
        List<UUID> ids = List.copyOf(tableIds);
        // a chunk at a time: each id is a bind parameter, and PostgreSQL takes at most 32,767 in one statement
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            TableEntity.getEntityManager().createQuery("""
                    select c, s, t from CatalogEntity c, SchemaEntity s, TableEntity t
                    where t.schemaId = s.id and s.catalogId = c.id and t.id in :ids""", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY))).getResultList()
                    .forEach(row -> found.put(((TableEntity) row[2]).id, pathOf(row)));
        }
        return found;
    }

    /** A table by its id (Unity Catalog's {@code table_id}). */
    static Optional<TablePath> tableById(String tableId) {
        UUID id;
        try {
            id = UUID.fromString(tableId == null ? "" : tableId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("table_id must be a table's UUID.");
        }
        return Optional.ofNullable(tablesById(List.of(id)).get(id));
    }

    /** A volume, function or registered model of the schema by its validated name. */
    static <E extends SchemaObjectEntity> Optional<E> inSchema(Class<E> kind, SchemaEntity schema, String name) {
        return TableEntity.getEntityManager()
                .createQuery("from " + kind.getSimpleName() + " o where o.schemaId = :schema and o.name = :name", kind)
                .setParameter("schema", schema.id).setParameter("name", name).getResultStream().findFirst();
    }

    /** A volume, function or registered model by its validated names, with its schema and catalog, in one query. */
    static <E extends SchemaObjectEntity> Optional<InSchema<E>> inSchemaPath(SecurableType type, Class<E> kind,
            String catalog, String schema, String name) {
        return TableEntity.getEntityManager().createQuery("select c, s, o from CatalogEntity c, SchemaEntity s, "
                        + kind.getSimpleName() + " o where c.name = :catalog and s.catalogId = c.id"
                        + " and s.name = :schema and o.schemaId = s.id and o.name = :name", Object[].class)
                .setParameter("catalog", catalog).setParameter("schema", schema).setParameter("name", name)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .map(row -> new InSchema<>(type, (CatalogEntity) row[0], (SchemaEntity) row[1], kind.cast(row[2])));
    }

    /** A volume, function or registered model by its id, with its schema and catalog, in one query. */
    static <E extends SchemaObjectEntity> Optional<InSchema<E>> inSchemaById(SecurableType type, Class<E> kind,
            UUID id) {
        return TableEntity.getEntityManager().createQuery("select c, s, o from CatalogEntity c, SchemaEntity s, "
                        + kind.getSimpleName() + " o where o.id = :id and s.id = o.schemaId and c.id = s.catalogId",
                        Object[].class)
                .setParameter("id", id).setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .map(row -> new InSchema<>(type, (CatalogEntity) row[0], (SchemaEntity) row[1], kind.cast(row[2])));
    }

    /** Up to {@code limit} objects of one kind in a schema named after {@code after}, in name order, read-only. */
    static <E extends SchemaObjectEntity> List<E> inSchemaAfter(Class<E> kind, UUID schemaId, String after, int limit) {
        return TableEntity.getEntityManager().createQuery("from " + kind.getSimpleName()
                        + " o where o.schemaId = :schema and o.name > :after order by o.name", kind)
                .setParameter("schema", schemaId).setParameter("after", after).setMaxResults(limit)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /**
     * Up to {@code limit} objects of one kind, with their schemas and catalogs, whose
     * {@code (catalog, schema, name)} sorts after {@code after}'s, in that order, read-only: a
     * listing's chunk across the schemas of one catalog, or of every catalog when {@code catalogId}
     * is null.
     */
    static <E extends SchemaObjectEntity> List<InSchema<E>> inSchemasAfter(SecurableType type, Class<E> kind,
            UUID catalogId, List<String> after, int limit) {
        TypedQuery<Object[]> query = TableEntity.getEntityManager().createQuery("select c, s, o from CatalogEntity c,"
                        + " SchemaEntity s, " + kind.getSimpleName() + " o where s.catalogId = c.id and o.schemaId = s.id"
                        + (catalogId == null ? "" : " and c.id = :catalog")
                        + " and (c.name, s.name, o.name) > (:catalogName, :schemaName, :name)"
                        + " order by c.name, s.name, o.name", Object[].class)
                .setParameter("catalogName", after.get(0)).setParameter("schemaName", after.get(1))
                .setParameter("name", after.get(2)).setMaxResults(limit).setHint(HibernateHints.HINT_READ_ONLY, true);
        if (catalogId != null) {
            query.setParameter("catalog", catalogId);
        }
        return query.getResultList().stream().map(row -> new InSchema<>(type, (CatalogEntity) row[0],
                (SchemaEntity) row[1], kind.cast(row[2]))).toList();
    }

    /** Up to {@code limit} catalogs named after {@code after}, in name order, read-only: a listing's chunk. */
    static List<CatalogEntity> catalogsAfter(String after, int limit) {
        return CatalogEntity.<CatalogEntity>find("name > ?1", Sort.by("name"), after)
                .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, limit - 1).list();
    }

    static List<SchemaEntity> schemasAfter(UUID catalogId, String after, int limit) {
        return SchemaEntity.<SchemaEntity>find("catalogId = ?1 and name > ?2", Sort.by("name"), catalogId, after)
                .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, limit - 1).list();
    }

    /** The names of up to {@code limit} tables of a schema after {@code after}, in name order: a listing's chunk. */
    static List<String> tableNamesAfter(UUID schemaId, String after, int limit) {
        return TableEntity.getEntityManager().createQuery("""
                        select t.name from TableEntity t where t.schemaId = :schema and t.name > :after
                        order by t.name""", String.class)
                .setParameter("schema", schemaId).setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /** The tables of a schema with these names that exist, read-only, in one query. */
    static List<TableEntity> tablesNamed(UUID schemaId, Collection<String> names) {
        return TableEntity.<TableEntity>find("schemaId = ?1 and name in ?2", schemaId, names)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** A table of a summary listing with its schema, for authorization. */
    record SummaryRow(SchemaEntity schema, TableEntity table) {

        /** {@code schema.table}: names hold no dots, so the first dot splits it. */
        String key() {
            return schema.name + "." + table.name;
        }

        Securable securable(Securable catalog) {
            return Securables.table(Securables.schema(catalog, schema), table);
        }
    }

    /** Up to {@code limit} tables of a catalog whose names match the LIKE patterns, after a {@code schema.table} key. */
    static List<SummaryRow> summaryRows(UUID catalogId, String schemaPattern, String tablePattern, String after,
            int limit) {
        int dot = after.indexOf('.');
        String afterSchema = dot < 0 ? after : after.substring(0, dot);
        String afterTable = dot < 0 ? "" : after.substring(dot + 1);
        return TableEntity.getEntityManager().createQuery("""
                select s, t from TableEntity t, SchemaEntity s
                where t.schemaId = s.id and s.catalogId = :catalog
                  and s.name like :schemaPattern and t.name like :tablePattern
                  and (s.name > :afterSchema or (s.name = :afterSchema and t.name > :afterTable))
                order by s.name, t.name""", Object[].class)
                .setParameter("catalog", catalogId)
                .setParameter("schemaPattern", schemaPattern)
                .setParameter("tablePattern", tablePattern)
                .setParameter("afterSchema", afterSchema)
                .setParameter("afterTable", afterTable)
                .setMaxResults(limit).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList().stream()
                .map(row -> new SummaryRow((SchemaEntity) row[0], (TableEntity) row[1]))
                .toList();
    }

    static long schemaCount(CatalogEntity catalog) {
        return SchemaEntity.count("catalogId", catalog.id);
    }

    /** What the schema holds: its tables, volumes, functions and registered models. */
    static long objectCount(SchemaEntity schema) {
        return ((Number) TableEntity.getEntityManager().createNativeQuery("""
                select (select count(*) from catalog_table where schema_id = ?1)
                     + (select count(*) from volume where schema_id = ?1)
                     + (select count(*) from catalog_function where schema_id = ?1)
                     + (select count(*) from registered_model where schema_id = ?1)""")
                .setParameter(1, schema.id).getSingleResult()).longValue();
    }

    static NotFound missingCatalog(String name) {
        return NotFound.securable(SecurableType.CATALOG, name);
    }

    static NotFound missingSchema(String catalog, String name) {
        return NotFound.securable(SecurableType.SCHEMA, catalog + "." + name);
    }

    static NotFound missingTable(String catalog, String schema, String name) {
        return NotFound.securable(SecurableType.TABLE, catalog + "." + schema + "." + name);
    }

    /** What a table id that names no table the caller may see is answered. */
    static NotFound missingTableId(String tableId) {
        return NotFound.securable(SecurableType.TABLE, Names.printable(tableId));
    }

    /** The canonical name of an existing principal, for a new owner. */
    static String owner(String name) {
        return PrincipalEntity.findByName(name).map(p -> p.name)
                .orElseThrow(() -> new InvalidParameter("owner '" + Names.printable(name) + "' is not a known principal."));
    }
}
