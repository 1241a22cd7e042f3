package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.AzureCredentialVendor;
import dev.lakeward.credentials.CredentialCache;
import dev.lakeward.credentials.CredentialVendor;
import dev.lakeward.credentials.GcsCredentialVendor;
import dev.lakeward.credentials.LocalFileVendor;
import dev.lakeward.credentials.S3CredentialVendor;
import dev.lakeward.credentials.S3SessionPolicy;
import dev.lakeward.credentials.StorageCredential;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import dev.lakeward.credentials.VendingFailed;
import dev.lakeward.policy.Decision;
import dev.lakeward.policy.SecurableType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Vends a short-lived credential for a location the caller was already authorized for: local
 * {@code file://} locations an empty one, as Unity Catalog OSS does; a cloud location through the
 * storage credential of the external location it lies within, by the vendor of its scheme, and
 * through the cache. Every vend is an audit event, never with the secret.
 */
@ApplicationScoped
public class StorageVending {

    private static final Logger LOG = Logger.getLogger(StorageVending.class);
    private static final StorageCredential LOCAL = new StorageCredential.LocalFiles("local-files");

    @Inject
    LakewardConfig config;

    @Inject
    AuditLog audit;

    @Inject
    StorageCredentials credentials;

    @Inject
    ExternalLocationIndex externalLocations;

    private final Map<String, CredentialVendor> vendors = new HashMap<>();
    private CredentialCache cache;

    @PostConstruct
    void init() {
        Clock clock = Clock.systemUTC();
        cache = new CredentialCache(clock, config.credentials().cacheSize());
        // Lakeward calls STS as itself: the AWS default chain (environment, profile, instance role)
        for (CredentialVendor vendor : List.of(new LocalFileVendor(clock),
                new S3CredentialVendor(DefaultCredentialsProvider.builder().build()),
                new AzureCredentialVendor(clock), new GcsCredentialVendor(clock))) {
            vendor.schemes().forEach(scheme -> vendors.put(scheme, vendor));
        }
    }

    /**
     * Where the store of a cloud location answers, for the service's own reads with a credential
     * vended for it: the endpoint and region of the storage credential of the external location
     * that covers it. A location no external location covers vends nothing, so it has none.
     */
    public StoreEndpoint endpoint(String url) {
        StorageLocation location = StorageLocation.parse(url);
        return externalLocations.covering(location).filter(bound -> bound.credentialId() != null)
                .flatMap(bound -> StorageCredentialEntity.<StorageCredentialEntity>findByIdOptional(bound.credentialId()))
                .map(credential -> new StoreEndpoint(Optional.ofNullable(credential.settings.get("endpoint")).map(URI::create),
                        Optional.ofNullable(credential.settings.get("region"))))
                .orElse(new StoreEndpoint(Optional.empty(), Optional.empty()));
    }

    /**
     * With the caller's decision on the securable whose location it is: a denial is audited and
     * mints nothing; an allowance vends as {@link #vend(Caller, String, AccessLevel, SecurableType, String)}.
     */
    public TemporaryCredential vend(Caller caller, Decision decision, String url, AccessLevel access,
            SecurableType securableType, String securableName) {
        if (!decision.allowed()) {
            refuse(caller, decision, securableType, securableName);
        }
        return vend(caller, url, access, securableType, securableName);
    }

    /** A denied vend: audited, and a 403 naming what is missing. */
    public void refuse(Caller caller, Decision denial, SecurableType securableType, String securableName) {
        audit.denial(caller.name(), AuditAction.VEND_CREDENTIAL, securableType, securableName, denial.reason());
        throw new PermissionDenied(denial.reason());
    }

    /** A credential for the location; the securable named is what was authorized, for the audit log. */
    public TemporaryCredential vend(Caller caller, String url, AccessLevel access, SecurableType securableType,
            String securableName) {
        Minted minted = mint(url, access);
        TemporaryCredential vended = minted.credential();
        audit.access(caller.name(), AuditAction.VEND_CREDENTIAL, securableType, securableName,
                Map.of("url", vended.url(), "operation", access.name(), "storage_credential", minted.storageCredentialId(),
                        "expiration_time", vended.expiration().toEpochMilli()));
        return vended;
    }

    /**
     * A credential for the service's own use of a location it governs (a catalog writing a
     * table's metadata as the protocol asks of it): minted and cached as any other, but handed
     * to no one, so not audited as a vend; the request that caused the use is audited itself.
     */
    public TemporaryCredential forService(String url, AccessLevel access) {
        return mint(url, access).credential();
    }

    /** A credential, and the id of the storage credential it was minted through. */
    private record Minted(TemporaryCredential credential, String storageCredentialId) {
    }

    private Minted mint(String url, AccessLevel access) {
        StorageLocation location;
        try {
            location = StorageLocation.parse(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(e.getMessage());
        }
        // the cache is keyed by the credential's id; its secret is opened only when a mint is due
        String credentialId;
        Supplier<StorageCredential> credential;
        if (location.scheme().equals("file")) {
            credentialId = LOCAL.id();
            credential = () -> LOCAL;
        } else {
            UUID id = externalLocations.covering(location).map(ExternalLocationIndex.Bound::credentialId).orElseThrow(() ->
                    new FailedPrecondition("'" + location.url() + "' lies within no external location: an admin binds"
                            + " its path to a storage credential with POST /api/2.1/unity-catalog/external-locations."));
            credentialId = id.toString();
            // another replica may have deleted it since this one last caught up
            credential = () -> StorageCredentialEntity.<StorageCredentialEntity>findByIdOptional(id)
                    .map(credentials::forVending).orElseThrow(() -> new FailedPrecondition("The storage credential of the"
                            + " external location holding '" + location.url() + "' was just deleted."));
        }
        TemporaryCredential vended;
        try {
            vended = cache.get(new CredentialCache.Key(location.url(), access, credentialId),
                    () -> vendors.get(location.scheme()).vend(location, access, credential.get(),
                            config.credentials().ttl()));
        } catch (S3SessionPolicy.PolicyTooLarge e) {
            throw new InvalidParameter(e.getMessage());
        } catch (VendingFailed e) {
            LOG.warnf("Vending for %s failed: %s", location.url(), e.getMessage());
            throw new Unavailable("The cloud did not vend a credential for '" + location.url() + "': " + e.getMessage());
        }
        return new Minted(vended, credentialId);
    }
}
