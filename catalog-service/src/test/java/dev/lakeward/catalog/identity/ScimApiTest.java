package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.matchesPattern;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SCIM Users and Groups as Okta and Entra ID drive them, writing the principals that grants use. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ScimApiTest {

    private static final String SCIM = "/scim/v2";

    private static RequestSpecification scim() {
        return given().auth().oauth2(adminToken()).contentType("application/scim+json");
    }

    private static String createUser(String userName) {
        return scim().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s",
                 "name": {"givenName": "Ada", "familyName": "Lovelace"}, "password": "ignored-1A!",
                 "emails": [{"primary": true, "value": "%1$s", "type": "work"}], "active": true}"""
                .formatted(userName)).post(SCIM + "/Users").then().statusCode(201)
                .header("Location", matchesPattern("http://[^/]+" + SCIM + "/Users/[0-9a-f-]{36}")).extract().path("id");
    }

    @Test
    void oktaLooksUpCreatesDeactivatesAndUpdatesAUser() {
        String userName = unique("ada") + "@example.com";
        scim().queryParam("filter", "userName eq \"" + userName + "\"").get(SCIM + "/Users").then().statusCode(200)
                .body("totalResults", equalTo(0)).body("schemas[0]", equalTo("urn:ietf:params:scim:api:messages:2.0:ListResponse"));
        String id = createUser(userName);

        scim().queryParam("filter", "userName eq \"" + userName.toUpperCase() + "\"").get(SCIM + "/Users").then()
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id))
                .body("Resources[0].name.givenName", equalTo("Ada"));
        scim().body("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"" + userName + "\"}")
                .post(SCIM + "/Users").then().statusCode(409).body("scimType", equalTo("uniqueness"))
                .body("status", equalTo("409"));

        String token = asAdmin().body("{}").post("/api/lakeward/v1/principals/" + userName + "/tokens").then()
                .statusCode(200).extract().path("token_value");
        as(token).get(BASE + "/catalogs").then().statusCode(200);
        scim().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}""")
                .patch(SCIM + "/Users/" + id).then().statusCode(200).body("active", equalTo(false));
        as(token).get(BASE + "/catalogs").then().statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"));

        JsonPath replaced = scim().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "%s", "userName": "%s",
                 "name": {"givenName": "Augusta", "familyName": "King"}, "active": true}""".formatted(id, userName))
                .put(SCIM + "/Users/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(replaced.getString("name.givenName")).isEqualTo("Augusta");
        assertThat(replaced.getList("emails")).isEmpty();
        as(token).get(BASE + "/catalogs").then().statusCode(200);
    }

    @Test
    void entraPatchesAndStaleETagsAreRefused() {
        String id = createUser(unique("grace") + "@example.com");
        String etag = scim().get(SCIM + "/Users/" + id).then().statusCode(200).extract().header("ETag");

        scim().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Replace", "path": "active", "value": "False"},
                  {"op": "Replace", "value": {"name.givenName": "Grace", "displayName": "Grace Hopper"}}]}""")
                .header("If-Match", etag).patch(SCIM + "/Users/" + id).then().statusCode(200)
                .body("active", equalTo(false)).body("name.givenName", equalTo("Grace"))
                .body("name.familyName", equalTo("Lovelace")).body("displayName", equalTo("Grace Hopper"));
        scim().body("{\"Operations\": [{\"op\": \"replace\", \"value\": {\"active\": true}}]}")
                .header("If-Match", etag).patch(SCIM + "/Users/" + id).then().statusCode(412);
        scim().queryParam("filter", "nickName eq \"x\"").get(SCIM + "/Users").then().statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        scim().get(SCIM + "/Users/not-an-id").then().statusCode(404).body("status", equalTo("404"));
    }

    @Test
    void groupsCarryMembershipsIntoGrants() {
        String userName = unique("member") + "@example.com";
        String userId = createUser(userName);
        String token = asAdmin().body("{}").post("/api/lakeward/v1/principals/" + userName + "/tokens").then()
                .statusCode(200).extract().path("token_value");
        String catalog = unique("scimcat");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        String groupName = unique("readers");
        String groupId = given().auth().oauth2(adminToken()).contentType("application/json")
                .body("{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:Group\"], \"displayName\": \"" + groupName
                        + "\", \"members\": []}").post("/api/2.0/preview/scim/v2/Groups").then().statusCode(201)
                .extract().path("id");
        grant("catalog", catalog, groupName, "USE CATALOG");
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(404);

        scim().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "add", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(userId))
                .patch(SCIM + "/Groups/" + groupId).then().statusCode(200).body("members[0].value", equalTo(userId));
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(200);
        scim().get(SCIM + "/Users/" + userId).then().body("groups[0].display", equalTo(groupName));

        // renames, of the member and of the group, keep what the grant reaches
        scim().body("{\"Operations\": [{\"op\": \"replace\", \"path\": \"userName\", \"value\": \"renamed-"
                + userName + "\"}]}").patch(SCIM + "/Users/" + userId).then().statusCode(200);
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(200);
        scim().body("{\"Operations\": [{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \""
                + groupName + "-renamed\"}]}").patch(SCIM + "/Groups/" + groupId).then().statusCode(200);
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(200);
        scim().queryParam("filter", "displayName eq \"" + groupName + "-renamed\"").queryParam("excludedAttributes", "members")
                .get(SCIM + "/Groups").then().body("totalResults", equalTo(1))
                .body("Resources[0].members", nullValue());

        // Entra removes members by a value array
        scim().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "Remove", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(userId))
                .patch(SCIM + "/Groups/" + groupId).then().statusCode(200).body("members", equalTo(List.of()));
        as(token).get(BASE + "/catalogs/" + catalog).then().statusCode(404);

        scim().delete(SCIM + "/Groups/" + groupId).then().statusCode(204);
        scim().get(SCIM + "/Groups/" + groupId).then().statusCode(404);
    }

    @Test
    void servicePrincipalsAreProvisionedByApplicationIdAndDeactivated() {
        String applicationId = UUID.randomUUID().toString();
        String id = scim().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServicePrincipal"],
                 "applicationId": "%s", "displayName": "etl job", "active": true}""".formatted(applicationId))
                .post("/api/2.0/preview/scim/v2/ServicePrincipals").then().statusCode(201)
                .body("applicationId", equalTo(applicationId)).extract().path("id");
        String token = asAdmin().body(Map.of("application_id", applicationId))
                .post("/api/2.0/token-management/on-behalf-of/tokens").then().statusCode(200)
                .extract().path("token_value");
        as(token).get(BASE + "/catalogs").then().statusCode(200);
        given().auth().oauth2(token).get(SCIM + "/Me").then().statusCode(200)
                .body("applicationId", equalTo(applicationId)).body("displayName", equalTo("etl job"));

        scim().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}""")
                .patch(SCIM + "/ServicePrincipals/" + id).then().statusCode(200).body("active", equalTo(false));
        as(token).get(BASE + "/catalogs").then().statusCode(401);
        scim().queryParam("filter", "applicationId eq \"" + applicationId + "\"").get(SCIM + "/ServicePrincipals")
                .then().body("totalResults", equalTo(1)).body("Resources[0].active", equalTo(false));
        scim().body("""
                {"Operations": [{"op": "replace", "path": "applicationId", "value": "other"}]}""")
                .patch(SCIM + "/ServicePrincipals/" + id).then().statusCode(400).body("scimType", equalTo("mutability"));
    }

    @Test
    void scimIsForProvisionersAndAdmins() {
        String userName = unique("plain") + "@example.com";
        createUser(userName);
        String token = asAdmin().body("{}").post("/api/lakeward/v1/principals/" + userName + "/tokens").then()
                .statusCode(200).extract().path("token_value");
        given().auth().oauth2(token).get(SCIM + "/Users").then().statusCode(403);
        given().auth().oauth2(token).get(SCIM + "/Me").then().statusCode(200).body("userName", equalTo(userName));
        scim().get(SCIM + "/ServiceProviderConfig").then().statusCode(200).body("patch.supported", equalTo(true));
    }

    @Test
    void aGroupCannotComeToContainItself() {
        String outer = scim().body("{\"displayName\": \"" + unique("outer") + "\"}").post(SCIM + "/Groups").then()
                .statusCode(201).extract().path("id");
        String inner = scim().body("{\"displayName\": \"" + unique("inner") + "\", \"members\": [{\"value\": \""
                + outer + "\"}]}").post(SCIM + "/Groups").then().statusCode(201).extract().path("id");
        scim().body("{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \""
                + inner + "\"}]}]}").patch(SCIM + "/Groups/" + outer).then().statusCode(400)
                .body("scimType", equalTo("invalidValue"));
        scim().body("{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \""
                + outer + "\"}]}]}").patch(SCIM + "/Groups/" + outer).then().statusCode(400);
        scim().get(SCIM + "/Groups/" + outer).then().body("members", equalTo(List.of()));
    }
}
