package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.LakewardConfig;
import dev.lakeward.catalog.audit.AuditLog;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.Caller;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.CredentialCache;
import dev.lakeward.credentials.LocalFileVendor;
import dev.lakeward.credentials.StorageCredential;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/**
 * Vends a short-lived credential for a location the caller was already authorized for, through
 * the vendor of its scheme and the cache, and records the vend in the audit log (never the
 * secret). Local {@code file://} locations vend an empty credential, as Unity Catalog OSS does.
 * Cloud locations need an external location bound to a storage credential, which the service
 * does not hold yet: they are refused as a failed precondition.
 */
@ApplicationScoped
public class StorageVending {

    private static final StorageCredential LOCAL = new StorageCredential.LocalFiles("local-files");

    @Inject
    LakewardConfig config;

    @Inject
    AuditLog audit;

    private final LocalFileVendor local = new LocalFileVendor(Clock.systemUTC());
    private CredentialCache cache;

    @PostConstruct
    void init() {
        cache = new CredentialCache(Clock.systemUTC(), config.credentials().cacheSize());
    }

    /** A credential for the location; {@code securable} names what was authorized, for the audit log. */
    public TemporaryCredential vend(Caller caller, String url, AccessLevel access, String securableType,
            String securableName) {
        StorageLocation location;
        try {
            location = StorageLocation.parse(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(e.getMessage());
        }
        if (!location.scheme().equals("file")) {
            throw new FailedPrecondition("No storage credential can serve '" + location.url()
                    + "': cloud locations need an external location bound to a storage credential.");
        }
        TemporaryCredential credential = cache.get(new CredentialCache.Key(location.url(), access, LOCAL.id()),
                () -> local.vend(location, access, LOCAL, config.credentials().ttl()));
        audit.change(caller.name(), "VEND_CREDENTIAL", securableType, securableName,
                Map.of("url", credential.url(), "operation", access.name(), "storage_credential", LOCAL.id(),
                        "expiration_time", credential.expiration().toEpochMilli()));
        return credential;
    }
}
