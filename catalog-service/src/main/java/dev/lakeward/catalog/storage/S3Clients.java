package dev.lakeward.catalog.storage;

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
 * S3 clients for the service's own reads and writes of a location: holding the session vended
 * for that location and nothing more, at the store's endpoint, with a bound on every call.
 */
public final class S3Clients {

    /** The region a store answers for when its storage credential names none. */
    public static final String DEFAULT_REGION = "us-east-1";

    private S3Clients() {
    }

    public static S3Client forSession(TemporaryCredential.AwsSession session, StoreEndpoint endpoint, Duration timeout) {
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
