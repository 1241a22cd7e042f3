package dev.lakeward.catalog.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.KeycloakServer;
import dev.lakeward.catalog.support.PackagedService;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * End to end, as a site runs it: an identity provider provisions a user over SCIM into a group
 * that holds SELECT; the user signs in with an OIDC token from Keycloak and reads the table's
 * metadata; SCIM deactivates the user, and the very same token is refused from then on.
 */
class ScimProvisionedSignInIT {

    private static final String UC = "/api/2.1/unity-catalog";
    private static final String SCIM = "/scim/v2";

    /** No group claim: the membership comes from SCIM alone. */
    @RegisterExtension
    static final PackagedService service = new PackagedService(() -> KeycloakServer.shared().lakewardSettings());

    private static RequestSpecification asAdmin() {
        return given().baseUri(service.baseUri()).auth().oauth2(service.adminToken()).contentType(ContentType.JSON);
    }

    private static RequestSpecification provisioner(String token) {
        return given().baseUri(service.baseUri()).auth().oauth2(token).contentType("application/scim+json");
    }

    @Test
    void aScimProvisionedUserReadsWithItsOidcTokenUntilScimDeactivatesIt() {
        // the identity provider's own principal, in the SCIM provisioners' group
        asAdmin().body(Map.of("type", "SERVICE_PRINCIPAL", "name", "okta-provisioning")).post("/api/lakeward/v1/principals")
                .then().statusCode(200);
        asAdmin().body(Map.of("type", "GROUP", "name", "scim-provisioners", "members", List.of("okta-provisioning")))
                .post("/api/lakeward/v1/principals").then().statusCode(200);
        String provisioning = asAdmin().body(Map.of("application_id", "okta-provisioning"))
                .post("/api/2.0/token-management/on-behalf-of/tokens").then().statusCode(200).extract()
                .path("token_value");

        String userId = provisioner(provisioning).body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "alice",
                 "name": {"givenName": "Alice", "familyName": "Liddell"},
                 "emails": [{"primary": true, "value": "alice@example.com", "type": "work"}], "active": true}""")
                .post(SCIM + "/Users").then().statusCode(201).extract().path("id");
        provisioner(provisioning).body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "readers",
                 "members": [{"value": "%s"}]}""".formatted(userId)).post(SCIM + "/Groups").then().statusCode(201);

        asAdmin().body(Map.of("name", "sales")).post(UC + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "raw", "catalog_name", "sales")).post(UC + "/schemas").then().statusCode(200);
        asAdmin().body(Map.of("name", "orders", "catalog_name", "sales", "schema_name", "raw", "table_type", "EXTERNAL",
                "storage_location", "s3://lake/sales/raw/orders", "columns", List.of(Map.of("name", "id",
                        "type_name", "LONG", "type_text", "bigint")))).post(UC + "/tables").then().statusCode(200);
        grant("catalog", "sales", "USE CATALOG");
        grant("schema", "sales.raw", "USE SCHEMA");
        grant("table", "sales.raw.orders", "SELECT");

        String token = KeycloakServer.shared().passwordToken("lakeward-cli", "alice", "alice-password");
        given().baseUri(service.baseUri()).auth().oauth2(token).get(UC + "/tables/sales.raw.orders").then()
                .statusCode(200).body("full_name", equalTo("sales.raw.orders")).body("columns[0].name", equalTo("id"));

        provisioner(provisioning).body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}""")
                .patch(SCIM + "/Users/" + userId).then().statusCode(200).body("active", equalTo(false));
        given().baseUri(service.baseUri()).auth().oauth2(token).get(UC + "/tables/sales.raw.orders").then()
                .statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"))
                .body("message", equalTo("'alice' is deactivated."));
    }

    private static void grant(String type, String name, String privilege) {
        asAdmin().body(Map.of("changes", List.of(Map.of("principal", "readers", "add", List.of(privilege)))))
                .patch(UC + "/permissions/" + type + "/" + name).then().statusCode(200);
    }
}
