package dev.lakeward.catalog.sample;

import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.storage.StoreEndpoint;
import dev.lakeward.credentials.TemporaryCredential;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A table's files as a sample read opens them: with the credential vended for the table, as an
 * engine would hold it, and nothing more. {@code file://} needs none; {@code s3://} gets an S3
 * client with that session alone, at the store's endpoint; the other clouds are not read yet.
 */
final class TableFiles {

    private static final String DEFAULT_REGION = "us-east-1";

    private TableFiles() {
    }

    /** Refuses, before anything is vended, a location whose store sample reads cannot open. */
    static void requireReadable(String table, String scheme) {
        if (!scheme.equals("file") && !scheme.equals("s3")) {
            throw new FailedPrecondition("Table '" + table + "' is stored on " + scheme + "://, which is not"
                    + " supported for sample reads yet: they read file:// and s3:// tables.");
        }
    }

    /**
     * The table's files through its credential; on {@code file://}, where no store scopes the
     * credential, confined to the table's own directory by the file access itself.
     */
    static ReadOnlyFileIO open(String location, TemporaryCredential credential, StoreEndpoint endpoint, Duration timeout) {
        return switch (credential.secret()) {
            case TemporaryCredential.None none -> new LocalFileIO(LocalFileIO.path(location));
            case TemporaryCredential.AwsSession session -> new S3FileIO(s3(session, endpoint, timeout));
            case TemporaryCredential.AzureSas sas -> throw new FailedPrecondition(
                    "Azure storage is not supported for sample reads yet.");
            case TemporaryCredential.GcpToken token -> throw new FailedPrecondition(
                    "Google Cloud Storage is not supported for sample reads yet.");
        };
    }

    private static S3Client s3(TemporaryCredential.AwsSession session, StoreEndpoint endpoint, Duration timeout) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout).socketTimeout(timeout).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))
                .region(Region.of(endpoint.region().orElse(DEFAULT_REGION)))
                .overrideConfiguration(c -> c.apiCallTimeout(timeout))
                // S3-compatible stores (radosgw, MinIO) want checksums only where S3 requires them
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        // an endpoint of its own is an S3-compatible store, addressed by path rather than by bucket host
        endpoint.url().ifPresent(url -> builder.endpointOverride(url).forcePathStyle(true));
        return builder.build();
    }
}
