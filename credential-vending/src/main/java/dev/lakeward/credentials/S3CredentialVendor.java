package dev.lakeward.credentials;

import dev.lakeward.credentials.StorageCredential.AwsIamRole;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code s3://} (and {@code s3a://}): STS AssumeRole on the storage credential's IAM role, with
 * the external id when it has one and an inline session policy ({@link S3SessionPolicy}) that
 * scopes the session to the location. Lakeward calls STS as itself, with the credentials its
 * {@code callerCredentials} provider gives (the AWS default chain in production).
 */
public final class S3CredentialVendor implements CredentialVendor {

    /** STS refuses a session shorter than 15 minutes; a role's own maximum caps the other end. */
    static final Duration MIN_TTL = Duration.ofMinutes(15);
    static final Duration MAX_TTL = Duration.ofHours(12);
    private static final String DEFAULT_REGION = "us-east-1";

    private final AwsCredentialsProvider callerCredentials;

    public S3CredentialVendor(AwsCredentialsProvider callerCredentials) {
        this.callerCredentials = callerCredentials;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("s3");
    }

    @Override
    public TemporaryCredential vend(StorageLocation location, AccessLevel access, StorageCredential credential,
            Duration ttl) {
        if (!(credential instanceof AwsIamRole role)) {
            throw new IllegalArgumentException("Storage credential '" + credential.id() + "' is not an AWS IAM role.");
        }
        String policy = S3SessionPolicy.of(List.of(location), access);
        Duration duration = ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(role.roleArn()).policy(policy)
                .durationSeconds((int) duration.toSeconds())
                .roleSessionName("lakeward-" + UUID.randomUUID().toString().substring(0, 18));
        role.externalId().ifPresent(request::externalId);
        try (StsClient sts = sts(role)) {
            Credentials session = sts.assumeRole(request.build()).credentials();
            return new TemporaryCredential(location.url(), session.expiration(), new TemporaryCredential.AwsSession(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        } catch (SdkException e) {
            throw new VendingFailed("STS AssumeRole on " + role.roleArn() + " failed: " + e.getMessage(), e);
        }
    }

    private StsClient sts(AwsIamRole role) {
        StsClientBuilder builder = StsClient.builder().httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(callerCredentials)
                .region(Region.of(role.region().orElse(DEFAULT_REGION)));
        role.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
