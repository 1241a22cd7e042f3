package dev.lakeward.credentials;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code file://} locations: the engine reads the files itself, so the credential is empty and
 * only names the location, as Unity Catalog OSS answers for local tables.
 */
public final class LocalFileVendor implements CredentialVendor {

    private final Clock clock;

    public LocalFileVendor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public TemporaryCredential vend(StorageLocation location, AccessLevel access, StorageCredential credential,
            Duration ttl) {
        return new TemporaryCredential(location.url(), clock.instant().plus(ttl), new TemporaryCredential.None());
    }
}
