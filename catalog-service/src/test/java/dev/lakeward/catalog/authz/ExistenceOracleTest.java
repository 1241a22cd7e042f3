package dev.lakeward.catalog.authz;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No endpoint that names an object tells a caller who may not see it whether it exists: for a
 * caller without grants, every row of {@code existence-oracle.json} answers an existing object
 * and missing ones (at each level of the name) with the same status and body, once the names
 * themselves are set aside. Nothing it is asked to change changes.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ExistenceOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String catalog;
    private static String tableId;
    private static String volumeId;
    private static String stranger;

    @BeforeEach
    void hiddenObjects() {
        if (catalog != null) {
            return;
        }
        catalog = unique("hidden");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        tableId = asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s", "table_type", "MANAGED",
                "columns", List.of(Map.of("name", "id", "type_name", "LONG", "type_text", "bigint")))).post(BASE + "/tables")
                .then().statusCode(200).extract().path("table_id");
        // a volume, a function and a registered model of the same name as the table: each kind is its own namespace
        volumeId = asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s",
                "volume_type", "MANAGED")).post(BASE + "/volumes").then().statusCode(200).extract().path("volume_id");
        asAdmin().body(Map.of("name", "t", "catalog_name", catalog, "schema_name", "s")).post(BASE + "/models").then()
                .statusCode(200);
        asAdmin().body(Map.of("function_info", Map.of("name", "t", "catalog_name", catalog, "schema_name", "s",
                "data_type", "INT", "full_data_type", "INT", "routine_body", "SQL", "routine_definition", "1")))
                .post(BASE + "/functions").then().statusCode(200);
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "model_name", "t", "source", "runs:/r/model"))
                .post(BASE + "/models/versions").then().statusCode(200);
        stranger = userWithToken(unique("stranger"));
    }

    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = ExistenceOracleTest.class.getResourceAsStream("/existence-oracle.json")) {
            return StreamSupport.stream(JSON.readTree(in).spliterator(), false).toList().stream()
                    .map(row -> Arguments.of(row.get("case").asText(), row));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aHiddenObjectIsAnsweredAsAMissingOne(String name, JsonNode row) {
        String absent = unique("absent");
        Answer existing = ask(row, new Names(catalog, catalog + ".s", catalog + ".s.t", tableId, volumeId));
        assertThat(existing.status()).as("status for the hidden object").isIn(200, 404);
        for (Names missing : List.of(
                new Names(absent, absent + ".s", absent + ".s.t", UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                new Names(catalog, catalog + ".nope", catalog + ".nope.t", UUID.randomUUID().toString(),
                        UUID.randomUUID().toString()),
                new Names(catalog, catalog + ".s", catalog + ".s.nope", UUID.randomUUID().toString(),
                        UUID.randomUUID().toString()))) {
            assertThat(ask(row, missing)).as("%s for %s", name, missing).isEqualTo(existing);
        }
        for (String kind : List.of("tables", "volumes", "functions", "models")) {
            asAdmin().get(BASE + "/" + kind + "/" + catalog + ".s.t").then().statusCode(200)
                    .body("comment", org.hamcrest.Matchers.nullValue());
        }
        asAdmin().get(BASE + "/models/" + catalog + ".s.t/versions/1").then().statusCode(200)
                .body("status", equalTo("PENDING_REGISTRATION")).body("comment", org.hamcrest.Matchers.nullValue());
    }

    /** What the names of one variant are, for the placeholders of a row. */
    private record Names(String catalog, String schema, String table, String tableId, String volumeId) {

        String fill(String text) {
            return text.replace("{catalog}", catalog).replace("{schema_catalog}", schema.substring(0, schema.indexOf('.')))
                    .replace("{schema_name}", schema.substring(schema.indexOf('.') + 1)).replace("{schema}", schema)
                    .replace("{table_id}", tableId).replace("{volume_id}", volumeId)
                    .replace("{table_name}", table.substring(table.lastIndexOf('.') + 1)).replace("{table}", table);
        }

        /** The answer with this variant's names (table, schema, catalog, ids: longest first) set aside. */
        String anonymize(String text) {
            return text.replace(table, "<table>").replace(schema, "<schema>").replace(catalog, "<catalog>")
                    .replace(tableId, "<id>").replace(volumeId, "<id>");
        }
    }

    private record Answer(int status, String body) {
    }

    private static Answer ask(JsonNode row, Names names) {
        RequestSpecification request = as(stranger);
        if (row.has("body")) {
            request = request.body(names.fill(row.get("body").toString()));
        }
        Response response = request.request(row.get("method").asText(), names.fill(row.get("path").asText()));
        return new Answer(response.statusCode(), names.anonymize(response.asString()));
    }
}
