package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Databricks' token API: a principal creates, lists and revokes its own tokens. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class PersonalTokenApiTest {

    @Test
    void createListAndRevokeOwnTokens() {
        String user = unique("cli") + "@example.com";
        String first = userWithToken(user);
        var created = as(first).body(Map.of("lifetime_seconds", 3600, "comment", "laptop"))
                .post("/api/2.0/token/create").then().statusCode(200).extract().jsonPath();
        String second = created.getString("token_value");
        String secondId = created.getString("token_info.token_id");
        assertThat(created.getLong("token_info.expiry_time")).isGreaterThan(System.currentTimeMillis());

        as(second).get(BASE + "/catalogs").then().statusCode(200);
        String listed = as(first).get("/api/2.0/token/list").then().statusCode(200).extract().asString();
        assertThat(listed).contains(secondId, "laptop").doesNotContain(second);
        assertThat(as(first).get("/api/2.0/token/list").jsonPath().getList("token_infos")).hasSize(2);

        // someone else cannot revoke it
        String other = userWithToken(unique("other") + "@example.com");
        as(other).body(Map.of("token_id", secondId)).post("/api/2.0/token/delete").then().statusCode(404);

        as(first).body(Map.of("token_id", secondId)).post("/api/2.0/token/delete").then().statusCode(200);
        as(second).get(BASE + "/catalogs").then().statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"));
        as(first).get(BASE + "/catalogs").then().statusCode(200);
        as(first).body(Map.of("lifetime_seconds", -5)).post("/api/2.0/token/create").then().statusCode(400);
        as(first).body(Map.of("token_id", "nope")).post("/api/2.0/token/delete").then().statusCode(400);
        assertThat(as(first).get("/api/2.0/token/list").jsonPath().getList("token_infos.token_id"))
                .doesNotContain(secondId).hasSize(1);
    }
}
