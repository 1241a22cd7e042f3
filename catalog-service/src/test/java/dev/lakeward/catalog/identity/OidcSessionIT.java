package dev.lakeward.catalog.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.catalog.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With token introspection on, a token of a session that Keycloak ended is refused at once, not
 * when it expires; and with auto-provisioning on, an unknown user is created on first sign-in.
 */
class OidcSessionIT {

    @TempDir
    static Path work;

    private static KeycloakServer keycloak;
    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        service = ServiceProcess.start(Files.createDirectories(work.resolve("data")), OidcSignInIT.oidcSettings(keycloak,
                "quarkus.oidc.client-id=lakeward", "quarkus.oidc.credentials.secret=lakeward-secret",
                "quarkus.oidc.token.require-jwt-introspection-only=true", "lakeward.oidc.auto-provision=true"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anUnknownUserIsProvisionedAndARevokedSessionIsRefused() {
        String token = keycloak.passwordToken("lakeward-cli", "bob", "bob-password");
        given().baseUri(service.baseUri()).auth().oauth2(token).get("/api/2.1/unity-catalog/catalogs").then()
                .statusCode(200);
        given().baseUri(service.baseUri()).auth().oauth2(token).get("/scim/v2/Me").then().statusCode(200)
                .body("userName", equalTo("bob")).body("emails.value", hasItem("bob@example.com"))
                .body("name.familyName", equalTo("Builder"));

        keycloak.admin("POST", "/users/" + keycloak.userId("bob") + "/logout", null);
        given().baseUri(service.baseUri()).auth().oauth2(token).get("/api/2.1/unity-catalog/catalogs").then()
                .statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"));
    }
}
