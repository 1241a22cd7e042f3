package dev.lakeward.catalog.search;

import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.TableType;
import dev.lakeward.catalog.persistence.LikePatterns;
import dev.lakeward.catalog.search.SearchHit.Type;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The names of catalogs, schemas, tables and columns that hold a text, in {@link SearchKey} order,
 * one query per rank, so that the first page costs what its hits cost, however many names match:
 * each kind's names are read from its index of sorted names (V15) and stop at the limit, the whole
 * name as one key, a prefix as a range, a substring by walking the names in order when many hold
 * it or from the trigram index (V14) when few do (PostgreSQL decides from pg_trgm's estimate); the
 * four kinds are merged under the limit, and only the hits kept are joined to their tables, schemas
 * and catalogs. The text is matched case-insensitively and literally: {@code %}, {@code _} and
 * {@code \} in it are characters, not patterns. Names are sorted byte-wise ({@code collate "C"}),
 * the same on every server.
 */
@ApplicationScoped
class NameIndex {

    /** One kind's names: its table, alias, id column and position (a column's; 0 for the rest). */
    private record Kind(Type type, String table, String alias, String id, String position) {

        /** Its names of a rank, after the key, in key order, up to the limit. */
        String branch(String rank) {
            String sorted = "lower(%s.name) collate \"C\"".formatted(alias);
            return """
                    (select %1$d as kind, %2$s as sort_name, %3$s as id, %4$s as position from %5$s %6$s
                     where %7$s and (%2$s, %1$d, %3$s, %4$s) > (:name, :kind, :id, :position)
                     order by sort_name, id, position limit :limit)"""
                    .formatted(type.ordinal(), sorted, id, position, table, alias,
                            rank.formatted(sorted, "lower(" + alias + ".name)"));
        }
    }

    private static final List<Kind> KINDS = List.of(new Kind(Type.CATALOG, "catalog", "c", "c.id", "0"),
            new Kind(Type.SCHEMA, "catalog_schema", "s", "s.id", "0"),
            new Kind(Type.TABLE, "catalog_table", "t", "t.id", "0"),
            new Kind(Type.COLUMN, "table_column_name", "n", "n.table_id", "n.position"));

    /**
     * What a name of each rank is, given it sorted ({@code %1$s}) and lowered ({@code %2$s}). A
     * prefix is the range from the text to the text followed by U+10FFFF, a noncharacter no name
     * holds ({@code ClientText} refuses it); a substring is looked for on the trigram index's
     * expression.
     */
    private static final List<String> RANKS = List.of("%1$s = :exact", "%1$s > :exact and %1$s < :beyond",
            "%2$s like :contains escape '\\' and not starts_with(%2$s, :exact)");

    private static final String JOINED = """
            select hit.kind, hit.sort_name, hit.id, hit.position, c.name as catalog_name, s.name as schema_name,
                   t.name as table_name, n.name as column_name, c.id as catalog_id, c.owner as catalog_owner,
                   s.id as schema_id, s.owner as schema_owner, t.id as table_id, t.owner as table_owner, t.table_type,
                   t.data_source_format, n.type_text,
                   case hit.kind when %1$d then c.comment when %2$d then s.comment when %3$d then t.comment
                                 else n.comment end as comment
            from (select * from (%5$s) merged order by sort_name, kind, id, position limit :limit) hit
            left join table_column_name n on hit.kind = %4$d and n.table_id = hit.id and n.position = hit.position
            left join catalog_table t on hit.kind in (%3$d, %4$d) and t.id = hit.id
            left join catalog_schema s on s.id = case hit.kind when %2$d then hit.id else t.schema_id end
            left join catalog c on c.id = case hit.kind when %1$d then hit.id else s.catalog_id end
            order by hit.sort_name, hit.kind, hit.id, hit.position""";

    /** The query of each rank. */
    private static final List<PlannedForItsValues> MATCHES = RANKS.stream().map(rank -> new PlannedForItsValues(
            JOINED.formatted(Type.CATALOG.ordinal(), Type.SCHEMA.ordinal(), Type.TABLE.ordinal(), Type.COLUMN.ordinal(),
                    String.join("\n union all ", KINDS.stream().map(kind -> kind.branch(rank)).toList()))))
            .toList();

    private static final String BEYOND_EVERY_NAME = Character.toString(Character.MAX_CODE_POINT);

    @Inject
    EntityManager em;

    /** Up to {@code limit} names that hold {@code text}, after {@code after}, in key order. */
    List<Candidate> matches(String text, SearchKey after, int limit) {
        String lowered = text.toLowerCase(Locale.ROOT);
        List<Candidate> found = new ArrayList<>(limit);
        // a rank's query is only run when the ranks before it leave room: a query every name holds as a
        // whole does not walk the names that hold it within them
        for (int rank = Math.max(after.rank(), 0); rank < RANKS.size() && found.size() < limit; rank++) {
            SearchKey from = rank == after.rank() ? after : SearchKey.start(rank);
            found.addAll(matches(rank, lowered, from, limit - found.size()));
        }
        return found;
    }

    private List<Candidate> matches(int rank, String lowered, SearchKey from, int limit) {
        String literal = LikePatterns.literal(lowered);
        Map<String, Object> values = Map.of("exact", lowered, "beyond", lowered + BEYOND_EVERY_NAME,
                "contains", "%" + literal + "%", "name", from.name(), "kind", from.kind(), "id", from.id(),
                "position", from.position(), "limit", limit);
        return MATCHES.get(rank).list(em, values, row -> candidate(rank, row));
    }

    private static Candidate candidate(int rank, ResultSet row) throws SQLException {
        int kind = row.getInt("kind");
        String tableType = row.getString("table_type");
        String dataSourceFormat = row.getString("data_source_format");
        return new Candidate(Type.values()[kind],
                new SearchKey(rank, row.getString("sort_name"), kind, row.getObject("id", UUID.class),
                        row.getInt("position")),
                row.getString("catalog_name"), row.getString("schema_name"), row.getString("table_name"),
                row.getString("column_name"), row.getObject("catalog_id", UUID.class), row.getString("catalog_owner"),
                row.getObject("schema_id", UUID.class), row.getString("schema_owner"),
                row.getObject("table_id", UUID.class), row.getString("table_owner"),
                tableType == null ? null : TableType.valueOf(tableType),
                dataSourceFormat == null ? null : DataSourceFormat.valueOf(dataSourceFormat),
                row.getString("type_text"), row.getString("comment"));
    }
}
