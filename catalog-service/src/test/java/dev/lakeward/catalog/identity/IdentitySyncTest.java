package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The on-demand sync without a Keycloak configured, and for callers who are not admins. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IdentitySyncTest {

    @Test
    void aSyncNeedsAConfiguredKeycloakAndAMetastoreAdmin() {
        as(userWithToken(unique("user"))).post("/api/lakeward/v1/identity/sync").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED"));
        asAdmin().post("/api/lakeward/v1/identity/sync").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"))
                .body("message", containsString("lakeward.keycloak.url"));
    }
}
