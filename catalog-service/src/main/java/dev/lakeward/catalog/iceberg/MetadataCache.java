package dev.lakeward.catalog.iceberg;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.UUID;
import java.util.function.Function;
import org.apache.iceberg.TableMetadata;

/**
 * Tables' metadata files as parsed, so that a load reads and parses its table's current file once
 * rather than on every request. An entry never goes stale: a commit writes its version to a new
 * file and moves the table's row to it, and a file is remembered per table as well as per
 * location, so a table registered again over a rewritten file of the same name is read afresh.
 * What is remembered is bounded by its size in snapshots, log entries and columns, not by count,
 * since one table's history can outweigh a thousand new tables'.
 */
final class MetadataCache {

    /** About 200 bytes a unit: some 40 MB of parsed metadata at the most. */
    private static final long MAXIMUM_WEIGHT = 200_000;

    private record Key(UUID tableId, String metadataLocation) {
    }

    private final Cache<Key, TableMetadata> parsed;
    private final Function<String, TableMetadata> read;

    /** Remembers what {@code read} parses from a metadata location. */
    MetadataCache(Function<String, TableMetadata> read) {
        this.parsed = Caffeine.newBuilder().maximumWeight(MAXIMUM_WEIGHT)
                .weigher((Key key, TableMetadata metadata) -> weight(metadata)).build();
        this.read = read;
    }

    /** The table's metadata in the file at this location, its current one. */
    TableMetadata read(UUID tableId, String metadataLocation) {
        return parsed.get(new Key(tableId, metadataLocation), key -> read.apply(key.metadataLocation()));
    }

    private static int weight(TableMetadata metadata) {
        long columns = metadata.schemas().stream().mapToLong(schema -> schema.columns().size()).sum();
        return (int) Math.min(Integer.MAX_VALUE, 1 + columns + metadata.snapshots().size()
                + metadata.snapshotLog().size() + metadata.previousFiles().size());
    }
}
