package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.lakeward.credentials.StorageCredential.AzureServicePrincipal;
import dev.lakeward.credentials.TemporaryCredential.AzureSas;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * User delegation SAS from a service principal, against a real Azurite on HTTPS with
 * {@code --oauth basic}: the vendor asks Azurite for a user delegation key with the principal's
 * bearer token and signs the SAS with it; Azurite checks that signature against the key it
 * issued, and the SAS's permissions, container and expiry. What no emulator can stand in for is
 * Microsoft Entra ID's client-secret sign-in (the Azure Identity library's), so the principal's
 * token here is one Azurite's basic OAuth accepts: the issuer, audience and lifetime Entra ID
 * would give, for the principal's tenant.
 */
class AzureUserDelegationSasTest {

    private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private static final AzureServicePrincipal PRINCIPAL = new AzureServicePrincipal("azure-sp", TENANT,
            "6e1f2a9c-0000-4000-8000-00000000c11e", "client-secret", Optional.empty());

    private static Azurite azurite;
    private static HttpClient http;
    private static AzureServicePrincipal principal;
    private static final List<AzureServicePrincipal> signedIn = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        azurite = Azurite.startWithOAuth();
        http = azurite.http();
        principal = new AzureServicePrincipal(PRINCIPAL.id(), TENANT, PRINCIPAL.clientId(), PRINCIPAL.clientSecret(),
                Optional.of(azurite.endpoint()));
        var admin = new BlobServiceClientBuilder().endpoint(azurite.endpoint().toString())
                .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY)).httpClient(http).buildClient();
        for (String table : new String[] {"delegated1", "delegated2"}) {
            admin.createBlobContainer(table).getBlobClient("data/part-0.parquet")
                    .upload(BinaryData.fromString("rows of " + table));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (azurite != null) {
            azurite.close();
        }
    }

    private static AzureCredentialVendor vendor(Clock clock) {
        return new AzureCredentialVendor(clock, http, p -> {
            signedIn.add(p);
            return entraToken(p.tenantId());
        });
    }

    /** The claims Entra ID puts in a storage token for a service principal; Azurite checks these. */
    private static TokenCredential entraToken(String tenant) {
        return request -> {
            long now = Instant.now().getEpochSecond();
            String claims = """
                    {"aud": "https://storage.azure.com", "iss": "https://sts.windows.net/%s/", "iat": %d, "nbf": %d,
                     "exp": %d, "oid": "0b4b3c1e-5d7f-4a8e-9c2b-1f3e5a7c9d0b", "tid": "%s", "appid": "%s"}"""
                    .formatted(tenant, now - 60, now - 60, now + 3600, tenant, PRINCIPAL.clientId());
            String jwt = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims) + "." + base64("unsigned");
            return Mono.just(new AccessToken(jwt, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
        };
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String location(String container) {
        return "abfss://" + container + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/data";
    }

    private static BlobContainerClient engine(String container, TemporaryCredential credential) {
        return new BlobContainerClientBuilder().endpoint(azurite.endpoint() + "/" + container)
                .sasToken(((AzureSas) credential.secret()).sasToken()).httpClient(http).buildClient();
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (BlobStorageException e) {
            return e.getStatusCode();
        }
    }

    @Test
    void aReadSasSignedWithTheDelegationKeyReadsItsContainerOnly() {
        TemporaryCredential credential = vendor(Clock.systemUTC()).vend(StorageLocation.parse(location("delegated1")),
                AccessLevel.READ, principal, Duration.ofHours(1));
        String sas = ((AzureSas) credential.secret()).sasToken();
        assertThat(sas).contains("sp=rl").contains("sr=c").contains("skoid=").contains("sktid=" + TENANT);
        assertThat(signedIn).isNotEmpty().allSatisfy(p -> assertThat(p.clientId()).isEqualTo(PRINCIPAL.clientId()));
        BlobContainerClient table = engine("delegated1", credential);
        assertThat(table.getBlobClient("data/part-0.parquet").downloadContent().toString())
                .isEqualTo("rows of delegated1");
        assertThat(status(() -> table.getBlobClient("data/new").upload(BinaryData.fromString("x")))).isEqualTo(403);
        assertThat(status(() -> table.getBlobClient("data/part-0.parquet").delete())).isEqualTo(403);
        assertThat(status(() -> engine("delegated2", credential).getBlobClient("data/part-0.parquet").downloadContent()))
                .as("another table's container").isEqualTo(403);
    }

    @Test
    void aReadWriteSasWritesAndAForgedOneIsRefused() {
        TemporaryCredential credential = vendor(Clock.systemUTC()).vend(StorageLocation.parse(location("delegated2")),
                AccessLevel.READ_WRITE, principal, Duration.ofMinutes(30));
        BlobContainerClient table = engine("delegated2", credential);
        table.getBlobClient("data/part-1.parquet").upload(BinaryData.fromString("written"));
        assertThat(table.getBlobClient("data/part-1.parquet").downloadContent().toString()).isEqualTo("written");

        // the same SAS with its permissions widened no longer matches the delegation key's signature
        String sas = ((AzureSas) credential.secret()).sasToken();
        TemporaryCredential forged = new TemporaryCredential(credential.url(), credential.expiration(),
                new AzureSas(sas.replace("sp=racwdl", "sp=racwdlt")));
        assertThat(status(() -> engine("delegated2", forged).getBlobClient("data/part-0.parquet").downloadContent()))
                .isEqualTo(403);
    }

    @Test
    void anExpiredSasIsRefused() {
        AzureCredentialVendor lastHour = vendor(Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        TemporaryCredential expired = lastHour.vend(StorageLocation.parse(location("delegated1")), AccessLevel.READ,
                principal, Duration.ofMinutes(10));
        assertThat(status(() -> engine("delegated1", expired).getBlobClient("data/part-0.parquet").downloadContent()))
                .isEqualTo(403);
    }
}
