package dev.lakeward.catalog.function;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A function's {@code properties} is JSON serialized into a string: the edge judges the body's
 * text before the string is decoded, so what the decoded object holds must be judged as the edge
 * judges a body (no control character, each key once, nothing after the object), as a 400, with
 * nothing stored.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class FunctionPropertiesTest {

    private String catalog;

    @BeforeEach
    void createSchema() {
        catalog = unique("fnprops");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"k\": \"a\\u0000b\"}",
        "{\"a\\u0000\": \"v\"}",
        "{\"a\\u0007\": \"v\"}",
        "{\"k\": \"v\\u0001\"}",
        "{\"k\": \"v\", \"k\": \"w\"}",
        "{\"k\": \"v\"} and more"
    })
    void propertiesTheEdgeWouldRefuseInABodyAreRefusedAndNothingIsStored(String serialized) {
        Map<String, Object> function = new HashMap<>(Map.of("name", "f", "catalog_name", catalog, "schema_name", "s",
                "data_type", "INT", "full_data_type", "INT", "routine_body", "SQL", "routine_definition", "1"));
        function.put("properties", serialized);
        asAdmin().body(Map.of("function_info", function)).post(BASE + "/functions").then().statusCode(400)
                .body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        asAdmin().get(BASE + "/functions/" + catalog + ".s.f").then().statusCode(404);
    }
}
