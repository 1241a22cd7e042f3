package dev.lakeward.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Vended credentials, kept per (location scope, access, storage credential) until half their life
 * is gone. Single-flight: of concurrent requests for one key, one mints and the others wait for
 * it, so a burst of engine tasks costs one STS call. A failed mint is not kept.
 */
public final class CredentialCache {

    /** What a credential is good for: its location scope, access, and the storage credential behind it. */
    public record Key(String scope, AccessLevel access, String storageCredential) {
    }

    private record Entry(Instant mintedAt, CompletableFuture<TemporaryCredential> credential) {
    }

    private final Clock clock;
    private final int maxEntries;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    public CredentialCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** The cached credential for the key while it has more than half its life left; else one newly minted. */
    public TemporaryCredential get(Key key, Supplier<TemporaryCredential> mint) {
        CompletableFuture<TemporaryCredential> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, current) -> current != null && !stale(current) ? current
                : new Entry(clock.instant(), mine));
        if (entry.credential() == mine) {
            evictIfFull();
            try {
                mine.complete(mint.get());
            } catch (RuntimeException e) {
                entries.remove(key, entry);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.credential().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public int size() {
        return entries.size();
    }

    private boolean stale(Entry entry) {
        CompletableFuture<TemporaryCredential> credential = entry.credential();
        if (!credential.isDone()) {
            return false;
        }
        if (credential.isCompletedExceptionally()) {
            return true;
        }
        Instant expiration = credential.join().expiration();
        Duration life = Duration.between(entry.mintedAt(), expiration);
        return !clock.instant().isBefore(entry.mintedAt().plus(life.dividedBy(2)));
    }

    private void evictIfFull() {
        if (entries.size() > maxEntries) {
            entries.values().removeIf(this::stale);
        }
    }
}
