package dev.lakeward.catalog.storage;

import dev.lakeward.credentials.TemporaryCredential;
import java.util.HashMap;
import java.util.Map;

/**
 * A vended credential as the Delta and Iceberg REST protocols hand it to an engine: the keys
 * Iceberg's FileIOs read ({@code s3.access-key-id}, {@code azure.sas-token}, …) for the
 * credential's cloud only; none for local files, which need none.
 */
public final class CredentialProperties {

    private CredentialProperties() {
    }

    public static Map<String, String> of(TemporaryCredential credential) {
        return switch (credential.secret()) {
            case TemporaryCredential.AwsSession aws -> Map.of("s3.access-key-id", aws.accessKeyId(),
                    "s3.secret-access-key", aws.secretAccessKey(), "s3.session-token", aws.sessionToken());
            case TemporaryCredential.AzureSas azure -> Map.of("azure.sas-token", azure.sasToken());
            case TemporaryCredential.GcpToken gcp -> Map.of("gcs.oauth-token", gcp.oauthToken());
            case TemporaryCredential.None none -> Map.of();
        };
    }

    /**
     * Where an engine reaches the store of an {@code s3://} location, as its storage credential
     * names it: an endpoint of its own (an S3-compatible store) addressed by path, and the
     * region; none for the cloud's defaults.
     */
    public static Map<String, String> ofS3Store(StoreEndpoint endpoint) {
        Map<String, String> properties = new HashMap<>();
        endpoint.url().ifPresent(url -> {
            properties.put("s3.endpoint", url.toString());
            properties.put("s3.path-style-access", "true");
            properties.put("client.region", S3Clients.DEFAULT_REGION);
        });
        endpoint.region().ifPresent(region -> properties.put("client.region", region));
        return properties;
    }
}
