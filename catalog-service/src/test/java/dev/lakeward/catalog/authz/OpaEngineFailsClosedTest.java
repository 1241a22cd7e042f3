package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code lakeward.authz.engine=opa} and no OPA answering, every decision is a denial that
 * says why, even for the metastore admin: the service fails closed.
 */
@QuarkusTest
@TestProfile(OpaEngineFailsClosedTest.UnreachableOpa.class)
@WithTestResource(EmbeddedPostgresResource.class)
class OpaEngineFailsClosedTest {

    public static class UnreachableOpa implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard) is closed on the loopback of any test machine
            return Map.of("lakeward.authz.engine", "opa",
                    "lakeward.authz.opa.url", "http://127.0.0.1:9",
                    "lakeward.authz.opa.timeout", "500ms");
        }
    }

    @Test
    void everyRequestIsDeniedAndSaysThatOpaWasUnreachable() {
        asAdmin().body(Map.of("name", "never")).post(BASE + "/catalogs").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED"))
                .body("message", startsWith("Denied because the policy engine could not decide: OPA was unreachable at http://127.0.0.1:9"));
        assertThat(asAdmin().get(BASE + "/catalogs").then().statusCode(200).extract().jsonPath().getList("catalogs"))
                .isEmpty();
    }
}
