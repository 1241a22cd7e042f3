package dev.lakeward.catalog.iceberg;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.audit;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The Iceberg REST catalog as a client speaks it on the wire: the config, namespaces as schemas,
 * an Iceberg table from create through commits to a purging drop (seen through the Unity Catalog
 * API all along), the grants of each endpoint (what the caller may not see is missing), and every
 * row of {@code iceberg-malformed-requests.json} refused in the protocol's error model with nothing
 * changed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IcebergRestTest {

    private static final String ICEBERG = BASE + "/iceberg/v1";
    private static final String FIXTURE = "iceberg_fixture";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> SCHEMA = Map.of("type", "struct", "schema-id", 0, "fields", List.of(
            Map.of("id", 1, "name", "id", "required", true, "type", "long"),
            Map.of("id", 2, "name", "data", "required", false, "type", "string", "doc", "the payload"),
            Map.of("id", 3, "name", "day", "required", false, "type", "date")));

    @Inject
    AgroalDataSource dataSource;

    private String catalog;

    @BeforeEach
    void catalog() {
        catalog = unique("iceberg");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("namespace", List.of("s"))).post(ICEBERG + "/" + catalog + "/namespaces")
                .then().statusCode(200);
        if (asAdmin().get(BASE + "/catalogs/" + FIXTURE).statusCode() == 404) {
            asAdmin().body(Map.of("name", FIXTURE)).post(BASE + "/catalogs").then().statusCode(200);
            asAdmin().body(Map.of("namespace", List.of("s"))).post(ICEBERG + "/" + FIXTURE + "/namespaces")
                    .then().statusCode(200);
            asAdmin().body(createBody("t")).post(ICEBERG + "/" + FIXTURE + "/namespaces/s/tables")
                    .then().statusCode(200);
        }
    }

    private static Map<String, Object> createBody(String name) {
        return Map.of("name", name, "schema", SCHEMA,
                "partition-spec", Map.of("spec-id", 0, "fields", List.of(
                        Map.of("source-id", 3, "field-id", 1000, "name", "day", "transform", "identity"))),
                "write-order", Map.of("order-id", 0, "fields", List.of()),
                "properties", Map.of("write.format.default", "parquet"));
    }

    private String tables() {
        return ICEBERG + "/" + catalog + "/namespaces/s/tables";
    }

    @Test
    void configNamesTheCatalogAsPrefixAndOnlyWhatIsServed() {
        asAdmin().queryParam("warehouse", catalog).get(ICEBERG + "/config").then().statusCode(200)
                .body("overrides.prefix", equalTo(catalog))
                .body("endpoints", hasItem("POST /v1/{prefix}/namespaces/{namespace}/tables/{table}"))
                .body("endpoints", hasItem("GET /v1/{prefix}/namespaces/{namespace}/tables/{table}/credentials"))
                .body("endpoints", not(hasItem("GET /v1/{prefix}/namespaces/{namespace}/views/{view}")));
        String outsider = userWithToken(unique("outsider"));
        as(outsider).queryParam("warehouse", catalog).get(ICEBERG + "/config").then().statusCode(404)
                .body("error.type", equalTo("NoSuchNamespaceException"));
        // errors raised before the endpoints are in the protocol's model too
        given().queryParam("warehouse", catalog).get(ICEBERG + "/config").then().statusCode(401)
                .body("error.type", equalTo("NotAuthorizedException")).body("error.code", equalTo(401));
    }

    @Test
    void namespacesAreTheCatalogsSchemas() {
        String namespaces = ICEBERG + "/" + catalog + "/namespaces";
        asAdmin().body(Map.of("namespace", List.of("Sales"), "properties", Map.of("team", "finance")))
                .post(namespaces).then().statusCode(200).body("namespace", equalTo(List.of("sales")))
                .body("properties.team", equalTo("finance"));
        asAdmin().get(BASE + "/schemas/" + catalog + ".sales").then().statusCode(200)
                .body("properties.team", equalTo("finance"));
        assertThat(asAdmin().head(namespaces + "/sales").statusCode()).isEqualTo(204);
        assertThat(asAdmin().head(namespaces + "/nowhere").statusCode()).isEqualTo(404);

        asAdmin().body(Map.of("removals", List.of("team", "absent"), "updates", Map.of("tier", "gold")))
                .post(namespaces + "/sales/properties").then().statusCode(200)
                .body("updated", equalTo(List.of("tier"))).body("removed", equalTo(List.of("team")))
                .body("missing", equalTo(List.of("absent")));
        asAdmin().get(namespaces + "/sales").then().statusCode(200).body("properties", equalTo(Map.of("tier", "gold")));

        // paged one at a time, and whole when the client sends no page token
        JsonPath first = asAdmin().get(namespaces + "?pageToken=&pageSize=1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("namespaces")).isEqualTo(List.of(List.of("s")));
        asAdmin().queryParam("pageToken", first.getString("next-page-token")).queryParam("pageSize", 1)
                .get(namespaces).then().statusCode(200).body("namespaces", equalTo(List.of(List.of("sales"))));
        asAdmin().get(namespaces).then().statusCode(200)
                .body("namespaces", equalTo(List.of(List.of("s"), List.of("sales"))))
                .body("next-page-token", equalTo(null));
        // a one-level namespace holds no namespaces
        asAdmin().queryParam("parent", "sales").get(namespaces).then().statusCode(200)
                .body("namespaces", equalTo(List.of()));

        asAdmin().delete(namespaces + "/sales").then().statusCode(204);
        asAdmin().get(BASE + "/schemas/" + catalog + ".sales").then().statusCode(404);
    }

    @Test
    void aTableIsWrittenByTheServiceAndSeenThroughTheUnityCatalogApi() throws IOException {
        Response created = asAdmin().body(createBody("events")).post(tables());
        created.then().statusCode(200).body("metadata.format-version", equalTo(2))
                .body("metadata.properties.'write.format.default'", equalTo("parquet"));
        String location = created.path("metadata.location");
        String firstFile = created.path("metadata-location");
        assertThat(firstFile).startsWith(location + "/metadata/00000-").endsWith(".metadata.json");
        assertThat(JSON.readTree(Files.readString(file(firstFile))).get("location").asText()).isEqualTo(location);

        JsonPath info = asAdmin().get(BASE + "/tables/" + catalog + ".s.events").then().statusCode(200)
                .body("data_source_format", equalTo("ICEBERG")).body("table_type", equalTo("MANAGED"))
                .body("storage_location", equalTo(location)).extract().jsonPath();
        assertThat(info.getList("columns.name")).containsExactly("id", "data", "day");
        assertThat(info.getList("columns.type_text")).containsExactly("bigint", "string", "date");
        assertThat(info.getList("columns.nullable")).containsExactly(false, true, true);
        assertThat(info.getString("columns[1].comment")).isEqualTo("the payload");
        assertThat(info.getInt("columns[2].partition_index")).isZero();

        // schema evolution: a new column, on the schema the client read
        Map<String, Object> evolved = Map.of("type", "struct", "schema-id", 1, "fields", List.of(
                Map.of("id", 1, "name", "id", "required", true, "type", "long"),
                Map.of("id", 2, "name", "data", "required", false, "type", "string"),
                Map.of("id", 3, "name", "day", "required", false, "type", "date"),
                Map.of("id", 4, "name", "tags", "required", false, "type",
                        Map.of("type", "list", "element-id", 5, "element", "string", "element-required", false))));
        Response committed = asAdmin().body(Map.of(
                "requirements", List.of(Map.of("type", "assert-current-schema-id", "current-schema-id", 0)),
                "updates", List.of(Map.of("action", "add-schema", "schema", evolved, "last-column-id", 5),
                        Map.of("action", "set-current-schema", "schema-id", -1))))
                .post(tables() + "/events");
        committed.then().statusCode(200).body("metadata.current-schema-id", equalTo(1))
                .body("metadata.metadata-log[0].metadata-file", equalTo(firstFile));
        assertThat(committed.<String>path("metadata-location")).startsWith(location + "/metadata/00001-");
        asAdmin().get(tables() + "/events").then().statusCode(200)
                .body("metadata-location", equalTo(committed.path("metadata-location")));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.events").then().statusCode(200)
                .body("columns.name", equalTo(List.of("id", "data", "day", "tags")))
                .body("columns[3].type_text", equalTo("array<string>"));
        // the same requirement again is stale now
        asAdmin().body(Map.of("requirements", List.of(Map.of("type", "assert-current-schema-id",
                        "current-schema-id", 0)), "updates", List.of()))
                .post(tables() + "/events").then().statusCode(409).body("error.type", equalTo("CommitFailedException"));

        assertThat(asAdmin().head(tables() + "/events").statusCode()).isEqualTo(204);
        asAdmin().body(Map.of("source", Map.of("namespace", List.of("s"), "name", "events"),
                "destination", Map.of("namespace", List.of("s"), "name", "clicks")))
                .post(ICEBERG + "/" + catalog + "/tables/rename").then().statusCode(204);
        asAdmin().get(tables()).then().statusCode(200)
                .body("identifiers", equalTo(List.of(Map.of("namespace", List.of("s"), "name", "clicks"))));

        asAdmin().queryParam("purgeRequested", "true").delete(tables() + "/clicks").then().statusCode(204);
        assertThat(asAdmin().head(tables() + "/clicks").statusCode()).isEqualTo(404);
        asAdmin().get(BASE + "/tables/" + catalog + ".s.clicks").then().statusCode(404);
        assertThat(file(location)).doesNotExist();
        assertThat(audit("COMMIT_TABLE", catalog + ".s.events")).hasSize(1);
    }

    @Test
    void grantsDecideWhatIsSeenLoadedAndCreated() {
        for (String name : List.of("open", "secret", "browsed")) {
            asAdmin().body(createBody(name)).post(tables()).then().statusCode(200);
        }
        asAdmin().body(Map.of("name", "delta_beside", "catalog_name", catalog, "schema_name", "s",
                "table_type", "MANAGED", "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
        String userName = unique("engine");
        String user = userWithToken(userName);
        grant("catalog", catalog, userName, "USE CATALOG");
        grant("schema", catalog + ".s", userName, "USE SCHEMA", "EXTERNAL USE SCHEMA");
        grant("table", catalog + ".s.open", userName, "SELECT");
        grant("table", catalog + ".s.browsed", userName, "BROWSE");

        // the listing holds what the caller may see, and only Iceberg tables
        as(user).get(tables()).then().statusCode(200).body("identifiers.name", equalTo(List.of("browsed", "open")));
        asAdmin().get(tables()).then().statusCode(200)
                .body("identifiers.name", equalTo(List.of("browsed", "open", "secret")));

        // a hidden table is answered exactly as a missing one
        Response hidden = as(user).get(tables() + "/secret");
        Response missing = as(user).get(tables() + "/nothing");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.asString().replace("secret", "nothing")).isEqualTo(missing.asString());
        assertThat(as(user).head(tables() + "/secret").statusCode()).isEqualTo(404);
        as(user).get(tables() + "/secret/credentials").then().statusCode(404);

        // seeing a table is not loading it, nor getting its credentials
        as(user).header("X-Iceberg-Access-Delegation", "vended-credentials").get(tables() + "/browsed")
                .then().statusCode(403).body("error.type", equalTo("ForbiddenException"));
        as(user).get(tables() + "/browsed/credentials").then().statusCode(403)
                .body("error.type", equalTo("ForbiddenException"));
        assertThat(audit("VEND_CREDENTIAL", catalog + ".s.browsed").stream().map(event -> event.get("decision")))
                .containsOnly("DENY").isNotEmpty();
        as(user).header("X-Iceberg-Access-Delegation", "vended-credentials").get(tables() + "/open")
                .then().statusCode(200).body("metadata.current-schema-id", equalTo(0));
        assertThat(audit("VEND_CREDENTIAL", catalog + ".s.open").stream().map(event -> event.get("decision")))
                .containsOnly("ALLOW").isNotEmpty();

        // committing takes MODIFY, creating CREATE TABLE, dropping MANAGE
        as(user).body(Map.of("requirements", List.of(), "updates", List.of(Map.of("action", "set-properties",
                "updates", Map.of("k", "v"))))).post(tables() + "/open").then().statusCode(403)
                .body("error.type", equalTo("ForbiddenException"));
        as(user).body(createBody("mine")).post(tables()).then().statusCode(403)
                .body("error.type", equalTo("ForbiddenException"));
        assertThat(asAdmin().head(tables() + "/mine").statusCode()).isEqualTo(404);
        as(user).delete(tables() + "/open").then().statusCode(403);
        grant("schema", catalog + ".s", userName, "CREATE TABLE");
        as(user).body(createBody("mine")).post(tables()).then().statusCode(200);
        as(user).delete(tables() + "/mine").then().statusCode(204);
    }

    static Stream<Arguments> malformed() throws IOException {
        return ErrorModelCases.rows("/iceberg-malformed-requests.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedInTheIcebergModelAndChangesNothing(String name, JsonNode row) {
        String before = snapshot();
        ErrorModelCases.assertRefused(name, row, ErrorModelCases.send(ICEBERG, Map.of("{catalog}", FIXTURE), row));
        assertThat(snapshot()).as("state after '%s'", name).isEqualTo(before);
    }

    /** What a refused request could have changed: the fixture's schemas and tables, and every Iceberg table's metadata. */
    private String snapshot() {
        List<Object> all = new ArrayList<>(asAdmin().queryParam("catalog_name", FIXTURE).get(BASE + "/schemas")
                .jsonPath().getList("schemas"));
        all.addAll(asAdmin().queryParam("catalog_name", FIXTURE).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables"));
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("select table_id, metadata_location from iceberg_table order by table_id")) {
            while (rows.next()) {
                all.add(rows.getString(1) + "=" + rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }

    private static Path file(String location) {
        return Path.of(URI.create(location));
    }
}
