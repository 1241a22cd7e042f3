package dev.lakeward.catalog.error;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} against Unity Catalog's {@code all.yaml}, for every path and method both
 * have: the request body's and the 200 response's properties, walked side by side through $refs,
 * nested objects and arrays, with their types and enum values. Every property Lakeward documents
 * must be in the reference, and every property of the reference must be documented, but for the
 * deliberate differences listed, with why, in {@code openapi-differences.json} (a listed difference
 * that no longer occurs fails too, so the list stays true). Then the bearer scheme on every
 * operation, the error responses in Unity Catalog's shape, and answers of the running service
 * whose every field is documented.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OpenApiContractTest {

    private static final Path REFERENCE = Path.of("..", "..", "shared", "reference", "unity-catalog", "all.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    private static JsonNode lakeward;
    private static JsonNode reference;

    /** Once per class; RestAssured knows the service's port only once Quarkus has started. */
    @BeforeEach
    void documents() throws IOException {
        if (lakeward != null) {
            return;
        }
        lakeward = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        reference = new YAMLMapper().readTree(REFERENCE.toFile());
    }

    private enum Side {
        REQUEST("readOnly"), RESPONSE("writeOnly");

        /** The flag that keeps a property out of this side (a secret is written, never read). */
        final String excludedBy;

        Side(String excludedBy) {
            this.excludedBy = excludedBy;
        }
    }

    @Test
    void schemasMatchUnityCatalogsWhereBothHaveThePath() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/openapi-differences.json")) {
            JSON.readTree(in).forEach(row -> expected.put(row.get("difference").asText(), row.get("why").asText()));
        }
        Set<String> found = new TreeSet<>();
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = reference.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode ours = lakeward.get("paths").get(BASE + path.getKey());
            if (ours == null) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey()) || !ours.has(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                compare(requestSchema(ours.get(op.getKey())), requestSchema(op.getValue()), where + " request",
                        Side.REQUEST, new HashSet<>(), found);
                compare(okSchema(ours.get(op.getKey())), okSchema(op.getValue()), where + " 200", Side.RESPONSE,
                        new HashSet<>(), found);
                compared++;
            }
        }
        assertThat(compared).as("operations both documents have").isGreaterThanOrEqualTo(29);
        assertThat(found).as("differences from all.yaml that openapi-differences.json does not explain")
                .isSubsetOf(expected.keySet());
        assertThat(expected.keySet()).as("differences listed in openapi-differences.json that no longer occur")
                .isSubsetOf(found);
    }

    @Test
    void everyOperationTakesTheBearerTokenAndDocumentsItsErrorsInUnityCatalogsShape() {
        JsonNode schemes = lakeward.path("components").path("securitySchemes");
        List<String> bearer = new ArrayList<>();
        schemes.fields().forEachRemaining(s -> {
            if (s.getValue().path("type").asText().equals("http")
                    && s.getValue().path("scheme").asText().equalsIgnoreCase("bearer")) {
                bearer.add(s.getKey());
            }
        });
        assertThat(bearer).as("HTTP bearer security schemes").hasSize(1);

        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = lakeward.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            boolean scim = path.getKey().contains("/scim/v2");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                boolean secured = false;
                for (JsonNode requirement : op.getValue().path("security")) {
                    secured |= requirement.has(bearer.get(0));
                }
                if (!secured) {
                    problems.add(where + " does not require the bearer scheme");
                }
                Set<String> shapes = new TreeSet<>();
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                        String shape = errorShape(r.getValue());
                        shapes.add(shape);
                        if (shape.equals("none")) {
                            problems.add(where + " answers " + r.getKey() + " without an error body");
                        }
                    }
                });
                // every error of a SCIM path has SCIM's shape; every other one Unity Catalog's
                if (!shapes.equals(Set.of(scim ? "scim" : "unity-catalog"))) {
                    problems.add(where + " documents errors in " + shapes + ", not only in "
                            + (scim ? "SCIM's" : "Unity Catalog's") + " shape");
                }
                if (!op.getValue().path("responses").has("401")) {
                    problems.add(where + " does not document 401");
                }
                boolean success = false;
                for (Iterator<String> statuses = op.getValue().path("responses").fieldNames(); statuses.hasNext(); ) {
                    success |= statuses.next().startsWith("2");
                }
                if (!success) {
                    problems.add(where + " documents no success");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(77);
        assertThat(problems).isEmpty();
    }

    @Test
    void whatTheServiceAnswersIsWhatTheDocumentNames() {
        String catalog = unique("doc");
        assertDocumented("post", BASE + "/catalogs", asAdmin().body(Map.of("name", catalog, "comment", "c",
                "properties", Map.of("k", "v"))).post(BASE + "/catalogs").then().statusCode(200).extract().asString());
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        assertDocumented("post", BASE + "/tables", asAdmin().body(Map.of("name", "t", "catalog_name", catalog,
                "schema_name", "s", "table_type", "MANAGED", "columns", List.of(Map.of("name", "x", "type_name", "INT",
                        "type_text", "int", "position", 0)))).post(BASE + "/tables").then().statusCode(200).extract()
                .asString());
        assertDocumented("post", BASE + "/functions", asAdmin().body(Map.of("function_info", Map.of("name", "f",
                "catalog_name", catalog, "schema_name", "s", "data_type", "INT", "full_data_type", "INT",
                "routine_body", "SQL", "routine_definition", "x + 1", "properties", "{\"k\": \"v\"}",
                "input_params", Map.of("parameters", List.of(Map.of("name", "x", "type_text", "int", "type_name", "INT",
                        "position", 0))), "routine_dependencies", Map.of("dependencies", List.of(Map.of("table",
                        Map.of("table_full_name", catalog + ".s.t"))))))).post(BASE + "/functions").then()
                .statusCode(200).extract().asString());
        assertDocumented("get", BASE + "/metastore_summary",
                asAdmin().get(BASE + "/metastore_summary").then().statusCode(200).extract().asString());
        assertDocumented("get", "/api/lakeward/v1/principals",
                asAdmin().get("/api/lakeward/v1/principals").then().statusCode(200).extract().asString());
        assertDocumented("get", "/api/2.0/lineage-tracking/table-lineage", asAdmin()
                .queryParam("table_name", catalog + ".s.t").get("/api/2.0/lineage-tracking/table-lineage").then()
                .statusCode(200).extract().asString());
        assertDocumented("get", "/api/lakeward/v1/search", asAdmin().queryParam("query", catalog)
                .queryParam("max_results", 1).get("/api/lakeward/v1/search").then().statusCode(200)
                .body("results", hasSize(1)).extract().asString());
        assertDocumented("get", BASE + "/catalogs/{name}", asAdmin().get(BASE + "/catalogs/nope_" + catalog).then()
                .statusCode(404).extract().asString(), "404");
    }

    /** Every field of the answer, nested ones too, is a property the document gives that answer. */
    private static void assertDocumented(String method, String path, String body, String... status) {
        JsonNode responses = lakeward.get("paths").get(path).get(method).get("responses");
        JsonNode response = responses.get(status.length == 0 ? "200" : status[0]);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        Set<String> answered = new TreeSet<>();
        fieldsOf(readTree(body), "", answered);
        Set<String> documented = new TreeSet<>();
        propertiesOf(lakeward, schema, "", Side.RESPONSE, new HashSet<>(), documented);
        assertThat(documented).as(method.toUpperCase() + " " + path + " documents what it answers")
                .containsAll(answered);
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void fieldsOf(JsonNode value, String at, Set<String> out) {
        if (value.isArray()) {
            value.forEach(item -> fieldsOf(item, at + "[]", out));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(f -> {
                // a map's keys (properties) are values, not fields
                if (!f.getKey().equals("properties") || !f.getValue().isObject()) {
                    out.add(at + "." + f.getKey());
                    fieldsOf(f.getValue(), at + "." + f.getKey(), out);
                } else {
                    out.add(at + "." + f.getKey());
                }
            });
        }
    }

    private static void propertiesOf(JsonNode doc, JsonNode schema, String at, Side side, Set<String> seen,
            Set<String> out) {
        Named s = resolve(doc, schema, null);
        if (s.schema == null || (s.name != null && !seen.add(s.name + at))) {
            return;
        }
        if (s.schema.has("items")) {
            propertiesOf(doc, s.schema.get("items"), at + "[]", side, seen, out);
        }
        s.schema.path("properties").fields().forEachRemaining(p -> {
            if (!p.getValue().path(side.excludedBy).asBoolean(false)) {
                out.add(at + "." + p.getKey());
                propertiesOf(doc, p.getValue(), at + "." + p.getKey(), side, seen, out);
            }
        });
    }

    /** Which error body the response documents: Unity Catalog's, SCIM's, or none. */
    private static String errorShape(JsonNode response) {
        Set<String> properties = new HashSet<>();
        response.path("content").fields().forEachRemaining(media ->
                resolve(lakeward, media.getValue().path("schema"), null).schema.path("properties").fieldNames()
                        .forEachRemaining(properties::add));
        if (properties.containsAll(Set.of("error_code", "message"))) {
            return "unity-catalog";
        }
        return properties.containsAll(Set.of("schemas", "status", "detail")) ? "scim" : "none";
    }

    private static JsonNode requestSchema(JsonNode operation) {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    private static JsonNode okSchema(JsonNode operation) {
        return operation.path("responses").path("200").path("content").path("application/json").path("schema");
    }

    /** A schema with the name of the component it was reached through, if any. */
    private record Named(String name, JsonNode schema) {
    }

    private static Named resolve(JsonNode doc, JsonNode schema, String name) {
        if (schema == null || schema.isMissingNode()) {
            return new Named(name, null);
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            String component = ref.substring(ref.lastIndexOf('/') + 1);
            return resolve(doc, doc.path("components").path("schemas").path(component), component);
        }
        return new Named(name, schema);
    }

    /**
     * Walks both schemas side by side. A difference is named by the reference's component (or the
     * operation, for an inline schema) and the property: "TableInfo.full_name: only Lakeward's".
     */
    private static void compare(JsonNode oursSchema, JsonNode theirsSchema, String where, Side side,
            Set<String> seen, Set<String> found) {
        Named ours = resolve(lakeward, oursSchema, null);
        Named theirs = resolve(reference, theirsSchema, null);
        if (ours.schema == null || theirs.schema == null) {
            if (ours.schema != null || theirs.schema != null) {
                found.add(where + ": " + (ours.schema == null ? "only the reference's" : "only Lakeward's") + " body");
            }
            return;
        }
        String at = theirs.name != null ? theirs.name : where;
        if (!seen.add(at + " " + side)) {
            return;
        }
        String ourType = ours.schema.path("type").asText("");
        String theirType = theirs.schema.path("type").asText("");
        if (!ourType.isEmpty() && !theirType.isEmpty() && !ourType.equals(theirType)) {
            found.add(at + ": type " + ourType + ", the reference's " + theirType);
        }
        if (ours.schema.has("enum") && theirs.schema.has("enum")) {
            Set<String> allowed = new HashSet<>();
            theirs.schema.get("enum").forEach(v -> allowed.add(v.asText()));
            ours.schema.get("enum").forEach(v -> {
                if (!allowed.contains(v.asText())) {
                    found.add(at + ": enum value " + v.asText() + " only Lakeward's");
                }
            });
        }
        if (ours.schema.has("items") || theirs.schema.has("items")) {
            compare(ours.schema.get("items"), theirs.schema.get("items"), at + "[]", side, seen, found);
        }
        Map<String, JsonNode> ourProperties = properties(ours.schema, side);
        Map<String, JsonNode> theirProperties = properties(theirs.schema, side);
        Set<String> names = new LinkedHashSet<>(ourProperties.keySet());
        names.addAll(theirProperties.keySet());
        for (String name : names) {
            if (!theirProperties.containsKey(name)) {
                found.add(at + "." + name + ": only Lakeward's");
            } else if (!ourProperties.containsKey(name)) {
                found.add(at + "." + name + ": only the reference's");
            } else {
                compare(ourProperties.get(name), theirProperties.get(name), at + "." + name, side, seen, found);
            }
        }
    }

    private static Map<String, JsonNode> properties(JsonNode schema, Side side) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            if (!p.getValue().path(side.excludedBy).asBoolean(false)) {
                properties.put(p.getKey(), p.getValue());
            }
        });
        return properties;
    }
}
