package dev.lakeward.catalog.support;

import static dev.lakeward.catalog.support.Api.adminToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Tables of refused requests for the protocols that answer {@code {"error": {"message", "type",
 * "code"}}} (the Delta and Iceberg REST APIs): a row names a method, a path and query under the
 * protocol's base (placeholders such as {@code {catalog}} stand for the test's values), a body ({@code raw} text or
 * {@code json}), and the status and type expected, with {@code message} or {@code message_contains}.
 */
public final class ErrorModelCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorModelCases() {
    }

    /** The rows of a resource, each as (case name, row), for a parameterized test. */
    public static Stream<Arguments> rows(String resource) throws IOException {
        try (InputStream in = ErrorModelCases.class.getResourceAsStream(resource)) {
            return StreamSupport.stream(JSON.readTree(in).spliterator(), false)
                    .map(row -> Arguments.of(row.get("case").asText(), row));
        }
    }

    /**
     * Sends the row's request as the admin, its path under {@code base}, each placeholder (such as
     * {@code {catalog}}) replaced in its path, query and body by the test's value.
     */
    public static Response send(String base, Map<String, String> placeholders, JsonNode row) {
        RequestSpecification spec = given().urlEncodingEnabled(false).auth().oauth2(adminToken())
                .contentType("application/json");
        try {
            if (row.has("raw")) {
                spec.body(fill(row.get("raw").asText(), placeholders).getBytes(StandardCharsets.UTF_8));
            } else if (row.has("json")) {
                spec.body(fill(JSON.writeValueAsString(row.get("json")), placeholders).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String query = row.has("query") ? "?" + fill(row.get("query").asText(), placeholders) : "";
        return spec.request(row.get("method").asText(), base + fill(row.get("path").asText(), placeholders) + query);
    }

    private static String fill(String text, Map<String, String> placeholders) {
        String filled = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace(placeholder.getKey(), placeholder.getValue());
        }
        return filled;
    }

    /** The answer is the row's refusal, in the error model. */
    public static void assertRefused(String name, JsonNode row, Response response) {
        assertThat(response.statusCode()).as("status of '%s': %s", name, response.asString())
                .isEqualTo(row.get("status").asInt());
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.jsonPath().getString("error.type")).as("type of '%s': %s", name, response.asString())
                .isEqualTo(row.get("type").asText());
        assertThat(response.jsonPath().getInt("error.code")).isEqualTo(row.get("status").asInt());
        String message = response.jsonPath().getString("error.message");
        assertThat(message).isNotBlank();
        if (row.has("message")) {
            assertThat(message).isEqualTo(row.get("message").asText());
        }
        if (row.has("message_contains")) {
            assertThat(message).contains(row.get("message_contains").asText());
        }
    }
}
