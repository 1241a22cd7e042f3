package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Okta's published SCIM 2.0 test sequence ("Okta SCIM 2.0 SPEC Test", which Okta asks an
 * integration to pass before it is listed), replayed step by step, then the provisioning calls
 * Okta makes afterwards: deactivation by PATCH, a full-PUT update, and Group Push.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OktaScimSpecTest {

    private static final String SCIM = "/scim/v2";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private static RequestSpecification okta() {
        return given().auth().oauth2(adminToken()).contentType("application/scim+json").accept("application/scim+json");
    }

    @Test
    void theSpecTestPassesInOrder() {
        String seed = unique("okta");
        String userName = seed + "@atko.example";
        String createBody = """
                {"schemas": ["%s"], "userName": "%s", "name": {"givenName": "Karlee", "familyName": "Bauch"},
                 "emails": [{"primary": true, "value": "%2$s", "type": "work"}], "displayName": "Karlee Bauch",
                 "locale": "en-US", "externalId": "00u1abcd", "groups": [], "password": "1mz050nq", "active": true}"""
                .formatted(USER, userName);
        okta().body(createBody).post(SCIM + "/Users").then().statusCode(201);

        // 1. Test Users endpoint
        JsonPath page = okta().queryParam("count", 1).queryParam("startIndex", 1).get(SCIM + "/Users").then()
                .statusCode(200).body("schemas", hasItem(LIST)).body("Resources", instanceOf(List.class))
                .body("Resources.size()", lessThanOrEqualTo(1)).body("itemsPerPage", instanceOf(Integer.class))
                .body("startIndex", equalTo(1)).body("totalResults", instanceOf(Integer.class))
                .extract().jsonPath();
        // 2. Get Users/{{id}}
        String firstId = page.getString("Resources[0].id");
        okta().get(SCIM + "/Users/" + firstId).then().statusCode(200).body("id", equalTo(firstId))
                .body("userName", equalTo(page.getString("Resources[0].userName"))).body("schemas", hasItem(USER));
        // 3. Test invalid User by username
        okta().queryParam("filter", "userName eq \"" + UUID.randomUUID() + "@invalid.example\"").get(SCIM + "/Users")
                .then().statusCode(200).body("totalResults", equalTo(0)).body("Resources", equalTo(List.of()));
        // 4. Test invalid User by ID
        okta().get(SCIM + "/Users/" + UUID.randomUUID()).then().statusCode(404).body("schemas", hasItem(ERROR))
                .body("status", equalTo("404"));
        // 5. Make sure random user doesn't exist
        String random = unique("random") + "@atko.example";
        okta().queryParam("filter", "userName eq \"" + random + "\"").get(SCIM + "/Users").then()
                .body("totalResults", equalTo(0));
        // 6. Create Okta user with realistic values
        JsonPath created = okta().body(createBody.replace(userName, random)).post(SCIM + "/Users").then()
                .statusCode(201).body("active", equalTo(true)).body("userName", equalTo(random))
                .body("name.familyName", equalTo("Bauch")).body("name.givenName", equalTo("Karlee"))
                .body("emails[0].value", equalTo(random)).extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("password")).as("a password is never returned").isNull();
        // 7. Verify that user was created
        okta().get(SCIM + "/Users/" + id).then().statusCode(200).body("userName", equalTo(random))
                .body("name.familyName", equalTo("Bauch")).body("name.givenName", equalTo("Karlee"));
        // 8. Expect failure when recreating user with same values
        okta().body(createBody.replace(userName, random)).post(SCIM + "/Users").then().statusCode(409)
                .body("schemas", hasItem(ERROR)).body("scimType", equalTo("uniqueness"));
        // 9. Username Case Sensitivity Check
        okta().queryParam("filter", "userName eq \"" + random.toUpperCase() + "\"").get(SCIM + "/Users").then()
                .statusCode(200).body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        // 10. Verify Groups endpoint
        okta().get(SCIM + "/Groups").then().statusCode(200).body("schemas", hasItem(LIST))
                .body("Resources", instanceOf(List.class));
        // and without credentials, nothing: in SCIM's error shape, as every error on SCIM's paths
        given().get(SCIM + "/Users").then().statusCode(401).contentType("application/scim+json")
                .body("schemas", hasItem(ERROR)).body("status", equalTo("401")).body("error_code", nullValue());
    }

    @Test
    void deactivationFullPutUpdatesAndGroupPush() {
        String userName = unique("push") + "@atko.example";
        String id = okta().body("""
                {"schemas": ["%s"], "userName": "%s", "name": {"givenName": "Ima", "familyName": "Pusher"},
                 "emails": [{"primary": true, "value": "%2$s", "type": "work"}], "active": true}"""
                .formatted(USER, userName)).post(SCIM + "/Users").then().statusCode(201).extract().path("id");

        okta().body("""
                {"schemas": ["%s"], "id": "%s", "userName": "%s", "name": {"givenName": "Ima", "familyName": "Pushed"},
                 "emails": [{"primary": true, "value": "%3$s", "type": "work"}], "active": true}"""
                .formatted(USER, id, userName)).put(SCIM + "/Users/" + id).then().statusCode(200)
                .body("name.familyName", equalTo("Pushed"));

        String groupName = unique("okta-pushed");
        String groupId = okta().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s", "members": []}"""
                .formatted(groupName)).post(SCIM + "/Groups").then().statusCode(201).extract().path("id");
        okta().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "add", "path": "members", "value": [{"value": "%s", "display": "%s"}]}]}"""
                .formatted(id, userName)).patch(SCIM + "/Groups/" + groupId).then().statusCode(200)
                .body("members.value", equalTo(List.of(id)));
        okta().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "replace", "value": {"id": "%s", "displayName": "%s-renamed"}}]}"""
                .formatted(groupId, groupName)).patch(SCIM + "/Groups/" + groupId).then().statusCode(200)
                .body("displayName", equalTo(groupName + "-renamed"));
        okta().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
                  {"op": "remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(id))
                .patch(SCIM + "/Groups/" + groupId).then().statusCode(200).body("members", equalTo(List.of()));

        okta().body("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false}}]}""")
                .patch(SCIM + "/Users/" + id).then().statusCode(200).body("active", equalTo(false));
        okta().get(SCIM + "/Users/" + id).then().body("active", equalTo(false));
        okta().delete(SCIM + "/Groups/" + groupId).then().statusCode(204);
    }

    @Test
    void pagesWalkEveryUserOnceInAStableOrder() {
        for (int i = 0; i < 5; i++) {
            okta().body("{\"schemas\": [\"" + USER + "\"], \"userName\": \"" + unique("page") + "\"}")
                    .post(SCIM + "/Users").then().statusCode(201);
        }
        int total = okta().queryParam("count", 0).get(SCIM + "/Users").then().statusCode(200)
                .body("Resources", equalTo(List.of())).extract().path("totalResults");
        List<String> seen = new ArrayList<>();
        for (int start = 1; start <= total; start += 2) {
            JsonPath page = okta().queryParam("startIndex", start).queryParam("count", 2).get(SCIM + "/Users").then()
                    .statusCode(200).body("startIndex", equalTo(start)).body("totalResults", equalTo(total))
                    .extract().jsonPath();
            assertThat(page.getInt("itemsPerPage")).isEqualTo(Math.min(2, total - start + 1));
            seen.addAll(page.getList("Resources.id", String.class));
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        okta().queryParam("startIndex", total + 1).get(SCIM + "/Users").then().statusCode(200)
                .body("Resources", equalTo(List.of())).body("totalResults", equalTo(total));
    }
}
