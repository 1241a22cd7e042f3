package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.AccessChanged;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.persistence.StoredVersions;
import dev.lakeward.catalog.persistence.VersionedCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers what Lakeward's tokens resolved to, so that an authenticated call needs no database
 * round trip. It forgets everything right after this replica's own identity changes commit
 * ({@link AccessChanged}), and within {@code lakeward.cache.refresh-interval} of another
 * replica's, whose transactions move {@code identity_version} with every token or principal
 * change: the promise the grant snapshot makes. Expiry is checked on every use, by the caller.
 */
@ApplicationScoped
public class TokenCache {

    @Inject
    LakewardConfig config;

    private VersionedCache<String, AccessTokens.Resolution> resolved;

    @PostConstruct
    void init() {
        resolved = new VersionedCache<>(config.cache().tokens());
    }

    Optional<AccessTokens.Resolution> get(String tokenHash, Function<String, Optional<AccessTokens.Resolution>> load) {
        return resolved.get(tokenHash, load);
    }

    void forget(String tokenHash) {
        resolved.forget(tokenHash);
    }

    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged event) {
        resolved.forgetAll();
    }

    void catchUp(@Observes StoredVersions versions) {
        resolved.atStoredVersion(versions.identity());
    }
}
