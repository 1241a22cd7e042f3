package dev.lakeward.credentials;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.AzureException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.UserDelegationKey;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.file.datalake.DataLakeDirectoryClient;
import com.azure.storage.file.datalake.DataLakeServiceClient;
import com.azure.storage.file.datalake.DataLakeServiceClientBuilder;
import com.azure.storage.file.datalake.sas.DataLakeServiceSasSignatureValues;
import com.azure.storage.file.datalake.sas.PathSasPermission;
import dev.lakeward.credentials.StorageCredential.AzureAccountKey;
import dev.lakeward.credentials.StorageCredential.AzureServicePrincipal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Azure Blob Storage and ADLS Gen2 ({@code abfss://}, {@code wasbs://}, Azure's {@code https://}
 * endpoints): a user-delegation SAS signed with a key the service principal obtains, or a service
 * SAS signed with the account key. Where the account has a hierarchical namespace the SAS is
 * directory-scoped ({@code sr=d}) to the location; a flat account scopes no finer than the
 * container. READ grants read and list; READ_WRITE adds add, create, write and delete.
 */
public final class AzureCredentialVendor implements CredentialVendor {

    /** A user delegation key, and so its SAS, lives at most seven days. */
    static final Duration MAX_TTL = Duration.ofDays(7);
    private static final String READ = "rl";
    private static final String READ_WRITE = "racwdl";

    private final Clock clock;
    private final HttpClient http;
    private final Function<AzureServicePrincipal, TokenCredential> signIn;
    private final Map<String, Boolean> hierarchical = new ConcurrentHashMap<>();

    /** Signs service principals in with Microsoft Entra ID (client secret). */
    public AzureCredentialVendor(Clock clock) {
        this(clock, new JdkHttpClientBuilder().build(), null);
    }

    /**
     * With this HTTP client, and this sign-in for service principals ({@code null}: Entra ID's
     * client-secret flow). Tests sign in against an emulator, which no Entra tenant vouches for.
     */
    AzureCredentialVendor(Clock clock, HttpClient http, Function<AzureServicePrincipal, TokenCredential> signIn) {
        this.clock = clock;
        this.http = http;
        this.signIn = signIn != null ? signIn : principal -> new ClientSecretCredentialBuilder()
                .tenantId(principal.tenantId()).clientId(principal.clientId()).clientSecret(principal.clientSecret())
                .httpClient(http).build();
    }

    @Override
    public Set<String> schemes() {
        return Set.of("abfss");
    }

    @Override
    public TemporaryCredential vend(StorageLocation location, AccessLevel access, StorageCredential credential,
            Duration ttl) {
        Instant expiry = clock.instant().plus(ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl);
        OffsetDateTime expiresAt = expiry.atOffset(ZoneOffset.UTC);
        String permissions = permissions(access);
        String sas;
        try {
            sas = sas(location, credential, expiresAt, permissions);
        } catch (AzureException e) {
            throw new VendingFailed("Azure did not sign a SAS for " + location.url() + ": " + e.getMessage(), e);
        }
        return new TemporaryCredential(location.url(), expiry, new TemporaryCredential.AzureSas(sas));
    }

    private String sas(StorageLocation location, StorageCredential credential, OffsetDateTime expiresAt,
            String permissions) {
        return switch (credential) {
            case AzureAccountKey key -> {
                StorageSharedKeyCredential shared = new StorageSharedKeyCredential(key.accountName(), key.accountKey());
                BlobServiceClient blobs = new BlobServiceClientBuilder().endpoint(blobEndpoint(location, key.endpoint()))
                        .credential(shared).httpClient(http).buildClient();
                yield directoryScoped(location, blobs) ? directorySas(location, key, expiresAt, permissions)
                        : blobs.getBlobContainerClient(location.container())
                                .generateSas(containerValues(expiresAt, permissions));
            }
            case AzureServicePrincipal principal -> {
                TokenCredential token = signIn.apply(principal);
                BlobServiceClient blobs = new BlobServiceClientBuilder()
                        .endpoint(blobEndpoint(location, principal.endpoint())).credential(token).httpClient(http)
                        .buildClient();
                OffsetDateTime start = clock.instant().minus(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC);
                if (directoryScoped(location, blobs)) {
                    DataLakeServiceClient lake = new DataLakeServiceClientBuilder().credential(token).httpClient(http)
                            .endpoint(dfsEndpoint(location, principal.endpoint())).buildClient();
                    yield directory(location, lake).generateUserDelegationSas(directoryValues(expiresAt, permissions),
                            lake.getUserDelegationKey(start, expiresAt));
                }
                UserDelegationKey key = blobs.getUserDelegationKey(start, expiresAt);
                BlobContainerClient container = blobs.getBlobContainerClient(location.container());
                yield container.generateUserDelegationSas(containerValues(expiresAt, permissions), key);
            }
            default -> throw new IllegalArgumentException("Storage credential '" + credential.id()
                    + "' is not an Azure service principal or account key.");
        };
    }

    /** A directory SAS needs a hierarchical namespace and a path below the container. */
    private boolean directoryScoped(StorageLocation location, BlobServiceClient blobs) {
        return !location.prefix().isEmpty() && hierarchical.computeIfAbsent(location.account(),
                account -> Boolean.TRUE.equals(blobs.getAccountInfo().isHierarchicalNamespaceEnabled()));
    }

    private static DataLakeDirectoryClient directory(StorageLocation location, DataLakeServiceClient lake) {
        return lake.getFileSystemClient(location.container()).getDirectoryClient(location.prefix());
    }

    /** A service SAS for the location's directory, signed with the account key; computed locally. */
    static String directorySas(StorageLocation location, AzureAccountKey key, OffsetDateTime expiry, String permissions) {
        DataLakeServiceClient lake = new DataLakeServiceClientBuilder()
                .credential(new StorageSharedKeyCredential(key.accountName(), key.accountKey()))
                .endpoint(dfsEndpoint(location, key.endpoint())).buildClient();
        return directory(location, lake).generateSas(directoryValues(expiry, permissions));
    }

    static String permissions(AccessLevel access) {
        return access == AccessLevel.READ ? READ : READ_WRITE;
    }

    private static DataLakeServiceSasSignatureValues directoryValues(OffsetDateTime expiry, String permissions) {
        return new DataLakeServiceSasSignatureValues(expiry, PathSasPermission.parse(permissions));
    }

    private static BlobServiceSasSignatureValues containerValues(OffsetDateTime expiry, String permissions) {
        return new BlobServiceSasSignatureValues(expiry, BlobContainerSasPermission.parse(permissions));
    }

    /** The credential's endpoint (an emulator's, a sovereign cloud's), or Azure's public one for the account. */
    private static String blobEndpoint(StorageLocation location, Optional<URI> endpoint) {
        return endpoint.map(URI::toString).orElse("https://" + location.account() + ".blob.core.windows.net");
    }

    private static String dfsEndpoint(StorageLocation location, Optional<URI> endpoint) {
        return endpoint.map(URI::toString).orElse("https://" + location.account() + ".dfs.core.windows.net");
    }
}
