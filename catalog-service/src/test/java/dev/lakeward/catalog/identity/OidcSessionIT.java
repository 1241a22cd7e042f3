package dev.lakeward.catalog.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.catalog.support.PackagedService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With token introspection on, a token of a session that Keycloak ended is refused at once, not
 * when it expires; and with auto-provisioning on, an unknown user is created on first sign-in.
 */
class OidcSessionIT {

    @RegisterExtension
    static final PackagedService service = new PackagedService(() -> KeycloakServer.shared().lakewardSettings(
            "lakeward.oidc.groups-claim=groups", "quarkus.oidc.client-id=lakeward", "quarkus.oidc.credentials.secret=lakeward-secret",
            "quarkus.oidc.token.require-jwt-introspection-only=true", "lakeward.oidc.auto-provision=true"));

    @Test
    void anUnknownUserIsProvisionedAndARevokedSessionIsRefused() {
        KeycloakServer keycloak = KeycloakServer.shared();
        String token = keycloak.passwordToken("lakeward-cli", "bob", "bob-password");
        given().baseUri(service.baseUri()).auth().oauth2(token).get("/api/2.1/unity-catalog/catalogs").then()
                .statusCode(200);
        given().baseUri(service.baseUri()).auth().oauth2(token).get("/scim/v2/Me").then().statusCode(200)
                .body("userName", equalTo("bob")).body("emails.value", hasItem("bob@example.com"))
                .body("name.familyName", equalTo("Builder"));

        keycloak.admin("POST", "/users/" + keycloak.userId("bob") + "/logout", null);
        given().baseUri(service.baseUri()).auth().oauth2(token).get("/api/2.1/unity-catalog/catalogs").then()
                .statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"))
                .body("message", equalTo("The OIDC token is no longer active: its session ended or it was revoked."));
    }
}
