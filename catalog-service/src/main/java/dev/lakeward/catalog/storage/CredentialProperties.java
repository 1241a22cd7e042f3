package dev.lakeward.catalog.storage;

import dev.lakeward.credentials.TemporaryCredential;
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
}
