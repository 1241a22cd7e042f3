package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The requests Microsoft Entra ID's provisioning service sends, in the shapes its SCIM endpoint
 * tutorial documents: users with the enterprise extension, lookups by userName and externalId,
 * multi- and single-valued PATCHes, disabling, groups fetched without members, member adds and
 * removals by value array, and the discovery calls.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class EntraScimRequestsTest {

    private static final String SCIM = "/api/2.0/preview/scim/v2";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static RequestSpecification entra() {
        return given().auth().oauth2(adminToken()).contentType("application/scim+json");
    }

    private static String patchOp(String operations) {
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [" + operations + "]}";
    }

    @Test
    void usersAsEntraProvisionsThem() {
        String userName = "Test_User_" + unique("entra") + "@contoso.example";
        String externalId = unique("0a21f0f2");
        String id = entra().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
                 "externalId": "%s", "userName": "%s", "active": true, "displayName": "Test User",
                 "emails": [{"primary": true, "type": "work", "value": "%3$s"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
                 "roles": [],
                 "%1$s": {"employeeNumber": "701984", "department": "Tour Operations",
                          "manager": {"value": "26118915-6090-4610-87a4-49d0767ab24a"}}}"""
                .formatted(ENTERPRISE, externalId, userName)).post(SCIM + "/Users").then().statusCode(201)
                .body("schemas", hasItem(ENTERPRISE)).body("'" + ENTERPRISE + "'.department", equalTo("Tour Operations"))
                .extract().path("id");

        entra().queryParam("filter", "userName eq \"" + userName + "\"").get(SCIM + "/Users").then()
                .body("totalResults", equalTo(1)).body("Resources[0].externalId", equalTo(externalId));
        entra().queryParam("filter", "externalId eq \"" + externalId + "\"").get(SCIM + "/Users").then()
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id));
        entra().queryParam("filter", "userName eq \"non-existent user\"").get(SCIM + "/Users").then()
                .body("totalResults", equalTo(0));

        // multi-valued and single-valued properties, then the enterprise attributes in Entra's two forms
        entra().body(patchOp("""
                {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "updatedEmail@contoso.example"},
                {"op": "Replace", "path": "name.familyName", "value": "updatedFamilyName"}"""))
                .patch(SCIM + "/Users/" + id).then().statusCode(200)
                .body("emails[0].value", equalTo("updatedEmail@contoso.example"))
                .body("name.familyName", equalTo("updatedFamilyName"));
        String renamed = "renamed_" + userName;
        entra().body(patchOp("{\"op\": \"Replace\", \"path\": \"userName\", \"value\": \"" + renamed + "\"}"))
                .patch(SCIM + "/Users/" + id).then().statusCode(200).body("userName", equalTo(renamed));
        entra().body(patchOp("""
                {"op": "Add", "path": "%1$s:manager", "value": "f8c2f3ad-5ad6-4c8f-9a2e-000000000001"},
                {"op": "Replace", "value": {"%1$s:department": "Finance", "name.givenName": "Grace"}}"""
                .formatted(ENTERPRISE))).patch(SCIM + "/Users/" + id).then().statusCode(200)
                .body("'" + ENTERPRISE + "'.manager.value", equalTo("f8c2f3ad-5ad6-4c8f-9a2e-000000000001"))
                .body("'" + ENTERPRISE + "'.department", equalTo("Finance"))
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("701984"))
                .body("name.givenName", equalTo("Grace"));
        entra().queryParam("filter", ENTERPRISE + ":department eq \"finance\" and userName eq \"" + renamed + "\"")
                .get(SCIM + "/Users").then().body("totalResults", equalTo(1));

        entra().queryParam("attributes", "userName," + ENTERPRISE + ":department").get(SCIM + "/Users/" + id).then()
                .body("userName", equalTo(renamed)).body("id", equalTo(id)).body("$", not(hasKey("emails")))
                .body("'" + ENTERPRISE + "'.department", equalTo("Finance"))
                .body("'" + ENTERPRISE + "'", not(hasKey("employeeNumber")));
        entra().queryParam("excludedAttributes", "emails,groups").queryParam("filter", "userName eq \"" + renamed + "\"")
                .get(SCIM + "/Users").then().body("Resources[0]", not(hasKey("emails")))
                .body("Resources[0]", not(hasKey("groups"))).body("Resources[0].userName", equalTo(renamed));
        entra().queryParam("count", 0).get(SCIM + "/Users").then().statusCode(200)
                .body("Resources", equalTo(List.of())).body("itemsPerPage", equalTo(0));
        entra().queryParam("attributes", "userName").queryParam("excludedAttributes", "emails").get(SCIM + "/Users")
                .then().statusCode(400).body("scimType", equalTo("invalidValue"));

        entra().body(patchOp("{\"op\": \"Replace\", \"path\": \"active\", \"value\": false}"))
                .patch(SCIM + "/Users/" + id).then().statusCode(200).body("active", equalTo(false));
        entra().delete(SCIM + "/Users/" + id).then().statusCode(204);
        entra().get(SCIM + "/Users/" + id).then().statusCode(404);
    }

    @Test
    void groupsAsEntraProvisionsThem() {
        String memberId = entra().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}"""
                .formatted(unique("member") + "@contoso.example")).post(SCIM + "/Users").then().statusCode(201)
                .extract().path("id");
        String displayName = unique("displayName");
        String id = entra().body("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", "displayName": "%s",
                 "meta": {"resourceType": "Group"}}""".formatted(displayName)).post(SCIM + "/Groups").then()
                .statusCode(201).body("members", equalTo(List.of())).extract().path("id");

        entra().queryParam("excludedAttributes", "members").get(SCIM + "/Groups/" + id).then().statusCode(200)
                .body("displayName", equalTo(displayName)).body("members", nullValue());
        entra().queryParam("excludedAttributes", "members").queryParam("filter", "displayName eq \"" + displayName + "\"")
                .get(SCIM + "/Groups").then().body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(id))
                .body("Resources[0].members", nullValue());

        String updated = displayName + "updatedDisplayName";
        entra().body(patchOp("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"" + updated + "\"}"))
                .patch(SCIM + "/Groups/" + id).then().statusCode(200).body("displayName", equalTo(updated));
        entra().body(patchOp("{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \""
                + memberId + "\"}]}")).patch(SCIM + "/Groups/" + id).then().statusCode(200)
                .body("members.value", equalTo(List.of(memberId)));
        entra().queryParam("filter", "members[value eq \"" + memberId + "\"]").queryParam("attributes", "displayName")
                .get(SCIM + "/Groups").then().body("Resources.displayName", hasItem(updated));
        entra().body(patchOp("{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"$ref\": null, \"value\": \""
                + memberId + "\"}]}")).patch(SCIM + "/Groups/" + id).then().statusCode(200)
                .body("members", equalTo(List.of()));
        entra().delete(SCIM + "/Groups/" + id).then().statusCode(204);
    }

    @Test
    void discoveryAnswersForAnyCaller() {
        RequestSpecification anyone = given().auth().oauth2(userWithToken(unique("anyone")));
        anyone.get(SCIM + "/ResourceTypes").then().statusCode(200).body("totalResults", equalTo(3))
                .body("Resources.find { it.id == 'User' }.schemaExtensions[0].schema", equalTo(ENTERPRISE));
        anyone.get(SCIM + "/ResourceTypes/Group").then().statusCode(200).body("endpoint", equalTo("/Groups"));
        anyone.get(SCIM + "/Schemas/" + ENTERPRISE).then().statusCode(200)
                .body("attributes.name", hasItem("manager"));
        anyone.get(SCIM + "/Schemas/urn:nothing").then().statusCode(404).body("status", equalTo("404"));
        anyone.get(SCIM + "/ServiceProviderConfig").then().statusCode(200).body("filter.supported", equalTo(true));
        anyone.get(SCIM + "/Users").then().statusCode(403).body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"));
    }
}
