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
import static org.hamcrest.Matchers.containsString;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Iceberg REST catalog as a client speaks it on the wire: the config, namespaces as schemas,
 * an Iceberg table from create through commits to a purging drop (seen through the Unity Catalog
 * API all along, its table-uuid the table's id), the grants of each endpoint (what the caller may
 * not see is missing), staged creation (the stage its creator's alone until a commit creates the
 * table, races, an external stage's location held), register giving the table an id of its own (a
 * file cannot borrow another securable's), creates refused for credentials leaving nothing, and every
 * row of {@code iceberg-malformed-requests.json} refused in the protocol's error model with nothing
 * changed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IcebergRestTest {

    private static final String ICEBERG = BASE + "/iceberg/v1";
    private static final String FIXTURE = "iceberg_fixture";
    private static final String DELEGATION = "X-Iceberg-Access-Delegation";
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

    private static Map<String, Object> stageBody(String name) {
        Map<String, Object> body = new HashMap<>(createBody(name));
        body.put("stage-create", true);
        return body;
    }

    /** The commit that creates a staged table, as Iceberg's client builds it from the stage-create answer. */
    private static Map<String, Object> creation(JsonPath staged) {
        return Map.of("requirements", List.of(Map.of("type", "assert-create")), "updates", List.of(
                Map.of("action", "assign-uuid", "uuid", staged.getString("metadata.table-uuid")),
                Map.of("action", "upgrade-format-version", "format-version", staged.getInt("metadata.format-version")),
                Map.of("action", "add-schema", "schema", staged.getMap("metadata.schemas[0]")),
                Map.of("action", "set-current-schema", "schema-id", -1),
                Map.of("action", "add-spec", "spec", staged.getMap("metadata.partition-specs[0]")),
                Map.of("action", "set-default-spec", "spec-id", -1),
                Map.of("action", "add-sort-order", "sort-order", staged.getMap("metadata.sort-orders[0]")),
                Map.of("action", "set-default-sort-order", "sort-order-id", -1),
                Map.of("action", "set-location", "location", staged.getString("metadata.location")),
                Map.of("action", "set-properties", "updates", staged.getMap("metadata.properties"))));
    }

    private String tables() {
        return ICEBERG + "/" + catalog + "/namespaces/s/tables";
    }

    /** A user who may create tables in the catalog's schema {@code s}, and take their data outside; its token. */
    private String creator(String name) {
        String token = userWithToken(name);
        grant("catalog", catalog, name, "USE CATALOG");
        grant("schema", catalog + ".s", name, "USE SCHEMA", "CREATE TABLE", "EXTERNAL USE SCHEMA");
        return token;
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

    @Test
    void aStagedTableIsItsCreatorsAloneUntilItsCommitCreatesItWithTheStagedIdentity() {
        String writerName = unique("ctas");
        String writer = creator(writerName);
        JsonPath staged = as(writer).header(DELEGATION, "vended-credentials").body(stageBody("ctas")).post(tables())
                .then().statusCode(200).body("metadata-location", equalTo(null)).extract().jsonPath();
        String uuid = staged.getString("metadata.table-uuid");
        String location = staged.getString("metadata.location");
        assertThat(location).endsWith("/__unitystorage/tables/" + uuid);
        // its creator's credential to write it (file:// needs none, so none is listed) is vended, and audited
        assertThat(audit("VEND_CREDENTIAL", catalog + ".s.ctas")).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("principal", writerName).containsEntry("decision", "ALLOW"));

        // no table exists yet, for anyone
        assertThat(asAdmin().head(tables() + "/ctas").statusCode()).isEqualTo(404);
        asAdmin().get(tables()).then().statusCode(200).body("identifiers.name", not(hasItem("ctas")));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.ctas").then().statusCode(404);
        // its storage is no one else's, not even a metastore admin's
        asAdmin().body(Map.of("url", location, "operation", "PATH_READ_WRITE"))
                .post(BASE + "/temporary-path-credentials").then().statusCode(403)
                .body("message", containsString("allocated to a table another principal is creating"));
        // another creator's commit of it is answered as a commit creating a table never staged, and changes nothing
        String rival = creator(unique("rival"));
        Response stolen = as(rival).body(creation(staged)).post(tables() + "/ctas");
        Response unstaged = as(rival).body(creation(staged)).post(tables() + "/never_staged");
        stolen.then().statusCode(404).body("error.type", equalTo("NoSuchTableException"));
        assertThat(stolen.asString()).isEqualTo(unstaged.asString().replace("never_staged", "ctas"));
        assertThat(audit("CREATE_TABLE", catalog + ".s.ctas")).isEmpty();
        // the writes of a staged creation are reported before the table exists: by its creator only
        Map<String, Object> report = Map.of("report-type", "commit-report", "table-name", catalog + ".s.ctas",
                "snapshot-id", 1, "sequence-number", 1, "operation", "append", "metrics", Map.of());
        as(writer).body(report).post(tables() + "/ctas/metrics").then().statusCode(204);
        as(rival).body(report).post(tables() + "/ctas/metrics").then().statusCode(404);

        // its creator's commit creates it: the staged id and location, the columns of its schema
        Response committed = as(writer).body(creation(staged)).post(tables() + "/ctas");
        committed.then().statusCode(200).body("metadata.table-uuid", equalTo(uuid));
        assertThat(committed.<String>path("metadata-location")).startsWith(location + "/metadata/00000-");
        asAdmin().get(BASE + "/tables/" + catalog + ".s.ctas").then().statusCode(200).body("table_id", equalTo(uuid))
                .body("storage_location", equalTo(location)).body("table_type", equalTo("MANAGED"))
                .body("owner", equalTo(writerName)).body("columns.name", equalTo(List.of("id", "data", "day")));
        as(writer).get(tables() + "/ctas").then().statusCode(200).body("metadata.table-uuid", equalTo(uuid));
        // the same creation again (a retry after it succeeded) no longer holds, nor does a stage of the name
        as(writer).body(creation(staged)).post(tables() + "/ctas").then().statusCode(409)
                .body("error.type", equalTo("CommitFailedException"));
        as(writer).body(stageBody("ctas")).post(tables()).then().statusCode(409)
                .body("error.type", equalTo("AlreadyExistsException"));
    }

    @Test
    void ofTwoCreationsOfANameOneWinsAndAStageGoesWithItsSchema() throws Exception {
        String writerName = unique("writer");
        String writer = creator(writerName);
        JsonPath mine = as(writer).body(stageBody("dup")).post(tables()).then().statusCode(200).extract().jsonPath();
        JsonPath theirs = asAdmin().body(stageBody("dup")).post(tables()).then().statusCode(200).extract().jsonPath();
        asAdmin().body(creation(theirs)).post(tables() + "/dup").then().statusCode(200);
        as(writer).body(creation(mine)).post(tables() + "/dup").then().statusCode(409)
                .body("error.type", equalTo("CommitFailedException"));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.dup").then().statusCode(200)
                .body("table_id", equalTo(theirs.getString("metadata.table-uuid")));

        // two commits of one stage at once: one creates the table, the other then finds it there
        JsonPath race = as(writer).body(stageBody("race")).post(tables()).then().statusCode(200).extract().jsonPath();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> commits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                commits.add(pool.submit(() -> as(writer).body(creation(race)).post(tables() + "/race").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> commit : commits) {
                statuses.add(commit.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(audit("CREATE_TABLE", catalog + ".s.race")).hasSize(1);

        // staging in a namespace the caller may not see is staging in one that does not exist
        String outsiderName = unique("outsider");
        String outsider = userWithToken(outsiderName);
        grant("catalog", catalog, outsiderName, "USE CATALOG");
        Response hidden = as(outsider).body(stageBody("x")).post(tables());
        Response missing = as(outsider).body(stageBody("x"))
                .post(ICEBERG + "/" + catalog + "/namespaces/nowhere/tables");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.asString().replace(catalog + ".s'", catalog + ".nowhere'")).isEqualTo(missing.asString());

        // a stage goes with its schema: dropped, the namespace is missing; created again, the table is
        String namespaces = ICEBERG + "/" + catalog + "/namespaces";
        asAdmin().body(Map.of("namespace", List.of("tmp"))).post(namespaces).then().statusCode(200);
        grant("schema", catalog + ".tmp", writerName, "USE SCHEMA", "CREATE TABLE");
        JsonPath orphan = as(writer).body(stageBody("orphan")).post(namespaces + "/tmp/tables").then().statusCode(200)
                .extract().jsonPath();
        asAdmin().delete(namespaces + "/tmp").then().statusCode(204);
        as(writer).body(creation(orphan)).post(namespaces + "/tmp/tables/orphan").then().statusCode(404)
                .body("error.type", equalTo("NoSuchNamespaceException"));
        asAdmin().body(Map.of("namespace", List.of("tmp"))).post(namespaces).then().statusCode(200);
        grant("schema", catalog + ".tmp", writerName, "USE SCHEMA", "CREATE TABLE");
        as(writer).body(creation(orphan)).post(namespaces + "/tmp/tables/orphan").then().statusCode(404)
                .body("error.type", equalTo("NoSuchTableException"));
    }

    @Test
    void anExternalStageHoldsItsLocationAndACopyOfItsMetadataRegistersAsAnotherTable() throws IOException {
        String location = Files.createTempDirectory("staged").toUri().toString().replaceAll("/$", "");
        Map<String, Object> external = stageBody("ext");
        external.put("location", location);
        JsonPath first = asAdmin().body(external).post(tables()).then().statusCode(200)
                .body("metadata.location", equalTo(location)).extract().jsonPath();
        // no other table may claim its storage meanwhile
        asAdmin().body(Map.of("name", "squatter", "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                        "columns", List.of(), "storage_location", location + "/part"))
                .post(BASE + "/tables").then().statusCode(400)
                .body("message", containsString("staged for a table being created"));
        // its creator staging it again (a retried CTAS) replaces the first stage
        JsonPath second = asAdmin().body(external).post(tables()).then().statusCode(200).extract().jsonPath();
        asAdmin().body(creation(first)).post(tables() + "/ext").then().statusCode(404);

        // created in a multi-table commit, with another table's change
        asAdmin().body(createBody("beside")).post(tables()).then().statusCode(200);
        Map<String, Object> creating = new HashMap<>(creation(second));
        creating.put("identifier", Map.of("namespace", List.of("s"), "name", "ext"));
        asAdmin().body(Map.of("table-changes", List.of(creating, Map.of(
                        "identifier", Map.of("namespace", List.of("s"), "name", "beside"), "requirements", List.of(),
                        "updates", List.of(Map.of("action", "set-properties", "updates", Map.of("with", "ext")))))))
                .post(ICEBERG + "/" + catalog + "/transactions/commit").then().statusCode(204);
        asAdmin().get(BASE + "/tables/" + catalog + ".s.ext").then().statusCode(200)
                .body("table_type", equalTo("EXTERNAL")).body("storage_location", equalTo(location))
                .body("table_id", equalTo(second.getString("metadata.table-uuid")));
        asAdmin().get(tables() + "/beside").then().statusCode(200).body("metadata.properties.with", equalTo("ext"));

        // a copy of its metadata elsewhere registers as a table of its own: the catalog gives the id
        String metadataFile = asAdmin().get(tables() + "/ext").path("metadata-location");
        String copy = Files.createTempDirectory("registered").toUri().toString().replaceAll("/$", "");
        String copied = copy + "/metadata/00000-copy.metadata.json";
        Files.createDirectories(file(copied).getParent());
        String json = Files.readString(file(metadataFile)).replace(location, copy);
        Files.writeString(file(copied), json);
        Map<String, Object> register = Map.of("name", "copied", "metadata-location", copied);
        asAdmin().body(register).post(ICEBERG + "/" + catalog + "/namespaces/s/register").then().statusCode(200)
                .body("metadata.table-uuid", equalTo(second.getString("metadata.table-uuid")));
        assertThat(asAdmin().get(BASE + "/tables/" + catalog + ".s.copied").path("table_id").toString())
                .isNotEqualTo(second.getString("metadata.table-uuid"));
    }

    @Test
    void aFileCannotBorrowAnotherSecurablesIdentityNorARefusedCreateLeaveATrace() throws IOException {
        // a metadata file naming the catalog's id as its uuid: the table registered has an id of its own,
        // so grants on it are not the catalog's
        String catalogId = asAdmin().get(BASE + "/catalogs/" + catalog).path("id");
        String folder = Files.createTempDirectory("borrowed").toUri().toString().replaceAll("/$", "");
        String borrowed = folder + "/metadata/00000-b.metadata.json";
        Files.createDirectories(file(borrowed).getParent());
        String metadata = asAdmin().body(createBody("model")).post(tables()).then().statusCode(200)
                .extract().path("metadata-location");
        String modelFolder = asAdmin().get(BASE + "/tables/" + catalog + ".s.model").path("storage_location");
        String modelUuid = asAdmin().get(tables() + "/model").path("metadata.table-uuid");
        // a commit may name the table's own location in another spelling, and moves nothing
        asAdmin().body(Map.of("requirements", List.of(), "updates", List.of(
                        Map.of("action", "set-location", "location", modelFolder + "/"),
                        Map.of("action", "set-properties", "updates", Map.of("k", "v")))))
                .post(tables() + "/model").then().statusCode(200).body("metadata.location", equalTo(modelFolder));
        Files.writeString(file(borrowed), Files.readString(file(metadata)).replace(modelFolder, folder)
                .replace(modelUuid, catalogId));
        asAdmin().body(Map.of("name", "borrowed", "metadata-location", borrowed))
                .post(ICEBERG + "/" + catalog + "/namespaces/s/register").then().statusCode(200)
                .body("metadata.table-uuid", equalTo(catalogId));
        String tableId = asAdmin().get(BASE + "/tables/" + catalog + ".s.borrowed").path("table_id");
        assertThat(tableId).isNotEqualTo(catalogId);
        String userName = unique("borrower");
        userWithToken(userName);
        grant("table", catalog + ".s.borrowed", userName, "MANAGE");
        asAdmin().get(BASE + "/permissions/catalog/" + catalog).then().statusCode(200)
                .body("privilege_assignments.principal", not(hasItem(userName)));

        // a file's schema is held to a table's rules: no control character in a field's name
        String control = folder + "-control/metadata/00000-c.metadata.json";
        Files.createDirectories(file(control).getParent());
        Files.writeString(file(control), Files.readString(file(borrowed)).replace(folder, folder + "-control")
                .replaceFirst("\"name\"\\s*:\\s*\"data\"", "\"name\":\"da\\\\u0000ta\""));
        asAdmin().body(Map.of("name", "control", "metadata-location", control))
                .post(ICEBERG + "/" + catalog + "/namespaces/s/register").then().statusCode(400)
                .body("error.type", equalTo("BadRequestException"));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.control").then().statusCode(404);

        // without EXTERNAL USE SCHEMA, a create or a stage that asks for credentials is refused and leaves nothing
        String localName = unique("local");
        String local = userWithToken(localName);
        grant("catalog", catalog, localName, "USE CATALOG");
        grant("schema", catalog + ".s", localName, "USE SCHEMA", "CREATE TABLE");
        as(local).header(DELEGATION, "vended-credentials").body(createBody("phantom")).post(tables()).then()
                .statusCode(403).body("error.type", equalTo("ForbiddenException"));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.phantom").then().statusCode(404);
        assertThat(asAdmin().head(tables() + "/phantom").statusCode()).isEqualTo(404);
        as(local).header(DELEGATION, "vended-credentials").body(stageBody("phantom")).post(tables()).then()
                .statusCode(403).body("error.type", equalTo("ForbiddenException"));
        as(local).body(createBody("phantom")).post(tables()).then().statusCode(200);

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

    /**
     * What a refused request could have changed: the fixture's schemas and tables, every Iceberg
     * table's metadata, and every staged table.
     */
    private String snapshot() {
        List<Object> all = new ArrayList<>(asAdmin().queryParam("catalog_name", FIXTURE).get(BASE + "/schemas")
                .jsonPath().getList("schemas"));
        all.addAll(asAdmin().queryParam("catalog_name", FIXTURE).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables"));
        try (Connection connection = dataSource.getConnection(); ResultSet rows = connection.createStatement()
                .executeQuery("select table_id, metadata_location from iceberg_table union all"
                        + " select id, storage_location from staging_table order by 1")) {
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
