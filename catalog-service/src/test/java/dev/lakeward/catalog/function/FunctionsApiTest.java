package dev.lakeward.catalog.function;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.everyFullPage;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.revoke;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Functions through Unity Catalog's REST API: their lifecycle, signatures, grants and listings. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FunctionsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String catalog;

    @BeforeEach
    void createSchema() {
        catalog = unique("fn");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
    }

    @Test
    void sqlAndPythonFunctionsAreCreatedReadListedAndDeleted() {
        JsonPath sql = asAdmin().body(Map.of("function_info", sqlFunction("Add_Tax"))).post(BASE + "/functions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sql.getString("full_name")).isEqualTo(catalog + ".s.add_tax");
        assertThat(sql.getString("catalog_name")).isEqualTo(catalog);
        assertThat(sql.getString("schema_name")).isEqualTo("s");
        assertThat(sql.getString("data_type")).isEqualTo("DOUBLE");
        assertThat(sql.getString("routine_body")).isEqualTo("SQL");
        assertThat(sql.getString("routine_definition")).isEqualTo("price * (1 + rate)");
        assertThat(sql.getList("input_params.parameters.name")).containsExactly("price", "Rate");
        assertThat(sql.getString("input_params.parameters[1].parameter_default")).isEqualTo("0.2");
        assertThat(sql.getInt("input_params.parameters[0].type_precision")).isEqualTo(10);
        assertThat(sql.getString("sql_data_access")).isEqualTo("CONTAINS_SQL");
        assertThat(sql.getBoolean("is_deterministic")).isTrue();
        assertThat(sql.getString("properties")).isEqualTo("{\"team\":\"finance\"}");
        assertThat(sql.getString("routine_dependencies.dependencies[0].table.table_full_name"))
                .isEqualTo(catalog + ".s.rates");
        assertThat(sql.getString("owner")).isEqualTo("admin");
        assertThat(sql.getString("function_id")).isNotBlank();
        assertThat(sql.getLong("created_at")).isPositive();

        Map<String, Object> python = new HashMap<>(Map.of("name", "greet", "catalog_name", catalog,
                "schema_name", "s", "data_type", "STRING", "full_data_type", "STRING", "routine_body", "EXTERNAL",
                "external_language", "PYTHON", "routine_definition", "return 'hello ' + who",
                "sql_data_access", "NO_SQL", "input_params", Map.of("parameters", List.of(Map.of("name", "who",
                        "type_text", "string", "type_name", "STRING", "position", 0, "parameter_mode", "IN",
                        "parameter_type", "PARAM")))));
        asAdmin().body(Map.of("function_info", python)).post(BASE + "/functions").then().statusCode(200)
                .body("external_language", equalTo("PYTHON")).body("routine_body", equalTo("EXTERNAL"));
        asAdmin().body(Map.of("function_info", sqlFunction("ADD_TAX"))).post(BASE + "/functions").then()
                .statusCode(409).body("error_code", equalTo("ALREADY_EXISTS"))
                .body("message", equalTo("Function '" + catalog + ".s.add_tax' already exists."));

        asAdmin().get(BASE + "/functions/" + catalog + ".S.Add_Tax").then().statusCode(200)
                .body("function_id", equalTo(sql.getString("function_id")))
                .body("input_params.parameters[0].type_name", equalTo("DECIMAL"));
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/functions").then()
                .statusCode(200).body("functions.name", equalTo(List.of("add_tax", "greet")));

        asAdmin().delete(BASE + "/functions/" + catalog + ".s.add_tax").then().statusCode(200);
        asAdmin().get(BASE + "/functions/" + catalog + ".s.add_tax").then().statusCode(404)
                .body("error_code", equalTo("NOT_FOUND"))
                .body("message", equalTo("Function '" + catalog + ".s.add_tax' does not exist."));
        asAdmin().delete(BASE + "/functions/" + catalog + ".s.add_tax").then().statusCode(404);
        for (String action : List.of("CREATE_FUNCTION", "DELETE_FUNCTION")) {
            asAdmin().queryParam("action", action).queryParam("securable", catalog + ".s.add_tax")
                    .get("/api/lakeward/v1/audit").then().statusCode(200).body("events.size()", equalTo(1));
        }
    }

    @Test
    void aTableFunctionReturnsItsColumns() {
        Map<String, Object> function = sqlFunction("top_orders");
        function.put("data_type", "TABLE_TYPE");
        function.put("full_data_type", "TABLE(id BIGINT, total DOUBLE)");
        function.put("return_params", Map.of("parameters", List.of(
                Map.of("name", "id", "type_text", "bigint", "type_name", "LONG", "position", 0,
                        "parameter_type", "COLUMN"),
                Map.of("name", "total", "type_text", "double", "type_name", "DOUBLE", "position", 1,
                        "parameter_type", "COLUMN"))));
        asAdmin().body(Map.of("function_info", function)).post(BASE + "/functions").then().statusCode(200);
        asAdmin().get(BASE + "/functions/" + catalog + ".s.top_orders").then().statusCode(200)
                .body("data_type", equalTo("TABLE_TYPE"))
                .body("return_params.parameters.name", equalTo(List.of("id", "total")));
    }

    @Test
    void creatingTakesCreateFunctionOnTheSchemaAndTheCreatorOwnsTheFunction() {
        String user = unique("author");
        String token = userWithToken(user);
        // the schema hidden: answered as a missing one
        as(token).body(Map.of("function_info", sqlFunction("f"))).post(BASE + "/functions").then().statusCode(404)
                .body("error_code", equalTo("NOT_FOUND"));
        grant("catalog", catalog, user, "USE CATALOG");
        as(token).body(Map.of("function_info", sqlFunction("f"))).post(BASE + "/functions").then().statusCode(404)
                .body("message", equalTo("Schema '" + catalog + ".s' does not exist."));
        grant("schema", catalog + ".s", user, "USE SCHEMA");
        as(token).body(Map.of("function_info", sqlFunction("f"))).post(BASE + "/functions").then().statusCode(403)
                .body("error_code", equalTo("PERMISSION_DENIED"));
        grant("schema", catalog + ".s", user, "CREATE FUNCTION");
        as(token).body(Map.of("function_info", sqlFunction("f"))).post(BASE + "/functions").then().statusCode(200)
                .body("owner", equalTo(user));
        // the owner sees what it created with no grant on it, and hands it over as Databricks' update does
        as(token).get(BASE + "/functions/" + catalog + ".s.f").then().statusCode(200);
        as(token).body(Map.of()).patch(BASE + "/functions/" + catalog + ".s.f").then().statusCode(400);
        as(token).body(Map.of("owner", "nobody_" + catalog)).patch(BASE + "/functions/" + catalog + ".s.f").then()
                .statusCode(400);
        as(token).body(Map.of("owner", "admin")).patch(BASE + "/functions/" + catalog + ".s.f").then().statusCode(200)
                .body("owner", equalTo("admin"));
        // handed over, it is no longer the former owner's to see
        as(token).body(Map.of("owner", user)).patch(BASE + "/functions/" + catalog + ".s.f").then().statusCode(404);
        asAdmin().queryParam("action", "TRANSFER_OWNERSHIP").queryParam("securable", catalog + ".s.f")
                .get("/api/lakeward/v1/audit").then().statusCode(200).body("events.size()", equalTo(1));
        asAdmin().body(Map.of("owner", user)).patch(BASE + "/functions/" + catalog + ".s.f").then().statusCode(200);
        as(token).delete(BASE + "/functions/" + catalog + ".s.f").then().statusCode(200);
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/functions").then()
                .statusCode(200).body("functions.size()", equalTo(0));
    }

    @Test
    void executeOrBrowseAnywhereOnThePathShowsAFunctionAndRevocationHidesItAtOnce() {
        asAdmin().body(Map.of("function_info", sqlFunction("f"))).post(BASE + "/functions").then().statusCode(200);
        String user = unique("caller");
        String token = userWithToken(user);
        String function = catalog + ".s.f";
        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA");
        String hidden = as(token).get(BASE + "/functions/" + function).then().statusCode(404).extract().asString();
        assertThat(hidden).isEqualTo(as(token).get(BASE + "/functions/" + catalog + ".s.nope").then().statusCode(404)
                .extract().asString().replace("nope", "f"));

        grant("schema", catalog + ".s", user, "EXECUTE");
        as(token).get(BASE + "/functions/" + function).then().statusCode(200);
        as(token).delete(BASE + "/functions/" + function).then().statusCode(403);
        revoke("schema", catalog + ".s", user, "EXECUTE");
        as(token).get(BASE + "/functions/" + function).then().statusCode(404);

        grant("catalog", catalog, user, "EXECUTE");
        as(token).get(BASE + "/functions/" + function).then().statusCode(200);
        asAdmin().queryParam("principal", user).get(BASE + "/effective-permissions/function/" + function).then()
                .statusCode(200).body("privilege_assignments[0].privileges.privilege", equalTo(List.of("EXECUTE")))
                .body("privilege_assignments[0].privileges.inherited_from_name", equalTo(List.of(catalog)));
        revoke("catalog", catalog, user, "EXECUTE");
        as(token).get(BASE + "/functions/" + function).then().statusCode(404);

        grant("function", function, user, "BROWSE");
        as(token).get(BASE + "/functions/" + function).then().statusCode(200);
        as(token).queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/functions").then()
                .statusCode(200).body("functions.name", equalTo(List.of("f")));
        revoke("function", function, user, "BROWSE");
        as(token).queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/functions").then()
                .statusCode(200).body("functions.size()", equalTo(0));
    }

    @Test
    void listingsArePagedAndFilteredToWhatTheCallerMaySeeInFullPages() {
        for (int i = 0; i < 7; i++) {
            asAdmin().body(Map.of("function_info", sqlFunction(String.format("f%02d", i)))).post(BASE + "/functions")
                    .then().statusCode(200);
        }
        String user = unique("lister");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG", "USE SCHEMA");
        for (int i = 0; i < 7; i += 3) {
            grant("function", catalog + ".s." + String.format("f%02d", i), user, "EXECUTE");
        }
        assertThat(everyPage(token)).containsExactly("f00", "f03", "f06");
        assertThat(everyPage(adminToken())).containsExactly("f00", "f01", "f02", "f03", "f04", "f05", "f06");
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").queryParam("max_results", -1)
                .get(BASE + "/functions").then().statusCode(400).body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
    }

    @Test
    void aSchemaHoldingAFunctionIsNotEmptyAndForceTakesTheFunction() {
        asAdmin().body(Map.of("function_info", sqlFunction("f"))).post(BASE + "/functions").then().statusCode(200);
        asAdmin().delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"));
        asAdmin().queryParam("force", true).delete(BASE + "/schemas/" + catalog + ".s").then().statusCode(200);
        asAdmin().get(BASE + "/functions/" + catalog + ".s.f").then().statusCode(404);
    }

    static Stream<Arguments> malformed() throws IOException {
        try (InputStream in = FunctionsApiTest.class.getResourceAsStream("/function-malformed-requests.json")) {
            return StreamSupport.stream(JSON.readTree(in).spliterator(), false).toList().stream()
                    .map(row -> Arguments.of(row.get("case").asText(), row));
        }
    }

    /** Each row of {@code function-malformed-requests.json}: a valid function, changed as the row says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedFunctionIsRefusedWithItsErrorAndNothingIsCreated(String name, JsonNode row) throws IOException {
        String body;
        if (row.has("raw")) {
            body = row.get("raw").asText();
        } else if (row.has("body")) {
            body = row.get("body").toString();
        } else {
            ObjectNode function = JSON.valueToTree(sqlFunction("bad"));
            row.path("remove").forEach(field -> function.remove(field.asText()));
            row.path("set").fields().forEachRemaining(field -> function.set(field.getKey(), field.getValue()));
            body = JSON.writeValueAsString(Map.of("function_info", function));
        }
        Response response = asAdmin().body(body).post(BASE + "/functions");

        assertThat(response.statusCode()).as("status of '%s': %s", name, response.asString())
                .isEqualTo(row.get("status").asInt());
        assertThat(response.jsonPath().getString("error_code")).isEqualTo(row.get("error_code").asText());
        assertThat(response.jsonPath().getString("message")).isNotBlank()
                .contains(row.path("message_contains").asText(""));
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/functions").then()
                .statusCode(200).body("functions.size()", equalTo(0));
        asAdmin().queryParam("action", "CREATE_FUNCTION").queryParam("decision", "ALLOW")
                .queryParam("securable", catalog + ".s.bad").get("/api/lakeward/v1/audit").then().statusCode(200)
                .body("events.size()", equalTo(0));
    }

    @Test
    void aFunctionFarPastAnyRealOnesSizeIsRefused() {
        Map<String, Object> longBody = sqlFunction("long");
        longBody.put("routine_definition", "x".repeat(256 * 1024 + 1));
        Map<String, Object> longType = sqlFunction("wide");
        longType.put("full_data_type", "D".repeat(16 * 1024 + 1));
        Map<String, Object> manyParameters = sqlFunction("many");
        List<Map<String, Object>> parameters = new java.util.ArrayList<>();
        for (int i = 0; i <= 1_000; i++) {
            parameters.add(Map.of("name", "p" + i, "type_text", "int", "type_name", "INT", "position", i));
        }
        manyParameters.put("input_params", Map.of("parameters", parameters));
        for (Map<String, Object> function : List.of(longBody, longType, manyParameters)) {
            asAdmin().body(Map.of("function_info", function)).post(BASE + "/functions").then().statusCode(400)
                    .body("error_code", equalTo("INVALID_PARAMETER_VALUE"))
                    .body("message", org.hamcrest.Matchers.containsString("at most"));
        }
        asAdmin().queryParam("catalog_name", catalog).queryParam("schema_name", "s").get(BASE + "/functions").then()
                .statusCode(200).body("functions.size()", equalTo(0));
    }

    private List<String> everyPage(String token) {
        return everyFullPage(token, BASE + "/functions", Map.of("catalog_name", catalog, "schema_name", "s"), 1,
                "functions.name");
    }

    /** A SQL scalar function of two parameters, as a Unity Catalog client sends it. */
    private Map<String, Object> sqlFunction(String name) {
        Map<String, Object> function = new HashMap<>();
        function.put("name", name);
        function.put("catalog_name", catalog);
        function.put("schema_name", "s");
        function.put("input_params", Map.of("parameters", List.of(
                Map.of("name", "price", "type_text", "decimal(10,2)", "type_name", "DECIMAL", "type_precision", 10,
                        "type_scale", 2, "position", 0, "parameter_mode", "IN", "parameter_type", "PARAM"),
                Map.of("name", "Rate", "type_text", "double", "type_name", "DOUBLE", "position", 1,
                        "parameter_default", "0.2", "comment", "tax rate"))));
        function.put("data_type", "DOUBLE");
        function.put("full_data_type", "DOUBLE");
        function.put("routine_body", "SQL");
        function.put("routine_definition", "price * (1 + rate)");
        function.put("routine_dependencies", Map.of("dependencies", List.of(Map.of("table",
                Map.of("table_full_name", catalog + ".S.Rates")))));
        function.put("parameter_style", "S");
        function.put("is_deterministic", true);
        function.put("sql_data_access", "CONTAINS_SQL");
        function.put("is_null_call", false);
        function.put("security_type", "DEFINER");
        function.put("specific_name", name);
        function.put("comment", "adds tax");
        function.put("properties", "{\"team\": \"finance\"}");
        return function;
    }
}
