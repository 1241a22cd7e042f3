package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.credentials.StorageLocation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Deletes the files of dropped MANAGED tables and volumes, whose storage the catalog owns, once
 * {@code lakeward.storage.purge-delay} has passed since the drop ({@code storage_purge}, filled by
 * the database on every drop). A location that is no longer in managed storage, or that a live
 * table, volume or model has claimed since, is forgotten without touching a file. Local
 * ({@code file://}) storage is deleted; a cloud location is kept, with the reason, for an operator
 * (the service deletes no cloud objects yet). Replicas share the work: each takes rows no other holds.
 */
@ApplicationScoped
public class StoragePurge {

    private static final Logger LOG = Logger.getLogger(StoragePurge.class);
    private static final int BATCH = 100;

    @Inject
    LakewardConfig config;

    @Inject
    EntityManager em;

    @Inject
    Metastore metastore;

    @Scheduled(every = "10m", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        purgeDroppedBefore(Instant.now().minus(config.storage().purgeDelay()));
    }

    /** Purges the storage dropped before {@code cutoff}, a batch at a time; returns how many locations were deleted. */
    public int purgeDroppedBefore(Instant cutoff) {
        int deleted = 0;
        int taken;
        do {
            int[] batch = QuarkusTransaction.requiringNew().call(() -> purgeBatch(cutoff));
            taken = batch[0];
            deleted += batch[1];
        } while (taken == BATCH);
        return deleted;
    }

    /** One batch: how many rows were taken, and of them how many locations deleted. */
    private int[] purgeBatch(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<String> due = em.createNativeQuery("""
                select storage_location from storage_purge where dropped_at < ?1 and last_error is null
                order by dropped_at limit ?2 for update skip locked""")
                .setParameter(1, Timestamp.from(cutoff)).setParameter(2, BATCH).getResultList();
        int deleted = 0;
        for (String url : due) {
            if (purge(url)) {
                deleted++;
            }
        }
        return new int[] {due.size(), deleted};
    }

    /**
     * Purges one dropped location now, whatever the delay (a client that asked for it, such as an
     * Iceberg drop with {@code purgeRequested}), by the same rules as the sweep; whether its files
     * were deleted. A location not awaiting purge, or taken by another replica, is left alone.
     */
    public boolean purgeNow(String url) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery("""
                        select storage_location from storage_purge where storage_location = ?1 and last_error is null
                        for update skip locked""").setParameter(1, url).getResultList().isEmpty() && purge(url));
    }

    /** The row's location deleted, or forgotten, or kept with why; whether files were deleted. */
    private boolean purge(String url) {
        StorageLocation location = StorageLocation.parse(url);
        boolean deleted = false;
        if (!OverlappingClaims.inManagedStorage(location)
                || !OverlappingClaims.of(location, metastore.securable()).isEmpty()) {
            LOG.infof("Kept %s: it is no longer dropped managed storage of its own", url);
        } else if (!location.scheme().equals("file")) {
            keep(url, "the service deletes no " + location.scheme() + ":// objects; delete them with the"
                    + " store's own tools, then this row");
            return false;
        } else {
            try {
                deleteTree(Path.of(URI.create(location.url())));
            } catch (IOException e) {
                keep(url, "deleting the files failed: " + e);
                return false;
            }
            deleted = true;
            LOG.infof("Deleted the files of dropped managed storage %s", url);
        }
        em.createNativeQuery("delete from storage_purge where storage_location = ?1").setParameter(1, url)
                .executeUpdate();
        return deleted;
    }

    /** Keeps the row, with why, for an operator: it is not taken again. */
    private void keep(String url, String reason) {
        em.createNativeQuery("update storage_purge set attempts = attempts + 1, last_error = ?2 where storage_location = ?1")
                .setParameter(1, url).setParameter(2, reason).executeUpdate();
        LOG.warnf("Dropped managed storage %s was not deleted: %s", url, reason);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException gone) {
            // another replica on the same disk deleted it first
        }
    }
}
