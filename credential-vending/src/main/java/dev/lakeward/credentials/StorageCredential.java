package dev.lakeward.credentials;

import java.net.URI;
import java.util.Optional;

/**
 * What a vendor mints from: a cloud identity of the metastore's, as an admin registered it, with
 * its secret already decrypted. {@code endpoint} points a vendor at an emulator or a sovereign
 * cloud (an S3/STS URL, an Azure blob endpoint, a GCS STS URL).
 */
public sealed interface StorageCredential {

    /** Its id in the catalog: what caches and audit events name, never the secret. */
    String id();

    Optional<URI> endpoint();

    record AwsIamRole(String id, String roleArn, Optional<String> externalId, Optional<URI> endpoint,
            Optional<String> region) implements StorageCredential {
    }

    record AzureServicePrincipal(String id, String tenantId, String clientId, String clientSecret,
            Optional<URI> endpoint) implements StorageCredential {
        @Override
        public String toString() {
            return "AzureServicePrincipal[id=" + id + ", tenantId=" + tenantId + ", clientId=" + clientId + ", …]";
        }
    }

    record AzureAccountKey(String id, String accountName, String accountKey, Optional<URI> endpoint)
            implements StorageCredential {
        @Override
        public String toString() {
            return "AzureAccountKey[id=" + id + ", accountName=" + accountName + ", …]";
        }
    }

    record GcpServiceAccountKey(String id, String email, String privateKeyJson, Optional<URI> endpoint)
            implements StorageCredential {
        @Override
        public String toString() {
            return "GcpServiceAccountKey[id=" + id + ", email=" + email + ", …]";
        }
    }

    /** Local files: nothing to mint from. */
    record LocalFiles(String id) implements StorageCredential {
        @Override
        public Optional<URI> endpoint() {
            return Optional.empty();
        }
    }
}
