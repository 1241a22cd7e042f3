package dev.lakeward.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.credentials.StorageCredential.AwsIamRole;
import dev.lakeward.credentials.TemporaryCredential.AwsSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Against a real S3 + STS (radosgw), which enforces the session policy: a READ credential for a
 * table reads its prefix and nothing else, and cannot write; a READ_WRITE one writes its prefix
 * only; the role's external id and a forged session token are checked by STS and S3 themselves.
 */
class S3CredentialVendorTest {

    private static Radosgw radosgw;
    private static S3Client owner;
    private static S3CredentialVendor vendor;
    private static AwsIamRole role;

    @BeforeAll
    static void start() throws Exception {
        radosgw = Radosgw.start();
        owner = s3(AwsBasicCredentials.create(Radosgw.OWNER_KEY, Radosgw.OWNER_SECRET));
        owner.createBucket(b -> b.bucket("lake"));
        for (String key : new String[] {"tables/t1/part-0.parquet", "tables/t2/part-0.parquet", "tables/t10/x"}) {
            owner.putObject(p -> p.bucket("lake").key(key), RequestBody.fromString("data of " + key));
        }
        // the role may do everything in the bucket: only the session policy narrows it to a table
        vendor = new S3CredentialVendor(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Radosgw.LAKEWARD_KEY, Radosgw.LAKEWARD_SECRET)));
        role = new AwsIamRole("cred-1", Radosgw.ROLE_ARN, Optional.empty(), Optional.of(radosgw.endpoint()),
                Optional.of("us-east-1"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (radosgw != null) {
            radosgw.close();
        }
    }

    private static S3Client s3(AwsCredentials credentials) {
        return radosgw.client(credentials);
    }

    private static S3Client engine(TemporaryCredential credential) {
        AwsSession session = (AwsSession) credential.secret();
        return s3(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    @Test
    void aReadCredentialReadsItsTableAndNothingElse() {
        TemporaryCredential credential = vendor.vend(StorageLocation.parse("s3://lake/tables/t1"), AccessLevel.READ,
                role, Duration.ofHours(1));
        assertThat(credential.url()).isEqualTo("s3://lake/tables/t1");
        assertThat(credential.expiration()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        S3Client engine = engine(credential);

        assertThat(engine.getObjectAsBytes(g -> g.bucket("lake").key("tables/t1/part-0.parquet")).asUtf8String())
                .isEqualTo("data of tables/t1/part-0.parquet");
        assertThat(engine.listObjectsV2(l -> l.bucket("lake").prefix("tables/t1/")).contents())
                .extracting(o -> o.key()).containsExactly("tables/t1/part-0.parquet");
        assertThat(status(() -> engine.getObjectAsBytes(g -> g.bucket("lake").key("tables/t2/part-0.parquet"))))
                .as("a sibling table").isEqualTo(403);
        assertThat(status(() -> engine.getObjectAsBytes(g -> g.bucket("lake").key("tables/t10/x"))))
                .as("a prefix that only starts alike").isEqualTo(403);
        assertThat(status(() -> engine.listObjectsV2(l -> l.bucket("lake").prefix("tables/t2/")))).isEqualTo(403);
        assertThat(status(() -> engine.listObjectsV2(l -> l.bucket("lake").prefix("tables/t1"))))
                .as("the bare prefix, which would also list tables/t10's keys").isEqualTo(403);
        assertThat(status(() -> engine.putObject(p -> p.bucket("lake").key("tables/t1/new"), RequestBody.fromString("x"))))
                .as("a write").isEqualTo(403);
        assertThat(status(() -> engine.deleteObject(d -> d.bucket("lake").key("tables/t1/part-0.parquet"))))
                .as("a delete").isEqualTo(403);
    }

    @Test
    void aReadWriteCredentialWritesItsTableOnly() {
        S3Client engine = engine(vendor.vend(StorageLocation.parse("s3a://lake/tables/t2"), AccessLevel.READ_WRITE,
                role, Duration.ofMinutes(30)));
        engine.putObject(p -> p.bucket("lake").key("tables/t2/part-1.parquet"), RequestBody.fromString("written"));
        // read back through the same session: in Ceph the object belongs to the session's user, not the bucket owner
        assertThat(engine.getObjectAsBytes(g -> g.bucket("lake").key("tables/t2/part-1.parquet")).asUtf8String())
                .isEqualTo("written");
        engine.deleteObject(d -> d.bucket("lake").key("tables/t2/part-1.parquet"));
        assertThat(status(() -> engine.putObject(p -> p.bucket("lake").key("tables/t1/intruder"),
                RequestBody.fromString("x")))).isEqualTo(403);
    }

    @Test
    void aForgedSessionTokenIsRefusedAndOnlyAnIamRoleVendsForS3() {
        AwsSession session = (AwsSession) vendor.vend(StorageLocation.parse("s3://lake/tables/t1"), AccessLevel.READ,
                role, Duration.ofHours(1)).secret();
        S3Client forged = s3(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken().substring(0, session.sessionToken().length() - 8) + "AAAAAAAA"));
        assertThat(status(() -> forged.getObjectAsBytes(g -> g.bucket("lake").key("tables/t1/part-0.parquet"))))
                .isIn(400, 403);
        assertThatThrownBy(() -> vendor.vend(StorageLocation.parse("s3://lake/x"), AccessLevel.READ,
                new StorageCredential.LocalFiles("local"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
