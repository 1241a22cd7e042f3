package dev.lakeward.catalog.sample;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.TableFixtures;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/lakeward/v1/tables/{full_name}/sample} on a Delta table written into a managed
 * table's storage: who may read rows, who is refused and how, the bounds, and the audit trail.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class SampleApiTest {

    private static final StructType SCHEMA = new StructType().add("id", IntegerType.INTEGER).add("name", StringType.STRING);
    private static final List<Map<String, Object>> COLUMNS = List.of(
            Map.of("name", "id", "type_name", "INT", "type_text", "int", "position", 0),
            Map.of("name", "name", "type_name", "STRING", "type_text", "string", "position", 1));

    private String catalog;
    private String table;

    @BeforeEach
    void deltaTableWithThreeRows() {
        catalog = unique("sample");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        String location = asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s",
                "table_type", "MANAGED", "data_source_format", "DELTA", "columns", COLUMNS)).post(BASE + "/tables")
                .then().statusCode(200).extract().path("storage_location");
        TableFixtures.delta(Path.of(URI.create(location)), SCHEMA)
                .append(List.of(new Object[] {1, "one"}, new Object[] {2, "two"}))
                .append(List.<Object[]>of(new Object[] {3, "three"}));
        table = catalog + ".s.t";
    }

    @Test
    void aSelectHolderGetsTheFirstRows() {
        String readerName = unique("reader");
        String reader = userWithToken(readerName);
        // SELECT with its USE path: the service reads within the platform, so no EXTERNAL USE SCHEMA
        grant("catalog", catalog, readerName, "USE CATALOG");
        grant("schema", catalog + ".s", readerName, "USE SCHEMA");
        grant("table", table, readerName, "SELECT");

        JsonPath all = as(reader).get(sample(table)).then().statusCode(200)
                .body("columns.name", equalTo(List.of("id", "name")))
                .body("columns.type_text", equalTo(List.of("int", "string")))
                .body("truncated", equalTo(false)).body("no_data", equalTo(false)).body("version", equalTo(1))
                .extract().jsonPath();
        assertThat(all.getList("rows")).hasSize(3).contains(List.of(3, "three"));
        as(reader).queryParam("limit", 2).get(sample(table)).then().statusCode(200)
                .body("rows.size()", equalTo(2)).body("truncated", equalTo(true));

        String audit = asAdmin().queryParam("principal", readerName).queryParam("action", "SAMPLE_TABLE")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains(table).contains("ALLOW").doesNotContain("DENY");
        // the files were read through the table's own vended credential, as an engine's would be
        assertThat(asAdmin().queryParam("principal", readerName).queryParam("action", "VEND_CREDENTIAL")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString()).contains(table);
    }

    @Test
    void aCallerWhoMaySeeButNotSelectIsRefusedAndTheRefusalAudited() {
        String browserName = unique("browser");
        String browser = userWithToken(browserName);
        grant("table", table, browserName, "BROWSE");
        as(browser).get(BASE + "/tables/" + table).then().statusCode(200);

        as(browser).get(sample(table)).then().statusCode(403).body("error_code", equalTo("PERMISSION_DENIED"))
                .body("message", equalTo("User " + browserName + " does not have USE CATALOG on catalog '" + catalog + "'"));
        grant("catalog", catalog, browserName, "USE CATALOG");
        grant("schema", catalog + ".s", browserName, "USE SCHEMA");
        as(browser).get(sample(table)).then().statusCode(403)
                .body("message", equalTo("User " + browserName + " does not have SELECT on table '" + table + "'"));

        String audit = asAdmin().queryParam("principal", browserName).queryParam("action", "SAMPLE_TABLE")
                .queryParam("decision", "DENY").get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString();
        assertThat(audit).contains(table);
        assertThat(asAdmin().queryParam("principal", browserName).queryParam("action", "VEND_CREDENTIAL")
                .get("/api/lakeward/v1/audit").then().statusCode(200).extract().asString())
                .as("nothing was vended").doesNotContain(table);
    }

    @Test
    void aTableTheCallerMayNotSeeIsAnsweredAsAMissingOne() {
        String stranger = userWithToken(unique("stranger"));

        String hidden = as(stranger).get(sample(table)).then().statusCode(404).extract().asString();
        String missing = as(stranger).get(sample(catalog + ".s.nope")).then().statusCode(404).extract().asString();

        assertThat(hidden).isEqualTo(missing);
    }

    @Test
    void theLimitIsBounded() {
        for (String limit : List.of("0", "1001", "-1", "many")) {
            asAdmin().queryParam("limit", limit).get(sample(table)).then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE")).body("message", containsString("1000"));
        }
        asAdmin().queryParam("limit", 1000).get(sample(table)).then().statusCode(200).body("rows.size()", equalTo(3));
    }

    @Test
    void aFormatThatCannotBeSampledIsAClearRefusal() {
        asAdmin().body(Map.of("name", "csv", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "data_source_format", "CSV", "columns", COLUMNS)).post(BASE + "/tables").then().statusCode(200);

        asAdmin().get(sample(catalog + ".s.csv")).then().statusCode(400).body("error_code", equalTo("FAILED_PRECONDITION"))
                .body("message", containsString("stored as CSV, which cannot be sampled"));
    }

    private static String sample(String fullName) {
        return "/api/lakeward/v1/tables/" + fullName + "/sample";
    }
}
