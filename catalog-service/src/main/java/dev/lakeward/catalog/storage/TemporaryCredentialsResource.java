package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.TemporaryCredential;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Unity Catalog's {@code POST /temporary-table-credentials} and {@code /temporary-path-credentials}
 * (and, through {@link DatabricksTemporaryCredentialsResource}, where Databricks serves them): a
 * short-lived credential for a table's location or a path under an external location.
 */
@Path("/api/2.1/unity-catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemporaryCredentialsResource {

    public record GenerateTemporaryTableCredential(String tableId, String operation) {
    }

    public record GenerateTemporaryPathCredential(String url, String operation) {
    }

    public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    }

    public record AzureUserDelegationSas(String sasToken) {
    }

    public record GcpOauthToken(String oauthToken) {
    }

    /** Unity Catalog's TemporaryCredentials: one of the three, or none for local files. */
    public record TemporaryCredentials(AwsCredentials awsTempCredentials, AzureUserDelegationSas azureUserDelegationSas,
            GcpOauthToken gcpOauthToken, long expirationTime, String url) {

        public static TemporaryCredentials of(TemporaryCredential credential) {
            long expiration = credential.expiration().toEpochMilli();
            return switch (credential.secret()) {
                case TemporaryCredential.AwsSession aws -> new TemporaryCredentials(new AwsCredentials(
                        aws.accessKeyId(), aws.secretAccessKey(), aws.sessionToken()), null, null, expiration,
                        credential.url());
                case TemporaryCredential.AzureSas azure -> new TemporaryCredentials(null,
                        new AzureUserDelegationSas(azure.sasToken()), null, expiration, credential.url());
                case TemporaryCredential.GcpToken gcp -> new TemporaryCredentials(null, null,
                        new GcpOauthToken(gcp.oauthToken()), expiration, credential.url());
                case TemporaryCredential.None none -> new TemporaryCredentials(null, null, null, expiration,
                        credential.url());
            };
        }
    }

    @Inject
    TableCredentials tables;

    @Inject
    PathCredentials paths;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("temporary-table-credentials")
    @APIResponse(responseCode = "200", description = "A credential scoped to the table's location.")
    @APIResponse(responseCode = "404", description = "No table has the table_id.")
    public TemporaryCredentials generate(GenerateTemporaryTableCredential request) {
        InvalidParameter.requireBody(request);
        return TemporaryCredentials.of(tables.vend(caller.get(), request.tableId(),
                operation(request.operation())));
    }

    @POST
    @Path("temporary-path-credentials")
    public TemporaryCredentials generateForPath(GenerateTemporaryPathCredential request) {
        InvalidParameter.requireBody(request);
        return TemporaryCredentials.of(paths.vend(caller.get(), request.url(),
                PathCredentials.PathOperation.parse(request.operation())));
    }

    private static AccessLevel operation(String operation) {
        if ("READ".equals(operation)) {
            return AccessLevel.READ;
        }
        if ("READ_WRITE".equals(operation)) {
            return AccessLevel.READ_WRITE;
        }
        throw new InvalidParameter("operation must be READ or READ_WRITE, not '" + operation + "'.");
    }
}
