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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Tables of refused requests for the protocols that answer {@code {"error": {"message", "type",
 * "code"}}} (the Delta and Iceberg REST APIs): a row names a method, a path and query under the
 * protocol's base ({@code {catalog}} stands for the test's fixture), a body ({@code raw} text or
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

    /** Sends the row's request as the admin, its path under {@code base}. */
    public static Response send(String base, String catalog, JsonNode row) {
        RequestSpecification spec = given().urlEncodingEnabled(false).auth().oauth2(adminToken())
                .contentType("application/json");
        try {
            if (row.has("raw")) {
                spec.body(row.get("raw").asText().getBytes(StandardCharsets.UTF_8));
            } else if (row.has("json")) {
                spec.body(JSON.writeValueAsBytes(row.get("json")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String query = row.has("query") ? "?" + row.get("query").asText().replace("{catalog}", catalog) : "";
        return spec.request(row.get("method").asText(), base + row.get("path").asText().replace("{catalog}", catalog)
                + query);
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
