package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.persistence.AdvisoryLocks;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes the files of dropped MANAGED tables and volumes, whose storage the catalog owns, once
 * {@code lakeward.storage.purge-delay} has passed since the drop ({@code storage_purge}, filled by
 * the database on every drop), under the lock claims on the bucket take. A location that a live
 * table, volume, model, staging table or managed storage root has claimed since is kept, with the
 * reason, for an operator, as is a location on Azure or Google Cloud Storage (the service deletes
 * no objects there yet); local ({@code file://}) storage and {@code s3://} objects are deleted, the
 * latter through a session minted for that location alone. Replicas share the work: each takes rows no other holds.
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

    @Inject
    StorageVending vending;

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

    /** The row's location deleted, or kept with why; whether files were deleted. */
    private boolean purge(String url) {
        StorageLocation location = StorageLocation.parse(url);
        // no claim on the bucket's storage is admitted while this location is judged and deleted
        AdvisoryLocks.exclusive(em, StorageAdmission.bucket(location));
        Optional<String> reused = reuse(location);
        if (reused.isPresent()) {
            keep(url, reused.get());
            return false;
        }
        try {
            switch (location.scheme()) {
                case "file" -> deleteTree(Path.of(URI.create(location.url())));
                case "s3" -> deleteObjects(location);
                default -> {
                    keep(url, "the service deletes no " + location.scheme() + ":// objects; delete them with the"
                            + " store's own tools, then this row");
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            keep(url, "deleting the files failed: " + e);
            return false;
        }
        LOG.infof("Deleted the files of dropped managed storage %s", url);
        em.createNativeQuery("delete from storage_purge where storage_location = ?1").setParameter(1, url)
                .executeUpdate();
        return true;
    }

    /**
     * What has claimed the dropped storage since: a table, volume or model there (or around it),
     * a table being created there, managed storage given within it. Its files are then not only
     * the dropped object's.
     */
    private Optional<String> reuse(StorageLocation location) {
        if (!OverlappingClaims.of(location, metastore.securable()).isEmpty()) {
            return Optional.of("a table, volume or model has claimed storage overlapping it since the drop");
        }
        if (OverlappingClaims.staged(location)) {
            return Optional.of("a table being created (a staging table) has storage overlapping it");
        }
        if (OverlappingClaims.holdsManagedStorage(location)) {
            return Optional.of("managed storage of a catalog, a schema or the metastore lies within it");
        }
        return Optional.empty();
    }

    /** Keeps the row, with why, for an operator: it is not taken again. */
    private void keep(String url, String reason) {
        em.createNativeQuery("update storage_purge set attempts = attempts + 1, last_error = ?2 where storage_location = ?1")
                .setParameter(1, url).setParameter(2, reason).executeUpdate();
        LOG.warnf("Dropped managed storage %s was not deleted: %s", url, reason);
    }

    /**
     * Every object under the location's prefix (as a folder: {@code t1/}, never {@code t10}), a
     * listed page at a time, through a session the service mints for that location alone.
     */
    private void deleteObjects(StorageLocation location) {
        if (!(vending.forService(location.url(), AccessLevel.READ_WRITE).secret()
                instanceof TemporaryCredential.AwsSession session)) {
            throw new IllegalStateException("An s3:// location was vended no AWS session.");
        }
        if (location.prefix().isEmpty()) {
            throw new IllegalStateException("a bucket's root is never deleted whole");
        }
        String prefix = location.prefix() + "/";
        try (S3Client s3 = S3Clients.forSession(session, vending.endpoint(location.url()), config.storage().timeout())) {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(prefix))) {
                for (S3Object object : page.contents()) {
                    s3.deleteObject(d -> d.bucket(location.bucket()).key(object.key()));
                }
            }
        }
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
