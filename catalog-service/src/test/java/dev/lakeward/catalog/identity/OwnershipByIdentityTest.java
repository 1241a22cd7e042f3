package dev.lakeward.catalog.identity;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ownership is by identity: a principal that owns objects is not deleted without a new owner, a
 * name reused after a deletion owns nothing of its namesake's, and a rename carries ownership along.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OwnershipByIdentityTest {

    private static final String PRINCIPALS = "/api/lakeward/v1/principals/";

    @Test
    void anOwnerIsNotDeletedWithoutAnHeirAndItsNameOwnsNothingAfterwards() {
        String bobName = unique("bob");
        String bob = userWithToken(bobName);
        String catalog = catalogWithSchemaOwnedBy(bobName, bob);

        asAdmin().delete(PRINCIPALS + bobName).then().statusCode(409)
                .body("error_code", equalTo("RESOURCE_CONFLICT"))
                .body("message", containsString("catalog '" + catalog + "'"))
                .body("message", containsString("schema '" + catalog + ".s'"));
        String scimId = given().auth().oauth2(adminToken()).queryParam("filter", "userName eq \"" + bobName + "\"")
                .get("/scim/v2/Users").then().statusCode(200).extract().path("Resources[0].id");
        given().auth().oauth2(adminToken()).delete("/scim/v2/Users/" + scimId).then().statusCode(409)
                .body("scimType", equalTo("mutability")).body("detail", containsString(catalog));
        asAdmin().get(PRINCIPALS + bobName).then().statusCode(200);
        asAdmin().delete(PRINCIPALS + bobName + "?new_owner=nobody_" + bobName).then().statusCode(400);

        String heir = unique("carol");
        userWithToken(heir);
        asAdmin().delete(PRINCIPALS + bobName + "?new_owner=" + heir).then().statusCode(200);
        asAdmin().get(BASE + "/catalogs/" + catalog).then().statusCode(200).body("owner", equalTo(heir));
        asAdmin().get(BASE + "/schemas/" + catalog + ".s").then().statusCode(200).body("owner", equalTo(heir));

        // an identity provider re-provisions the name: the newcomer owns nothing of the old bob's
        String newBob = userWithToken(bobName);
        as(newBob).body(Map.of("comment", "mine now")).patch(BASE + "/catalogs/" + catalog).then().statusCode(404);
        as(newBob).delete(BASE + "/catalogs/" + catalog + "?force=true").then().statusCode(404);
        asAdmin().get(BASE + "/catalogs/" + catalog).then().statusCode(200).body("owner", equalTo(heir))
                .body("comment", equalTo(null));
        asAdmin().delete(PRINCIPALS + bobName).then().statusCode(200);
    }

    @Test
    void aRenamedOwnerStillOwns() {
        String userName = unique("dana");
        String token = userWithToken(userName);
        String catalog = catalogOwnedBy(userName, token);
        String scimId = given().auth().oauth2(adminToken()).queryParam("filter", "userName eq \"" + userName + "\"")
                .get("/scim/v2/Users").then().statusCode(200).extract().path("Resources[0].id");
        String renamed = userName + "_renamed";
        given().auth().oauth2(adminToken()).contentType("application/scim+json").body(Map.of(
                        "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                        "Operations", List.of(Map.of("op", "replace", "path", "userName", "value", renamed))))
                .patch("/scim/v2/Users/" + scimId).then().statusCode(200);

        asAdmin().get(BASE + "/catalogs/" + catalog).then().statusCode(200).body("owner", equalTo(renamed));
        as(token).body(Map.of("comment", "still mine")).patch(BASE + "/catalogs/" + catalog).then().statusCode(200);
        // the old name, taken by someone else, owns nothing
        String impostor = userWithToken(userName);
        as(impostor).body(Map.of("comment", "mine?")).patch(BASE + "/catalogs/" + catalog).then().statusCode(404);
    }

    /**
     * A rename changes the owner's name on everything it owns, and the very next read on this
     * replica says so, though the objects were read (and remembered) before: the old name, taken
     * by someone else, owns and sees nothing of them.
     */
    @Test
    void aRenameReachesWhatWasReadBefore() {
        String userName = unique("erin");
        String token = userWithToken(userName);
        String catalog = catalogWithSchemaOwnedBy(userName, token);
        as(token).body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
        List<String> reads = List.of(BASE + "/catalogs/" + catalog, BASE + "/schemas/" + catalog + ".s",
                BASE + "/tables/" + catalog + ".s.t");
        reads.forEach(read -> asAdmin().get(read).then().statusCode(200).body("owner", equalTo(userName)));

        String renamed = userName + "_renamed";
        renameUser(userName, renamed);

        reads.forEach(read -> asAdmin().get(read).then().statusCode(200).body("owner", equalTo(renamed)));
        String impostor = userWithToken(userName);
        reads.forEach(read -> as(impostor).get(read).then().statusCode(404));
        as(impostor).get(BASE + "/tables/" + catalog + ".s.t/exists").then().statusCode(200)
                .body("table_exists", equalTo(false));
        as(token).get(BASE + "/tables/" + catalog + ".s.t").then().statusCode(200).body("owner", equalTo(renamed));
    }

    private static void renameUser(String userName, String renamed) {
        String scimId = given().auth().oauth2(adminToken()).queryParam("filter", "userName eq \"" + userName + "\"")
                .get("/scim/v2/Users").then().statusCode(200).extract().path("Resources[0].id");
        given().auth().oauth2(adminToken()).contentType("application/scim+json").body(Map.of(
                        "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                        "Operations", List.of(Map.of("op", "replace", "path", "userName", "value", renamed))))
                .patch("/scim/v2/Users/" + scimId).then().statusCode(200);
    }

    /** A new catalog with a schema {@code s}, both created by the user, who owns them. */
    private static String catalogWithSchemaOwnedBy(String userName, String token) {
        String catalog = catalogOwnedBy(userName, token);
        as(token).body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        return catalog;
    }

    /** A new catalog created by the user, who owns it. */
    private static String catalogOwnedBy(String userName, String token) {
        grant("metastore", "lakeward", userName, "CREATE CATALOG");
        String catalog = unique("owned");
        as(token).body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200)
                .body("owner", equalTo(userName));
        return catalog;
    }
}
