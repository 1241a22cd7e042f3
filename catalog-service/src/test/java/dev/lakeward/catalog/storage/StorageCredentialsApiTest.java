package dev.lakeward.catalog.storage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Storage credentials and external locations: validation, no overlaps, secrets sealed at rest and never answered. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StorageCredentialsApiTest {

    private static final String ACCOUNT_KEY = "c2VjcmV0LWFjY291bnQta2V5LW5ldmVyLXRvLWJlLXNlZW4=";

    @Inject
    EntityManager em;

    @Transactional
    byte[] storedSecret(String name) {
        return (byte[]) em.createNativeQuery("select secret from storage_credential where name = ?1")
                .setParameter(1, name).getSingleResult();
    }

    @Transactional
    String storedSettings(String name) {
        return (String) em.createNativeQuery("select cast(settings as text) from storage_credential where name = ?1")
                .setParameter(1, name).getSingleResult();
    }

    private static String credential(Map<String, Object> kind) {
        String name = unique("cred");
        Map<String, Object> body = new java.util.HashMap<>(kind);
        body.put("name", name);
        asAdmin().body(body).post(BASE + "/credentials").then().statusCode(200).body("name", equalTo(name));
        return name;
    }

    @Test
    void secretsAreSealedAtRestAndNeverAnswered() {
        String azure = credential(Map.of("azure_storage_key", Map.of("account_name", "lakeacct", "account_key", ACCOUNT_KEY),
                "comment", "the lake's account"));
        String body = asAdmin().get(BASE + "/credentials/" + azure).then().statusCode(200)
                .body("azure_storage_key.account_name", equalTo("lakeacct"))
                .body("azure_storage_key.account_key", nullValue()).body("purpose", equalTo("STORAGE"))
                .extract().asString();
        assertThat(body).doesNotContain(ACCOUNT_KEY);
        assertThat(new String(storedSecret(azure), StandardCharsets.ISO_8859_1)).doesNotContain(ACCOUNT_KEY);
        assertThat(storedSettings(azure)).doesNotContain(ACCOUNT_KEY);
        assertThat(asAdmin().get(BASE + "/credentials").then().statusCode(200).extract().asString())
                .doesNotContain(ACCOUNT_KEY);
        asAdmin().queryParam("action", "CREATE_CREDENTIAL").queryParam("securable", azure).get("/api/lakeward/v1/audit")
                .then().body("events.securable_type", equalTo(List.of("credential")));
        assertThat(asAdmin().queryParam("action", "CREATE_CREDENTIAL").get("/api/lakeward/v1/audit").then()
                .extract().asString()).doesNotContain(ACCOUNT_KEY);

        String aws = credential(Map.of("aws_iam_role", Map.of("role_arn", "arn:aws:iam::123456789012:role/lake",
                "external_id", "lakeward-ext"), "region", "eu-west-1"));
        asAdmin().get(BASE + "/credentials/" + aws).then().body("aws_iam_role.role_arn",
                equalTo("arn:aws:iam::123456789012:role/lake")).body("aws_iam_role.external_id", equalTo("lakeward-ext"))
                .body("region", equalTo("eu-west-1"));
        asAdmin().body(Map.of("comment", "renamed", "new_name", aws + "_v2")).patch(BASE + "/credentials/" + aws).then()
                .statusCode(200).body("name", equalTo(aws + "_v2")).body("comment", equalTo("renamed"));
    }

    @Test
    void badCredentialsAreRefused() {
        asAdmin().body(Map.of("name", unique("none"))).post(BASE + "/credentials").then().statusCode(400)
                .body("message", containsString("exactly one of"));
        asAdmin().body(Map.of("name", unique("two"), "aws_iam_role", Map.of("role_arn", "arn:aws:iam::1:role/r"),
                "azure_storage_key", Map.of("account_name", "a", "account_key", "k"))).post(BASE + "/credentials")
                .then().statusCode(400);
        asAdmin().body(Map.of("name", unique("arn"), "aws_iam_role", Map.of("role_arn", "lake-role")))
                .post(BASE + "/credentials").then().statusCode(400).body("message", containsString("IAM role ARN"));
        asAdmin().body(Map.of("name", unique("gcp"), "gcp_service_account_key", Map.of("email", "x@y", "private_key", "{}")))
                .post(BASE + "/credentials").then().statusCode(400);
        asAdmin().body(Map.of("name", unique("ep"), "aws_iam_role", Map.of("role_arn", "arn:aws:iam::1:role/r"),
                "endpoint", "ftp://x")).post(BASE + "/credentials").then().statusCode(400);
        String name = credential(Map.of("aws_iam_role", Map.of("role_arn", "arn:aws:iam::1:role/r")));
        asAdmin().body(Map.of("name", name, "aws_iam_role", Map.of("role_arn", "arn:aws:iam::1:role/r")))
                .post(BASE + "/credentials").then().statusCode(409).body("error_code", equalTo("ALREADY_EXISTS"));
        as(userWithToken(unique("nobody"))).body(Map.of("name", unique("x"), "aws_iam_role",
                Map.of("role_arn", "arn:aws:iam::1:role/r"))).post(BASE + "/credentials").then().statusCode(403);
        asAdmin().get(BASE + "/credentials/" + unique("missing")).then().statusCode(404);
    }

    @Test
    void externalLocationsNeverOverlapAndMatchTheirCredential() {
        String aws = credential(Map.of("aws_iam_role", Map.of("role_arn", "arn:aws:iam::1:role/r"),
                "endpoint", "http://127.0.0.1:1"));
        String azure = credential(Map.of("azure_storage_key", Map.of("account_name", "acct", "account_key", ACCOUNT_KEY)));
        String bucket = unique("bucket").replace('_', '-');
        String tables = unique("tables");
        asAdmin().body(Map.of("name", tables, "url", "s3a://" + bucket + "/tables/", "credential_name", aws))
                .post(BASE + "/external-locations").then().statusCode(200)
                .body("url", equalTo("s3://" + bucket + "/tables")).body("credential_name", equalTo(aws));
        asAdmin().body(Map.of("name", unique("inner"), "url", "s3://" + bucket + "/tables/t1", "credential_name", aws))
                .post(BASE + "/external-locations").then().statusCode(400)
                .body("message", containsString("overlaps external location '" + tables + "'"));
        asAdmin().body(Map.of("name", unique("outer"), "url", "s3://" + bucket, "credential_name", aws))
                .post(BASE + "/external-locations").then().statusCode(400);
        asAdmin().body(Map.of("name", unique("beside"), "url", "s3://" + bucket + "/tables2", "credential_name", aws))
                .post(BASE + "/external-locations").then().statusCode(200);
        asAdmin().body(Map.of("name", unique("wrong"), "url", "s3://" + bucket + "/x", "credential_name", azure))
                .post(BASE + "/external-locations").then().statusCode(400).body("message", containsString("cannot serve"));
        asAdmin().body(Map.of("name", unique("local"), "url", "file:///tmp/x", "credential_name", aws))
                .post(BASE + "/external-locations").then().statusCode(400);
        asAdmin().body(Map.of("name", unique("nocred"), "url", "s3://" + bucket + "/y", "credential_name", unique("no")))
                .post(BASE + "/external-locations").then().statusCode(404);

        // a path under the location reaches vending (this STS refuses connections: 503), so vending knows the location
        asAdmin().body(Map.of("url", "s3://" + bucket + "/tables/x", "operation", "PATH_READ"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(503);

        asAdmin().delete(BASE + "/credentials/" + aws).then().statusCode(400).body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().queryParam("force", true).delete(BASE + "/credentials/" + aws).then().statusCode(200);
        asAdmin().get(BASE + "/external-locations/" + tables).then().statusCode(404);
        // the force-deleted locations are gone for vending from the next request on
        asAdmin().body(Map.of("url", "s3://" + bucket + "/tables/x", "operation", "PATH_READ"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
    }
}
