package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With OIDC configured and its provider down, the service still starts, Lakeward's own tokens
 * still work, and an OIDC token gets a 503 (the provider's failure), not a 401 (the token's).
 */
@QuarkusTest
@TestProfile(OidcProviderDownTest.UnreachableProvider.class)
@WithTestResource(EmbeddedPostgresResource.class)
class OidcProviderDownTest {

    public static class UnreachableProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard) is closed on the loopback of any test machine
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/lakeward",
                    "quarkus.oidc.token.audience", "lakeward");
        }
    }

    @Test
    void lakewardTokensWorkAndOidcTokensWaitForTheProvider() {
        asAdmin().get(BASE + "/catalogs").then().statusCode(200);
        as("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSIsImF1ZCI6Imxha2V3YXJkIn0.c2lnbmF0dXJl")
                .get(BASE + "/catalogs").then().statusCode(503).body("error_code", equalTo("TEMPORARILY_UNAVAILABLE"))
                .body("message", equalTo("The OIDC provider is not available to verify the token; try again later."));
    }
}
