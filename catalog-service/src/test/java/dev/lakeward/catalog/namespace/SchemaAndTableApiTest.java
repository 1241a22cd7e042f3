package dev.lakeward.catalog.namespace;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SchemaAndTableApiTest {

    private String catalog;

    @BeforeEach
    void createCatalog() {
        catalog = unique("cat");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
    }

    @Test
    void schemaLifecycle() {
        JsonPath created = asAdmin().body(Map.of("name", "Raw", "catalog_name", catalog, "comment", "landing",
                "storage_root", "s3://bucket/root/")).post(BASE + "/schemas").then().statusCode(200).extract().jsonPath();
        assertThat(created.getString("full_name")).isEqualTo(catalog + ".raw");
        assertThat(created.getString("catalog_name")).isEqualTo(catalog);
        assertThat(created.getString("storage_root")).isEqualTo("s3://bucket/root");
        assertThat(created.getString("storage_location"))
                .isEqualTo("s3://bucket/root/__unitystorage/schemas/" + created.getString("schema_id"));

        asAdmin().queryParam("catalog_name", catalog).get(BASE + "/schemas").then().statusCode(200)
                .body("schemas.full_name", equalTo(List.of(catalog + ".raw")));
        asAdmin().body(Map.of("new_name", "bronze", "comment", "renamed")).patch(BASE + "/schemas/" + catalog + ".RAW")
                .then().statusCode(200).body("full_name", equalTo(catalog + ".bronze")).body("comment", equalTo("renamed"));
        asAdmin().get(BASE + "/schemas/" + catalog + ".raw").then().statusCode(404).body("error_code", equalTo("NOT_FOUND"));
        asAdmin().delete(BASE + "/schemas/" + catalog + ".bronze").then().statusCode(200);
        asAdmin().get(BASE + "/schemas/" + catalog + ".bronze").then().statusCode(404);
    }

    @Test
    void schemaInAMissingCatalogIsNotFound() {
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog + "_missing")).post(BASE + "/schemas")
                .then().statusCode(404).body("message", equalTo("Catalog '" + catalog + "_missing' does not exist."));
    }

    @Test
    void managedTableGetsItsColumnsDefaultedAndALocationUnderManagedStorage() {
        createSchema("s");
        JsonPath table = asAdmin().body(Map.of("name", "Orders", "catalog_name", catalog, "schema_name", "s",
                "table_type", "MANAGED", "comment", "orders", "properties", Map.of("delta.appendOnly", "true"),
                "columns", List.of(
                        Map.of("name", "id", "type_name", "LONG", "type_text", "bigint", "type_json",
                                "{\"name\":\"id\",\"type\":\"long\",\"nullable\":false,\"metadata\":{}}", "nullable", false),
                        Map.of("name", "amount", "type_name", "DECIMAL", "type_precision", 10, "type_scale", 2,
                                "comment", "in EUR"))))
                .post(BASE + "/tables").then().statusCode(200).extract().jsonPath();

        assertThat(table.getString("full_name")).isEqualTo(catalog + ".s.orders");
        assertThat(table.getString("table_type")).isEqualTo("MANAGED");
        assertThat(table.getString("data_source_format")).isEqualTo("DELTA");
        assertThat(table.getString("storage_location")).startsWith("file:///")
                .endsWith("/__unitystorage/tables/" + table.getString("table_id"));
        assertThat(table.getList("columns.position", Integer.class)).containsExactly(0, 1);
        assertThat(table.getList("columns.nullable", Boolean.class)).containsExactly(false, true);
        assertThat(table.getString("columns[0].type_json")).contains("\"long\"");
        assertThat(table.getInt("columns[1].type_precision")).isEqualTo(10);
        assertThat(table.getString("columns[1].type_text")).isEqualTo("decimal");

        asAdmin().get(BASE + "/tables/" + catalog + ".S.ORDERS").then().statusCode(200)
                .body("table_id", equalTo(table.getString("table_id")))
                .body("columns[1].comment", equalTo("in EUR"))
                .body("properties.'delta.appendOnly'", equalTo("true"));
        asAdmin().delete(BASE + "/tables/" + catalog + ".s.orders").then().statusCode(200);
        asAdmin().get(BASE + "/tables/" + catalog + ".s.orders").then().statusCode(404)
                .body("error_code", equalTo("NOT_FOUND"));
    }

    @Test
    void externalTableKeepsItsLocationAndViewKeepsItsDefinition() {
        createSchema("s");
        asAdmin().body(Map.of("name", "ext", "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "data_source_format", "PARQUET", "storage_location", "abfss://c@acct.dfs.core.windows.net/data/ext/",
                "columns", List.of(Map.of("name", "x", "type_name", "INT"))))
                .post(BASE + "/tables").then().statusCode(200)
                .body("storage_location", equalTo("abfss://c@acct.dfs.core.windows.net/data/ext"))
                .body("data_source_format", equalTo("PARQUET"));
        asAdmin().body(Map.of("name", "v", "catalog_name", catalog, "schema_name", "s", "table_type", "VIEW",
                "view_definition", "select x from ext", "columns", List.of(Map.of("name", "x", "type_name", "INT"))))
                .post(BASE + "/tables").then().statusCode(200)
                .body("view_definition", equalTo("select x from ext"));
        asAdmin().body(Map.of("name", "ext2", "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(400)
                .body("message", startsWith("storage_location is required"));
    }

    @Test
    void tableUnderSchemaWithManagedRootIsStoredThere() {
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog, "storage_root", "gs://bucket/lake"))
                .post(BASE + "/schemas").then().statusCode(200);
        String location = asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s",
                "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200)
                .extract().path("storage_location");
        assertThat(location).startsWith("gs://bucket/lake/__unitystorage/schemas/");
    }

    @Test
    void nonEmptySchemaIsDeletedOnlyWithForce() {
        createSchema("s");
        asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
        asAdmin().delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().queryParam("force", "true").delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(200);
        asAdmin().get(BASE + "/tables/" + catalog + ".s.t").then().statusCode(404);
    }

    private void createSchema(String name) {
        asAdmin().body(Map.of("name", name, "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
    }
}
