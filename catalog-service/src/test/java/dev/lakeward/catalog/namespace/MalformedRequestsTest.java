package dev.lakeward.catalog.namespace;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code malformed-requests.json} is a client mistake: it must get its 4xx and
 * Unity Catalog error code, never a 5xx, and must leave the namespace exactly as it was.
 * In the rows, {@code {catalog}} names a fixture catalog (with schema {@code s} and table
 * {@code s.t}) and a string {@code "<xN>"} stands for N characters.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MalformedRequestsTest {

    private static final String CATALOG = "malformed_fixture";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("<x(\\d+)>");

    @BeforeEach
    void fixture() {
        if (asAdmin().get(BASE + "/catalogs/" + CATALOG).statusCode() == 404) {
            asAdmin().body(Map.of("name", CATALOG)).post(BASE + "/catalogs").then().statusCode(200);
            asAdmin().body(Map.of("name", "s", "catalog_name", CATALOG)).post(BASE + "/schemas").then().statusCode(200);
            asAdmin().body(Map.of("name", "t", "catalog_name", CATALOG, "schema_name", "s", "table_type", "MANAGED",
                    "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
        }
    }

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = MalformedRequestsTest.class.getResourceAsStream("/malformed-requests.json")) {
            JsonNode rows = JSON.readTree(in);
            return StreamSupport.stream(rows.spliterator(), false)
                    .map(row -> Arguments.of(row.get("case").asText(), row));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsErrorAndChangesNothing(String name, JsonNode row) throws IOException {
        String before = namespaceSnapshot();

        Response response = request(row).request(row.get("method").asText(),
                BASE + row.get("path").asText().replace("{catalog}", CATALOG));

        assertThat(response.statusCode()).as("status of '%s'", name).isEqualTo(row.get("status").asInt());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error_code")).isEqualTo(row.get("error_code").asText());
        assertThat(response.jsonPath().getString("message")).isNotBlank();
        if (row.has("message")) {
            assertThat(response.jsonPath().getString("message")).isEqualTo(row.get("message").asText());
        }
        assertThat(namespaceSnapshot()).as("namespace after '%s'", name).isEqualTo(before);
    }

    private static RequestSpecification request(JsonNode row) throws IOException {
        RequestSpecification spec = given().auth().oauth2(adminToken())
                .config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(row.has("content_type") ? row.get("content_type").asText() : "application/json");
        if (row.has("raw")) {
            return spec.body(row.get("raw").asText());
        }
        if (row.has("json")) {
            return spec.body(JSON.writeValueAsString(expand(row.get("json"))));
        }
        return spec;
    }

    /** Replaces {@code {catalog}} and {@code <xN>} in string values. */
    private static JsonNode expand(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText().replace("{catalog}", CATALOG);
            Matcher repeat = REPEAT.matcher(text);
            return new TextNode(repeat.matches() ? "x".repeat(Integer.parseInt(repeat.group(1))) : text);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), expand(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(expand(item)));
            return copy;
        }
        return node;
    }

    /** Every catalog, and everything in the fixture catalog, as the API shows them. */
    private static String namespaceSnapshot() {
        List<Object> all = new ArrayList<>();
        String token = null;
        do {
            RequestSpecification spec = asAdmin();
            if (token != null) {
                spec.queryParam("page_token", token);
            }
            Response page = spec.get(BASE + "/catalogs");
            all.addAll(page.jsonPath().getList("catalogs"));
            token = page.jsonPath().getString("next_page_token");
        } while (token != null);
        all.add(asAdmin().queryParam("catalog_name", CATALOG).get(BASE + "/schemas").jsonPath().getList("schemas"));
        all.add(asAdmin().queryParam("catalog_name", CATALOG).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables"));
        return all.toString();
    }
}
