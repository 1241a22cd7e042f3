package dev.lakeward.catalog.search;

import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.search.SearchHit.Type;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The names of catalogs, schemas, tables and columns that hold a text, read from their trigram
 * indexes (V14) in {@link SearchKey} order, in one query per chunk. The text is matched
 * case-insensitively and literally: {@code %}, {@code _} and {@code \} in it are characters, not
 * patterns. Names are sorted byte-wise ({@code collate "C"}), the same on every server.
 */
@ApplicationScoped
class NameIndex {

    private static final String MATCHES = """
            select * from (
              select 'CATALOG' as kind, %1$s as rank, c.name collate "C" as catalog_name,
                     '' collate "C" as schema_name, '' collate "C" as table_name, '' collate "C" as column_name,
                     c.id as catalog_id, c.owner as catalog_owner, cast(null as uuid) as schema_id,
                     cast(null as text) as schema_owner, cast(null as uuid) as table_id, cast(null as text) as table_owner,
                     cast(null as text) as table_type, cast(null as text) as data_source_format,
                     cast(null as text) as type_text, c.comment
              from catalog c
              where lower(c.name) like :contains escape '\\'
              union all
              select 'SCHEMA', %2$s, c.name, s.name, '', '', c.id, c.owner, s.id, s.owner, null, null, null, null, null,
                     s.comment
              from catalog_schema s join catalog c on c.id = s.catalog_id
              where lower(s.name) like :contains escape '\\'
              union all
              select 'TABLE', %3$s, c.name, s.name, t.name, '', c.id, c.owner, s.id, s.owner, t.id, t.owner,
                     t.table_type, t.data_source_format, null, t.comment
              from catalog_table t join catalog_schema s on s.id = t.schema_id join catalog c on c.id = s.catalog_id
              where lower(t.name) like :contains escape '\\'
              union all
              select 'COLUMN', %4$s, c.name, s.name, t.name, n.name, c.id, c.owner, s.id, s.owner, t.id, t.owner,
                     t.table_type, t.data_source_format, n.type_text, n.comment
              from table_column_name n join catalog_table t on t.id = n.table_id
                   join catalog_schema s on s.id = t.schema_id join catalog c on c.id = s.catalog_id
              where lower(n.name) like :contains escape '\\'
            ) hit
            where (rank, catalog_name, schema_name, table_name, column_name)
                > (:rank, :catalog, :schema, :table, :column)
            order by rank, catalog_name, schema_name, table_name, column_name
            limit :limit""".formatted(rank("c.name"), rank("s.name"), rank("t.name"), rank("n.name"));

    @Inject
    EntityManager em;

    /** Up to {@code limit} names that hold {@code text}, after {@code after}, in key order. */
    List<Candidate> matches(String text, SearchKey after, int limit) {
        String lowered = text.toLowerCase(Locale.ROOT);
        String literal = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MATCHES)
                .setParameter("exact", lowered)
                .setParameter("prefix", literal + "%")
                .setParameter("contains", "%" + literal + "%")
                .setParameter("rank", after.rank())
                .setParameter("catalog", after.catalog())
                .setParameter("schema", after.schema())
                .setParameter("table", after.table())
                .setParameter("column", after.column())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(NameIndex::candidate).toList();
    }

    /** 0 for the whole name, 1 for its start, 2 for within it. */
    private static String rank(String name) {
        return "case when lower(%1$s) = :exact then 0 when lower(%1$s) like :prefix escape '\\' then 1 else 2 end"
                .formatted(name);
    }

    private static Candidate candidate(Object[] row) {
        return new Candidate(Type.valueOf((String) row[0]),
                new SearchKey(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4],
                        (String) row[5]),
                (UUID) row[6], (String) row[7], (UUID) row[8], (String) row[9], (UUID) row[10], (String) row[11],
                row[12] == null ? null : TableType.valueOf((String) row[12]),
                row[13] == null ? null : DataSourceFormat.valueOf((String) row[13]),
                (String) row[14], (String) row[15]);
    }
}
