package dev.lakeward.catalog.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What a replica remembers of rows that change rarely and are read on every request, valid while
 * a version the database moves with each change stands still. Its owner forgets everything right
 * after its own changes commit, and catches up with other replicas' at each {@link StoredVersions}.
 * Only what was found is remembered.
 */
public final class VersionedCache<K, V> {

    private final Cache<K, V> entries;
    /** Moves on every forget, so a load that raced with one does not put back what it read before. */
    private final AtomicLong generation = new AtomicLong();
    private volatile long storedVersion = -1;

    public VersionedCache(int maximumSize) {
        entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** The remembered value, or the loaded one, remembered when found. */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        V known = entries.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        long before = generation.get();
        Optional<V> loaded = load.apply(key);
        loaded.ifPresent(value -> {
            entries.put(key, value);
            // a forget that began after the load read the database may have missed this entry
            if (generation.get() != before) {
                entries.asMap().remove(key, value);
            }
        });
        return loaded;
    }

    /**
     * The values of these keys, in their order, the ones not remembered loaded in one call (a
     * listing's page in one query) and remembered; keys the load did not find are left out.
     */
    public List<V> getAll(List<K> keys, Function<List<K>, Map<K, V>> loadMissing) {
        Map<K, V> known = entries.getAllPresent(keys);
        Map<K, V> loaded = Map.of();
        List<K> missing = keys.stream().filter(key -> !known.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            long before = generation.get();
            loaded = loadMissing.apply(missing);
            entries.putAll(loaded);
            if (generation.get() != before) {
                loaded.forEach(entries.asMap()::remove);
            }
        }
        List<V> values = new ArrayList<>(keys.size());
        for (K key : keys) {
            V value = known.containsKey(key) ? known.get(key) : loaded.get(key);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    public void forget(K key) {
        entries.invalidate(key);
    }

    public void forgetAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** With the version just read from the database: forgets everything if it moved since the last one. */
    public void atStoredVersion(long version) {
        if (version != storedVersion) {
            storedVersion = version;
            forgetAll();
        }
    }
}
