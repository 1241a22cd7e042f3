package dev.lakeward.catalog.delta;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.ErrorModelCases;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Delta REST API: a managed table from staging to drop, an external one, the grants of the
 * Unity Catalog API on each endpoint (what the caller may not see is missing), and every row of
 * {@code delta-malformed-requests.json} refused in the API's error shape with nothing changed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DeltaApiTest {

    private static final String DELTA = BASE + "/delta/v1";
    private static final String FIXTURE = "delta_fixture";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A schema with every kind of Delta type, as the Delta REST API writes it. */
    private static final Map<String, Object> COLUMNS = Map.of("type", "struct", "fields", List.of(
            field("id", "long", false, Map.of("comment", "the key")),
            field("amount", "decimal(10,2)", true, Map.of()),
            field("tags", Map.of("type", "array", "element-type", "string", "contains-null", true), true, Map.of()),
            field("attrs", Map.of("type", "map", "key-type", "string", "value-type",
                    Map.of("type", "array", "element-type", "integer", "contains-null", false),
                    "value-contains-null", true), true, Map.of()),
            field("address", Map.of("type", "struct", "fields", List.of(field("city", "string", true, Map.of()))),
                    true, Map.of("delta.columnMapping.id", 5)),
            field("day", "date", true, Map.of())));

    @Inject
    AgroalDataSource dataSource;

    private String catalog;

    private static Map<String, Object> field(String name, Object type, boolean nullable, Map<String, Object> metadata) {
        return Map.of("name", name, "type", type, "nullable", nullable, "metadata", metadata);
    }

    @BeforeEach
    void schema() {
        catalog = unique("delta");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        if (asAdmin().get(BASE + "/catalogs/" + FIXTURE).statusCode() == 404) {
            asAdmin().body(Map.of("name", FIXTURE)).post(BASE + "/catalogs").then().statusCode(200);
            asAdmin().body(Map.of("name", "s", "catalog_name", FIXTURE)).post(BASE + "/schemas").then().statusCode(200);
            asAdmin().body(Map.of("name", "t", "catalog_name", FIXTURE, "schema_name", "s", "table_type", "MANAGED",
                    "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
            asAdmin().body(Map.of("name", "parquet", "catalog_name", FIXTURE, "schema_name", "s", "table_type",
                    "EXTERNAL", "data_source_format", "PARQUET", "storage_location", "file:///tmp/" + unique("pq"),
                    "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
        }
    }

    private String tables(String catalog) {
        return DELTA + "/catalogs/" + catalog + "/schemas/s/tables";
    }

    private Map<String, Object> createBody(String name, String type, String location) {
        return Map.of("name", name, "table-type", type, "location", location, "columns", COLUMNS,
                "partition-columns", List.of("day"), "protocol", Map.of("min-reader-version", 1, "min-writer-version", 2),
                "properties", Map.of("delta.appendOnly", "false"), "last-commit-timestamp-ms", 1);
    }

    @Test
    void configNamesWhatIsServedAndNotTheCommitsOfTheNextSlice() {
        asAdmin().queryParam("catalog", catalog).queryParam("protocol-versions", "1.3,2.0").get(DELTA + "/config")
                .then().statusCode(200).body("protocol-version", equalTo("1.0"))
                .body("endpoints", hasItem("GET /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}"))
                .body("endpoints", hasItem("GET /v1/staging-tables/{table_id}/credentials"))
                .body("endpoints", not(hasItem("POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}")))
                .body("endpoints", not(hasItem("POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}/metrics")));
        String outsider = userWithToken(unique("outsider"));
        as(outsider).queryParam("catalog", catalog).queryParam("protocol-versions", "1.0").get(DELTA + "/config")
                .then().statusCode(404).body("error.type", equalTo("NoSuchCatalogException"));
        // errors raised before the endpoint are in the API's shape too
        given().get(DELTA + "/config").then().statusCode(401).body("error.type", equalTo("NotAuthorizedException"))
                .body("error.code", equalTo(401));
    }

    @Test
    void aManagedTableGoesFromStagingToDrop() throws IOException {
        Response staged = asAdmin().body(Map.of("name", "orders"))
                .post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables");
        staged.then().statusCode(200).body("table-type", equalTo("MANAGED"))
                .body("required-protocol.min-reader-version", equalTo(1));
        String id = staged.path("table-id");
        String location = staged.path("location");
        assertThat(location).endsWith("/__unitystorage/tables/" + id);
        assertThat(staged.jsonPath().getString("storage-credentials[0].prefix")).isEqualTo(location);
        assertThat(staged.jsonPath().getString("storage-credentials[0].operation")).isEqualTo("READ_WRITE");
        assertThat(staged.jsonPath().getMap("required-properties")).containsEntry("io.unitycatalog.tableId", id);
        asAdmin().get(DELTA + "/staging-tables/" + id + "/credentials").then().statusCode(200)
                .body("storage-credentials[0].prefix", equalTo(location))
                .body("storage-credentials[0].config.size()", equalTo(0));

        Response created = asAdmin().body(createBody("orders", "MANAGED", location)).post(tables(catalog));
        created.then().statusCode(200).body("metadata.table-uuid", equalTo(id))
                .body("metadata.location", equalTo(location)).body("metadata.table-type", equalTo("MANAGED"))
                .body("metadata.partition-columns", equalTo(List.of("day")))
                .body("metadata.properties.'delta.appendOnly'", equalTo("false"));
        assertThat(JSON.readTree(created.asString()).get("metadata").get("columns"))
                .isEqualTo(JSON.valueToTree(COLUMNS));
        // the Unity Catalog API reads the same table, its columns as Spark names their types
        Response uc = asAdmin().get(BASE + "/tables/" + catalog + ".s.orders");
        uc.then().statusCode(200).body("table_id", equalTo(id)).body("data_source_format", equalTo("DELTA"));
        assertThat(uc.jsonPath().getList("columns.type_text")).containsExactly("bigint", "decimal(10,2)",
                "array<string>", "map<string,array<int>>", "struct<city:string>", "date");
        assertThat(uc.jsonPath().getList("columns.type_name")).containsExactly("LONG", "DECIMAL", "ARRAY", "MAP",
                "STRUCT", "DATE");
        assertThat(JSON.readTree(uc.jsonPath().getString("columns[3].type_json")).get("type").get("valueType")
                .get("containsNull").asBoolean()).isFalse();

        String table = tables(catalog) + "/orders";
        String etag = asAdmin().get(table).then().statusCode(200).extract().path("metadata.etag");
        assertThat(asAdmin().head(table).statusCode()).isEqualTo(204);
        asAdmin().body(Map.of("new-name", "sales")).post(table + "/rename").then().statusCode(204);
        asAdmin().get(table).then().statusCode(404).body("error.type", equalTo("NoSuchTableException"));
        String renamed = tables(catalog) + "/sales";
        asAdmin().get(renamed).then().statusCode(200).body("metadata.table-uuid", equalTo(id))
                .body("metadata.etag", not(equalTo(etag)));
        asAdmin().queryParam("operation", "READ_WRITE").get(renamed + "/credentials").then().statusCode(200)
                .body("storage-credentials[0].prefix", equalTo(location))
                .body("storage-credentials[0].operation", equalTo("READ_WRITE"));
        asAdmin().delete(renamed).then().statusCode(204);
        assertThat(asAdmin().head(renamed).statusCode()).isEqualTo(404);

        String full = catalog + ".s.orders";
        for (String action : List.of("CREATE_STAGING_TABLE", "CREATE_TABLE")) {
            assertThat(audit(action, full)).as(action).hasSize(1);
        }
        assertThat(audit("RENAME", catalog + ".s.sales")).hasSize(1);
        assertThat(audit("DELETE_TABLE", catalog + ".s.sales")).hasSize(1);
    }

    @Test
    void anExternalTableIsCreatedAtItsLocationAndItsPathVended() {
        String root = "file:///tmp/" + unique("external");
        asAdmin().body(Map.of("name", unique("local"), "url", root)).post(BASE + "/external-locations").then()
                .statusCode(200);
        String location = root + "/events";
        asAdmin().queryParam("location", location).queryParam("operation", "READ_WRITE")
                .get(DELTA + "/temporary-path-credentials").then().statusCode(200)
                .body("storage-credentials[0].prefix", equalTo(location));
        asAdmin().body(createBody("events", "EXTERNAL", location)).post(tables(catalog)).then().statusCode(200)
                .body("metadata.table-type", equalTo("EXTERNAL")).body("metadata.location", equalTo(location));
        asAdmin().get(tables(catalog) + "/events").then().statusCode(200)
                .body("metadata.columns.fields[0].metadata.comment", equalTo("the key"));
        // over the table now: a new table there is refused, reading takes the table's grants
        asAdmin().queryParam("location", location).queryParam("operation", "READ_WRITE")
                .get(DELTA + "/temporary-path-credentials").then().statusCode(400);
        asAdmin().queryParam("location", location).queryParam("operation", "READ")
                .get(DELTA + "/temporary-path-credentials").then().statusCode(200);
    }

    @Test
    void everyEndpointTakesTheGrantsOfTheUnityCatalogApi() {
        String stagedId = asAdmin().body(Map.of("name", "kept"))
                .post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables").then().statusCode(200)
                .extract().path("table-id");
        asAdmin().body(createBody("t", "EXTERNAL", "file:///tmp/" + unique("grants"))).post(tables(catalog))
                .then().statusCode(200);
        String table = tables(catalog) + "/t";
        String userName = unique("engine");
        String user = userWithToken(userName);

        // nothing visible: everything is missing, the schema first
        as(user).get(table).then().statusCode(404).body("error.type", equalTo("NoSuchCatalogException"));
        assertThat(as(user).head(table).statusCode()).isEqualTo(404);
        grant("catalog", catalog, userName, "USE CATALOG");
        as(user).get(table).then().statusCode(404).body("error.type", equalTo("NoSuchSchemaException"));
        as(user).body(Map.of("name", "x")).post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables")
                .then().statusCode(404).body("error.type", equalTo("NoSuchSchemaException"));
        grant("schema", catalog + ".s", userName, "USE SCHEMA");
        as(user).get(table).then().statusCode(404).body("error.type", equalTo("NoSuchTableException"));
        as(user).delete(table).then().statusCode(404);
        as(user).queryParam("operation", "READ").get(table + "/credentials").then().statusCode(404);
        // another's staging table is an unknown one
        as(user).get(DELTA + "/staging-tables/" + stagedId + "/credentials").then().statusCode(404)
                .body("error.type", equalTo("NoSuchTableException"));

        // staging and creating take CREATE TABLE
        as(user).body(Map.of("name", "x")).post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables")
                .then().statusCode(403).body("error.type", equalTo("PermissionDeniedException"));
        as(user).body(createBody("x", "EXTERNAL", "file:///tmp/" + unique("x"))).post(tables(catalog)).then()
                .statusCode(403);
        // seeing the table is not loading it: that takes SELECT
        grant("table", catalog + ".s.t", userName, "BROWSE");
        assertThat(as(user).head(table).statusCode()).isEqualTo(204);
        as(user).get(table).then().statusCode(403).body("error.type", equalTo("PermissionDeniedException"));
        grant("table", catalog + ".s.t", userName, "SELECT");
        as(user).get(table).then().statusCode(200);
        as(user).queryParam("operation", "READ").get(table + "/credentials").then().statusCode(403)
                .body("error.message", containsString("EXTERNAL USE SCHEMA"));
        grant("schema", catalog + ".s", userName, "EXTERNAL USE SCHEMA");
        as(user).queryParam("operation", "READ").get(table + "/credentials").then().statusCode(200);
        as(user).queryParam("operation", "READ_WRITE").get(table + "/credentials").then().statusCode(403)
                .body("error.message", containsString("MODIFY"));
        // renaming and dropping take ownership or MANAGE
        as(user).body(Map.of("new-name", "mine")).post(table + "/rename").then().statusCode(403);
        as(user).delete(table).then().statusCode(403);
        assertThat(asAdmin().head(table).statusCode()).isEqualTo(204);
        assertThat(audit("VEND_CREDENTIAL", catalog + ".s.t").stream().map(event -> event.get("decision")))
                .contains("ALLOW", "DENY");
    }

    static Stream<Arguments> malformed() throws IOException {
        return ErrorModelCases.rows("/delta-malformed-requests.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedInTheDeltaShapeAndChangesNothing(String name, JsonNode row) {
        String before = snapshot();
        ErrorModelCases.assertRefused(name, row, ErrorModelCases.send(DELTA, FIXTURE, row));
        assertThat(snapshot()).as("state after '%s'", name).isEqualTo(before);
    }

    /** What a refused request could have changed: the fixture's tables, and any staging table. */
    private String snapshot() {
        List<Object> all = new ArrayList<>(asAdmin().queryParam("catalog_name", FIXTURE).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables"));
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from staging_table")) {
            rows.next();
            all.add(rows.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }

    private List<Map<String, Object>> audit(String action, String securable) {
        return asAdmin().queryParam("action", action).queryParam("securable", securable).get("/api/lakeward/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("events");
    }
}
