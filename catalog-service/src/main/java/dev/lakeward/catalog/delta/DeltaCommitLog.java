package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.delta.DeltaMessages.Commit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's record of a catalog-managed table's commits ({@code delta_commit_log},
 * {@code delta_commit}), in the caller's transaction. Writers hold the table's row for update
 * and readers for share, so a proposal is judged against the latest version, and a load reads
 * metadata and commits as of one moment.
 */
@ApplicationScoped
class DeltaCommitLog {

    /** Where a table's history stands: the latest ratified version and the latest published one. */
    record Position(long latestVersion, long latestTimestamp, long backfilledVersion) {

        long unpublished() {
            return latestVersion - backfilledVersion;
        }
    }

    @Inject
    EntityManager em;

    /** A new table's history: version 0, which its writer published before creating it. */
    void start(UUID tableId, long timestampMs) {
        em.createNativeQuery("""
                insert into delta_commit_log (table_id, latest_version, latest_timestamp, backfilled_version)
                values (?1, 0, ?2, 0)""").setParameter(1, tableId).setParameter(2, timestampMs).executeUpdate();
    }

    /**
     * The table's position, its row held for update until the transaction ends; a catalog-managed
     * table made without this API (its properties set through the Unity Catalog API) starts at 0.
     */
    Position lockForUpdate(UUID tableId, long createdAtMs) {
        em.createNativeQuery("""
                insert into delta_commit_log (table_id, latest_version, latest_timestamp, backfilled_version)
                values (?1, 0, ?2, 0) on conflict (table_id) do nothing""")
                .setParameter(1, tableId).setParameter(2, createdAtMs).executeUpdate();
        return position(tableId, "for update").orElseThrow();
    }

    /** The table's position, its row held for share until the transaction ends; none before its first write. */
    Optional<Position> lockForShare(UUID tableId) {
        return position(tableId, "for share");
    }

    /** The ratified, unpublished commits, newest first. */
    List<Commit> unpublished(UUID tableId) {
        List<?> rows = em.createNativeQuery("""
                select version, commit_timestamp, file_name, file_size, file_modification_ms
                from delta_commit where table_id = ?1 order by version desc""").setParameter(1, tableId).getResultList();
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new Commit(number(columns[0]), number(columns[1]), (String) columns[2], number(columns[3]),
                    number(columns[4]));
        }).toList();
    }

    /** The file ratified as {@code version}, while it is unpublished. */
    Optional<String> fileAt(UUID tableId, long version) {
        return em.createNativeQuery("select file_name from delta_commit where table_id = ?1 and version = ?2")
                .setParameter(1, tableId).setParameter(2, version).getResultStream().findFirst().map(String.class::cast);
    }

    /** Ratifies {@code commit} as the table's next version; the caller holds the row and has checked the version. */
    void ratify(UUID tableId, Commit commit, String principal) {
        em.createNativeQuery("""
                insert into delta_commit (table_id, version, commit_timestamp, file_name, file_size,
                                          file_modification_ms, committed_by, committed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, tableId).setParameter(2, commit.version()).setParameter(3, commit.timestamp())
                .setParameter(4, commit.fileName()).setParameter(5, commit.fileSize())
                .setParameter(6, commit.fileModificationTimestamp()).setParameter(7, principal)
                .setParameter(8, Timestamp.from(Instant.now())).executeUpdate();
        em.createNativeQuery("update delta_commit_log set latest_version = ?2, latest_timestamp = ?3 where table_id = ?1")
                .setParameter(1, tableId).setParameter(2, commit.version()).setParameter(3, commit.timestamp())
                .executeUpdate();
    }

    /** Forgets the commits published up to {@code version}; the caller holds the row. */
    void published(UUID tableId, long version) {
        em.createNativeQuery("delete from delta_commit where table_id = ?1 and version <= ?2")
                .setParameter(1, tableId).setParameter(2, version).executeUpdate();
        em.createNativeQuery("update delta_commit_log set backfilled_version = ?2 where table_id = ?1")
                .setParameter(1, tableId).setParameter(2, version).executeUpdate();
    }

    private Optional<Position> position(UUID tableId, String lock) {
        return em.createNativeQuery("select latest_version, latest_timestamp, backfilled_version from delta_commit_log"
                        + " where table_id = ?1 " + lock)
                .setParameter(1, tableId).getResultStream().findFirst().map(row -> {
                    Object[] columns = (Object[]) row;
                    return new Position(number(columns[0]), number(columns[1]), number(columns[2]));
                });
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
