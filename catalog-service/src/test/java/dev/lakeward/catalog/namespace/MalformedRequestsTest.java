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
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code malformed-requests.json} is a client mistake: it must get its 4xx and error
 * code (Unity Catalog's shape, or SCIM's for rows with {@code "scim": true}), a message naming the
 * problem, never a 5xx, and must leave everything as it was: the namespace, principals, grants,
 * tokens, storage credentials and external locations.
 *
 * <p>A row's {@code path} is under {@code base} (Unity Catalog's API when absent) and sent as
 * written, percent-encoding included, with the raw {@code query}, and the {@code headers}; it is
 * sent as the admin, or {@code "as": "deactivated"} (a deactivated user's own token) or
 * {@code "as": "nobody"} (no credentials). The fixture also holds a service principal
 * {@code malformed-sp}. In rows, {@code {catalog}} names a fixture catalog (with
 * schema {@code s} and table {@code s.t}), {@code {page_token}} is a real page token (of the
 * catalogs' listing), {@code {cut_token}} and {@code {altered_token}} the same cut short and with
 * one character changed, and a string {@code "<xN>"} stands for
 * N characters. {@code message} is the whole expected message, {@code message_contains} a part of it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class MalformedRequestsTest {

    private static final String CATALOG = "malformed_fixture";
    private static final String DEACTIVATED = "malformed-deactivated@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("<x(\\d+)>");

    private static String deactivatedToken;
    private static String pageToken;

    @Inject
    DataSource database;

    @BeforeEach
    void fixture() {
        if (asAdmin().get(BASE + "/catalogs/" + CATALOG).statusCode() == 404) {
            asAdmin().body(Map.of("name", CATALOG)).post(BASE + "/catalogs").then().statusCode(200);
            asAdmin().body(Map.of("name", "s", "catalog_name", CATALOG)).post(BASE + "/schemas").then().statusCode(200);
            asAdmin().body(Map.of("name", "t", "catalog_name", CATALOG, "schema_name", "s", "table_type", "MANAGED",
                    "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
            asAdmin().body(Map.of("name", "malformed_fixture_two")).post(BASE + "/catalogs").then().statusCode(200);
            asAdmin().body(Map.of("type", "SERVICE_PRINCIPAL", "name", "malformed-sp"))
                    .post("/api/lakeward/v1/principals").then().statusCode(200);
            asAdmin().contentType("application/scim+json").body(Map.of("schemas",
                            List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", DEACTIVATED, "active", false))
                    .post("/scim/v2/Users").then().statusCode(201);
            deactivatedToken = asAdmin().body("{}").post("/api/lakeward/v1/principals/" + DEACTIVATED + "/tokens")
                    .then().statusCode(200).extract().path("token_value");
            pageToken = asAdmin().queryParam("max_results", 1).get(BASE + "/catalogs").then().statusCode(200)
                    .extract().path("next_page_token");
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
        String before = snapshot();

        String base = row.has("base") ? row.get("base").asText() : BASE;
        String query = row.has("query") ? "?" + placeholders(row.get("query").asText()) : "";
        Response response = request(row).request(row.get("method").asText(),
                base + placeholders(row.get("path").asText()) + query);

        assertThat(response.statusCode()).as("status of '%s': %s", name, response.asString())
                .isEqualTo(row.get("status").asInt());
        String message;
        if (row.path("scim").asBoolean()) {
            assertThat(response.contentType()).startsWith("application/scim+json");
            assertThat(response.jsonPath().getList("schemas")).containsExactly("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(response.jsonPath().getString("status")).isEqualTo(row.get("status").asText());
            assertThat(response.jsonPath().getString("scimType")).isEqualTo(row.path("scim_type").textValue());
            message = response.jsonPath().getString("detail");
        } else {
            assertThat(response.contentType()).startsWith("application/json");
            assertThat(response.jsonPath().getString("error_code")).isEqualTo(row.get("error_code").asText());
            message = response.jsonPath().getString("message");
        }
        assertThat(message).isNotBlank();
        if (row.has("message")) {
            assertThat(message).isEqualTo(row.get("message").asText());
        }
        if (row.has("message_contains")) {
            assertThat(message).contains(row.get("message_contains").asText());
        }
        assertThat(snapshot()).as("state after '%s'", name).isEqualTo(before);
    }

    private static RequestSpecification request(JsonNode row) throws IOException {
        RequestSpecification spec = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(row.has("content_type") ? row.get("content_type").asText() : "application/json");
        switch (row.path("as").asText("admin")) {
            case "admin" -> spec.auth().oauth2(adminToken());
            case "deactivated" -> spec.auth().oauth2(deactivatedToken);
            case "nobody" -> {
            }
            default -> throw new IllegalArgumentException("unknown caller " + row.get("as"));
        }
        row.path("headers").fields().forEachRemaining(h -> spec.header(h.getKey(), h.getValue().asText()));
        // bytes, so that a body is UTF-8 whatever its content type (RestAssured's default for others is ISO-8859-1)
        if (row.has("raw")) {
            return spec.body(row.get("raw").asText().getBytes(StandardCharsets.UTF_8));
        }
        if (row.has("json")) {
            return spec.body(JSON.writeValueAsBytes(expand(row.get("json"))));
        }
        return spec;
    }

    private static String placeholders(String text) {
        int last = pageToken.length() - 1;
        char changed = pageToken.charAt(0) == 'A' ? 'B' : 'A';
        return text.replace("{catalog}", CATALOG)
                .replace("{page_token}", pageToken)
                .replace("{cut_token}", pageToken.substring(0, last))
                .replace("{altered_token}", changed + pageToken.substring(1));
    }

    /** Replaces the placeholders and {@code <xN>} in string values. */
    private static JsonNode expand(JsonNode node) {
        if (node.isTextual()) {
            String text = placeholders(node.asText());
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

    /**
     * What a row could change, as the API shows it: every catalog, everything in the fixture
     * catalog and its grants, every principal, credential and external location, the admin's
     * tokens; and every token and staging table of anyone, counted in the database.
     */
    private String snapshot() {
        List<Object> all = new ArrayList<>();
        all.addAll(everyPage(BASE + "/catalogs", "catalogs"));
        all.add(asAdmin().queryParam("catalog_name", CATALOG).get(BASE + "/schemas").jsonPath().getList("schemas"));
        all.add(asAdmin().queryParam("catalog_name", CATALOG).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables"));
        all.add(asAdmin().get(BASE + "/permissions/catalog/" + CATALOG).jsonPath().getList("privilege_assignments"));
        all.add(asAdmin().get(BASE + "/permissions/table/" + CATALOG + ".s.t").jsonPath().getList("privilege_assignments"));
        all.addAll(everyPage("/api/lakeward/v1/principals", "principals"));
        all.addAll(everyPage(BASE + "/credentials", "credentials"));
        all.addAll(everyPage(BASE + "/external-locations", "external_locations"));
        all.add(asAdmin().get("/api/2.0/token/list").jsonPath().getList("token_infos"));
        all.add(count("select count(*) from access_token"));
        all.add(count("select count(*) from staging_table"));
        return all.toString();
    }

    private static List<Object> everyPage(String path, String field) {
        List<Object> all = new ArrayList<>();
        String token = null;
        do {
            RequestSpecification spec = asAdmin();
            if (token != null) {
                spec.queryParam("page_token", token);
            }
            Response page = spec.get(path);
            assertThat(page.statusCode()).as("listing %s", path).isEqualTo(200);
            all.addAll(page.jsonPath().getList(field));
            token = page.jsonPath().getString("next_page_token");
        } while (token != null);
        return all;
    }

    private long count(String sql) {
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
