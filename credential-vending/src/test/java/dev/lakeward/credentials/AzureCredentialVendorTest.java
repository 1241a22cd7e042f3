package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.StorageSharedKeyCredential;
import dev.lakeward.credentials.StorageCredential.AzureAccountKey;
import dev.lakeward.credentials.TemporaryCredential.AzureSas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real Azurite, which checks SAS signatures, permissions, scope and expiry: a READ SAS
 * reads its table's container and cannot write, delete or read another container; a READ_WRITE
 * SAS writes; an expired one is refused.
 */
class AzureCredentialVendorTest {

    private static Azurite azurite;
    private static AzureAccountKey key;
    private static final AzureCredentialVendor vendor = new AzureCredentialVendor(Clock.systemUTC());

    @BeforeAll
    static void start() throws Exception {
        azurite = Azurite.start();
        key = new AzureAccountKey("azure-key", Azurite.ACCOUNT, Azurite.KEY, Optional.of(azurite.endpoint()));
        BlobServiceClient admin = new BlobServiceClientBuilder().endpoint(azurite.endpoint().toString())
                .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY))
                .httpClient(new JdkHttpClientBuilder().build()).buildClient();
        for (String table : new String[] {"table1", "table2"}) {
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

    private static String location(String container) {
        return "abfss://" + container + "@" + Azurite.ACCOUNT + ".dfs.core.windows.net/data";
    }

    private static BlobContainerClient engine(String container, TemporaryCredential credential) {
        return new BlobContainerClientBuilder().endpoint(azurite.endpoint() + "/" + container)
                .sasToken(((AzureSas) credential.secret()).sasToken()).httpClient(new JdkHttpClientBuilder().build())
                .buildClient();
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
    void aReadSasReadsItsContainerOnly() {
        TemporaryCredential credential = vendor.vend(StorageLocation.parse(location("table1")), AccessLevel.READ, key,
                Duration.ofHours(1));
        String sas = ((AzureSas) credential.secret()).sasToken();
        assertThat(sas).contains("sp=rl").contains("sr=c");
        assertThat(credential.url()).isEqualTo(location("table1"));
        BlobContainerClient table1 = engine("table1", credential);
        assertThat(table1.getBlobClient("data/part-0.parquet").downloadContent().toString()).isEqualTo("rows of table1");
        assertThat(table1.listBlobs()).extracting(b -> b.getName()).containsExactly("data/part-0.parquet");
        assertThat(status(() -> table1.getBlobClient("data/new").upload(BinaryData.fromString("x")))).isEqualTo(403);
        assertThat(status(() -> table1.getBlobClient("data/part-0.parquet").delete())).isEqualTo(403);
        assertThat(status(() -> engine("table2", credential).getBlobClient("data/part-0.parquet").downloadContent()))
                .as("another table's container").isEqualTo(403);
    }

    @Test
    void aReadWriteSasWrites() {
        BlobContainerClient table2 = engine("table2", vendor.vend(StorageLocation.parse(location("table2")), AccessLevel.READ_WRITE,
                key, Duration.ofMinutes(30)));
        table2.getBlobClient("data/part-1.parquet").upload(BinaryData.fromString("written"));
        assertThat(table2.getBlobClient("data/part-1.parquet").downloadContent().toString()).isEqualTo("written");
        table2.getBlobClient("data/part-1.parquet").delete();
    }

    @Test
    void anExpiredSasIsRefused() {
        AzureCredentialVendor lastHour = new AzureCredentialVendor(
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        TemporaryCredential expired = lastHour.vend(StorageLocation.parse(location("table1")), AccessLevel.READ, key,
                Duration.ofMinutes(10));
        assertThat(expired.expiration()).isBefore(Instant.now());
        assertThat(status(() -> engine("table1", expired).getBlobClient("data/part-0.parquet").downloadContent()))
                .isEqualTo(403);
        assertThatThrownBy(() -> vendor.vend(StorageLocation.parse(location("table1")), AccessLevel.READ,
                new StorageCredential.LocalFiles("local"), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
