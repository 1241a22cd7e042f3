package dev.lakeward.catalog.namespace;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class CatalogApiTest {

    @Test
    void createGetUpdateDeleteCatalog() {
        String name = unique("Sales");
        long before = System.currentTimeMillis();
        JsonPath created = asAdmin().body(Map.of("name", name, "comment", "all sales", "properties", Map.of("team", "a")))
                .post(BASE + "/catalogs").then().statusCode(200).extract().jsonPath();
        String lower = name.toLowerCase();
        assertThat(created.getString("name")).isEqualTo(lower);
        assertThat(created.getString("comment")).isEqualTo("all sales");
        assertThat(created.getMap("properties")).containsEntry("team", "a");
        assertThat(created.getString("owner")).isEqualTo("admin");
        assertThat(created.getString("created_by")).isEqualTo("admin");
        assertThat(created.getLong("created_at")).isBetween(before, System.currentTimeMillis());
        assertThat(UUID.fromString(created.getString("id"))).isNotNull();

        // names are case-insensitive
        asAdmin().get(BASE + "/catalogs/" + name.toUpperCase()).then().statusCode(200)
                .body("id", equalTo(created.getString("id")));

        String renamed = unique("renamed");
        JsonPath updated = asAdmin().body(Map.of("new_name", renamed, "comment", "new", "properties", Map.of("k", "v")))
                .patch(BASE + "/catalogs/" + lower).then().statusCode(200).extract().jsonPath();
        assertThat(updated.getString("name")).isEqualTo(renamed);
        assertThat(updated.getString("comment")).isEqualTo("new");
        assertThat(updated.getMap("properties")).isEqualTo(Map.of("k", "v"));
        assertThat(updated.getString("id")).isEqualTo(created.getString("id"));
        assertThat(updated.getLong("updated_at")).isGreaterThanOrEqualTo(created.getLong("updated_at"));
        asAdmin().get(BASE + "/catalogs/" + lower).then().statusCode(404).body("error_code", equalTo("NOT_FOUND"));

        asAdmin().delete(BASE + "/catalogs/" + renamed).then().statusCode(200);
        asAdmin().get(BASE + "/catalogs/" + renamed).then().statusCode(404).body("error_code", equalTo("NOT_FOUND"));
        asAdmin().get(BASE + "/catalogs").then().statusCode(200).body("catalogs.name", not(hasItem(renamed)));
    }

    @Test
    void duplicateNameIsAlreadyExistsWhateverTheCase() {
        String name = unique("dup");
        asAdmin().body(Map.of("name", name)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", name.toUpperCase())).post(BASE + "/catalogs").then().statusCode(409)
                .body("error_code", equalTo("ALREADY_EXISTS"))
                .body("message", equalTo("Catalog '" + name + "' already exists."));
    }

    @Test
    void failedRenameOrOwnerChangeLeavesTheCatalogAsItWas() {
        String first = unique("first");
        String second = unique("second");
        asAdmin().body(Map.of("name", first)).post(BASE + "/catalogs").then().statusCode(200);
        JsonPath before = asAdmin().body(Map.of("name", second, "comment", "keep"))
                .post(BASE + "/catalogs").then().statusCode(200).extract().jsonPath();

        asAdmin().body(Map.of("new_name", first, "comment", "changed")).patch(BASE + "/catalogs/" + second)
                .then().statusCode(409).body("error_code", equalTo("ALREADY_EXISTS"));
        asAdmin().body(Map.of("owner", "nobody-" + first, "comment", "changed")).patch(BASE + "/catalogs/" + second)
                .then().statusCode(400).body("error_code", equalTo("INVALID_PARAMETER_VALUE"));

        JsonPath after = asAdmin().get(BASE + "/catalogs/" + second).then().statusCode(200).extract().jsonPath();
        assertThat(after.getString("comment")).isEqualTo("keep");
        assertThat(after.getString("owner")).isEqualTo("admin");
        assertThat(after.getLong("updated_at")).isEqualTo(before.getLong("updated_at"));
    }

    @Test
    void ownerCanBeTransferredToAKnownPrincipal() {
        String name = unique("owned");
        asAdmin().body(Map.of("name", name)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("owner", "ADMIN")).patch(BASE + "/catalogs/" + name).then().statusCode(200)
                .body("owner", equalTo("admin"))
                .body("updated_by", equalTo("admin"));
    }

    @Test
    void nonEmptyCatalogIsDeletedOnlyWithForce() {
        String catalog = unique("full");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "columns", java.util.List.of())).post(BASE + "/tables").then().statusCode(200);

        asAdmin().delete(BASE + "/catalogs/" + catalog).then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.t").then().statusCode(200);

        asAdmin().queryParam("force", true).delete(BASE + "/catalogs/" + catalog).then().statusCode(200);
        asAdmin().get(BASE + "/catalogs/" + catalog).then().statusCode(404);
        asAdmin().get(BASE + "/schemas/" + catalog + ".s").then().statusCode(404);
        asAdmin().get(BASE + "/tables/" + catalog + ".s.t").then().statusCode(404);
    }

    @Test
    void everyCallNeedsAValidBearerToken() {
        given().get(BASE + "/catalogs").then().statusCode(401).body("error_code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("lkw_not-a-token").get(BASE + "/catalogs").then().statusCode(401)
                .body("error_code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get(BASE + "/catalogs").then().statusCode(401);
    }

    @Test
    void metastoreSummaryNamesTheMetastore() {
        String id = asAdmin().get(BASE + "/metastore_summary").then().statusCode(200).extract().path("metastore_id");
        assertThat(UUID.fromString(id)).isNotNull();
    }
}
