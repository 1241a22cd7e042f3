package dev.lakeward.catalog.delta;

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
import dev.lakeward.catalog.storage.StoragePurge;
import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import dev.lakeward.catalog.support.ErrorModelCases;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 * The Delta REST API: a managed table from staging to drop, an external one, the grants of the
 * Unity Catalog API on each endpoint (what the caller may not see is missing), and every row of
 * {@code delta-malformed-requests.json} refused in the API's error shape with nothing changed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DeltaApiTest {

    private static final String DELTA = BASE + "/delta/v1";
    private static final String FIXTURE = "delta_fixture";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long VERSION_ZERO_AT = 1_700_000_000_000L;
    /** A schema with every kind of Delta type, as the Delta REST API writes it. */
    private static final Map<String, Object> COLUMNS = Map.of("type", "struct", "fields", List.of(
            field("id", "long", false, Map.of("comment", "the key")),
            field("amount", "decimal(10,2)", true, Map.of()),
            field("tags", Map.of("type", "array", "element-type", "string", "contains-null", true), true, Map.of()),
            field("attrs", Map.of("type", "map", "key-type", "string", "value-type",
                    Map.of("type", "array", "element-type", "integer", "contains-null", false),
                    "value-contains-null", true), true, Map.of()),
            field("address", Map.of("type", "struct", "fields", List.of(field("city", "string", true, Map.of()))),
                    true, Map.of("delta.columnMapping.id", 5)),
            field("day", "date", true, Map.of())));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StoragePurge purge;

    private String catalog;

    private static Map<String, Object> field(String name, Object type, boolean nullable, Map<String, Object> metadata) {
        return Map.of("name", name, "type", type, "nullable", nullable, "metadata", metadata);
    }

    @BeforeEach
    void schema() {
        catalog = unique("delta");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        if (asAdmin().get(BASE + "/catalogs/" + FIXTURE).statusCode() == 404) {
            asAdmin().body(Map.of("name", FIXTURE)).post(BASE + "/catalogs").then().statusCode(200);
            asAdmin().body(Map.of("name", "s", "catalog_name", FIXTURE)).post(BASE + "/schemas").then().statusCode(200);
            asAdmin().body(Map.of("name", "t", "catalog_name", FIXTURE, "schema_name", "s", "table_type", "MANAGED",
                    "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
            asAdmin().body(Map.of("name", "parquet", "catalog_name", FIXTURE, "schema_name", "s", "table_type",
                    "EXTERNAL", "data_source_format", "PARQUET", "storage_location", "file:///tmp/" + unique("pq"),
                    "columns", List.of())).post(BASE + "/tables").then().statusCode(200);
            managedTable(FIXTURE, "cm");
        }
    }

    private String tables(String catalog) {
        return DELTA + "/catalogs/" + catalog + "/schemas/s/tables";
    }

    private Map<String, Object> createBody(String name, String type, String location) {
        return Map.of("name", name, "table-type", type, "location", location, "columns", COLUMNS,
                "partition-columns", List.of("day"), "protocol", Map.of("min-reader-version", 1, "min-writer-version", 2),
                "properties", Map.of("delta.appendOnly", "false"), "last-commit-timestamp-ms", 1);
    }

    /** A staged table promoted as a catalog-managed one, with what the staging answer asked of its version 0. */
    private static Map<String, Object> managedBody(String name, Response staged) {
        Map<String, Object> properties = new HashMap<>(staged.jsonPath().getMap("required-properties"));
        properties.put("delta.appendOnly", "false");
        return Map.of("name", name, "table-type", "MANAGED", "location", staged.path("location"), "columns", COLUMNS,
                "partition-columns", List.of("day"), "protocol", staged.jsonPath().getMap("required-protocol"),
                "properties", properties, "last-commit-timestamp-ms", VERSION_ZERO_AT);
    }

    private static Response stage(String catalog, String name) {
        Response staged = asAdmin().body(Map.of("name", name))
                .post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables");
        staged.then().statusCode(200);
        return staged;
    }

    /** A catalog-managed table at version 0, created by the admin; its id. */
    private String managedTable(String catalog, String name) {
        return asAdmin().body(managedBody(name, stage(catalog, name))).post(tables(catalog)).then().statusCode(200)
                .extract().path("metadata.table-uuid");
    }

    /** An update of {@code table} asserting its id; the updates as the API gives them. */
    private static Map<String, Object> update(String tableId, List<Map<String, Object>> requirements,
            Map<String, Object>... updates) {
        List<Map<String, Object>> all = new ArrayList<>(requirements);
        all.add(Map.of("type", "assert-table-uuid", "uuid", tableId));
        return Map.of("requirements", all, "updates", List.of(updates));
    }

    /** The add-commit of {@code version}, its file named by the version and {@code writer}'s UUID. */
    private static Map<String, Object> addCommit(long version, UUID writer) {
        return Map.of("action", "add-commit", "commit", Map.of("version", version,
                "timestamp", VERSION_ZERO_AT + version, "file-name", String.format("%020d.%s.json", version, writer),
                "file-size", 512, "file-modification-timestamp", VERSION_ZERO_AT + version));
    }

    @Test
    void configNamesWhatIsServed() {
        asAdmin().queryParam("catalog", catalog).queryParam("protocol-versions", "1.3,2.0").get(DELTA + "/config")
                .then().statusCode(200).body("protocol-version", equalTo("1.0"))
                .body("endpoints", hasItem("GET /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}"))
                .body("endpoints", hasItem("GET /v1/staging-tables/{table_id}/credentials"))
                .body("endpoints", hasItem("POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}"))
                .body("endpoints", hasItem("POST /v1/catalogs/{catalog}/schemas/{schema}/tables/{table}/metrics"));
        String outsider = userWithToken(unique("outsider"));
        as(outsider).queryParam("catalog", catalog).queryParam("protocol-versions", "1.0").get(DELTA + "/config")
                .then().statusCode(404).body("error.type", equalTo("NoSuchCatalogException"));
        // errors raised before the endpoint are in the API's shape too
        given().get(DELTA + "/config").then().statusCode(401).body("error.type", equalTo("NotAuthorizedException"))
                .body("error.code", equalTo(401));
    }

    @Test
    void aManagedTableGoesFromStagingToDrop() throws IOException {
        Response staged = stage(catalog, "orders");
        staged.then().body("table-type", equalTo("MANAGED")).body("required-protocol.min-reader-version", equalTo(3))
                .body("required-protocol.writer-features", hasItem("catalogManaged"))
                .body("'required-properties'.'delta.enableInCommitTimestamps'", equalTo("true"));
        String id = staged.path("table-id");
        String location = staged.path("location");
        assertThat(location).endsWith("/__unitystorage/tables/" + id);
        assertThat(staged.jsonPath().getString("storage-credentials[0].prefix")).isEqualTo(location);
        assertThat(staged.jsonPath().getString("storage-credentials[0].operation")).isEqualTo("READ_WRITE");
        assertThat(staged.jsonPath().getMap("required-properties")).containsEntry("io.unitycatalog.tableId", id);
        asAdmin().get(DELTA + "/staging-tables/" + id + "/credentials").then().statusCode(200)
                .body("storage-credentials[0].prefix", equalTo(location))
                .body("storage-credentials[0].config.size()", equalTo(0));

        // a version 0 without what makes the table catalog-managed is refused, and the staging table kept
        asAdmin().body(createBody("orders", "MANAGED", location)).post(tables(catalog)).then().statusCode(400)
                .body("error.type", equalTo("InvalidParameterValueException"))
                .body("error.message", containsString("reader version 3"));
        Response created = asAdmin().body(managedBody("orders", staged)).post(tables(catalog));
        created.then().statusCode(200).body("metadata.table-uuid", equalTo(id))
                .body("metadata.location", equalTo(location)).body("metadata.table-type", equalTo("MANAGED"))
                .body("metadata.partition-columns", equalTo(List.of("day")))
                .body("metadata.properties.'delta.appendOnly'", equalTo("false"))
                // the protocol kept as the properties derived from it; version 0 is the latest
                .body("metadata.properties.'delta.feature.catalogManaged'", equalTo("supported"))
                .body("metadata.properties.'delta.minWriterVersion'", equalTo("7"))
                .body("metadata.last-commit-version", equalTo(0))
                .body("metadata.last-commit-timestamp-ms", equalTo(VERSION_ZERO_AT))
                .body("latest-table-version", equalTo(0)).body("commits", equalTo(List.of()));
        assertThat(JSON.readTree(created.asString()).get("metadata").get("columns"))
                .isEqualTo(JSON.valueToTree(COLUMNS));
        // the Unity Catalog API reads the same table, its columns as Spark names their types
        Response uc = asAdmin().get(BASE + "/tables/" + catalog + ".s.orders");
        uc.then().statusCode(200).body("table_id", equalTo(id)).body("data_source_format", equalTo("DELTA"));
        assertThat(uc.jsonPath().getList("columns.type_text")).containsExactly("bigint", "decimal(10,2)",
                "array<string>", "map<string,array<int>>", "struct<city:string>", "date");
        assertThat(uc.jsonPath().getList("columns.type_name")).containsExactly("LONG", "DECIMAL", "ARRAY", "MAP",
                "STRUCT", "DATE");
        assertThat(JSON.readTree(uc.jsonPath().getString("columns[3].type_json")).get("type").get("valueType")
                .get("containsNull").asBoolean()).isFalse();

        String table = tables(catalog) + "/orders";
        String etag = asAdmin().get(table).then().statusCode(200).extract().path("metadata.etag");
        assertThat(asAdmin().head(table).statusCode()).isEqualTo(204);
        asAdmin().body(Map.of("new-name", "sales")).post(table + "/rename").then().statusCode(204);
        asAdmin().get(table).then().statusCode(404).body("error.type", equalTo("NoSuchTableException"));
        String renamed = tables(catalog) + "/sales";
        asAdmin().get(renamed).then().statusCode(200).body("metadata.table-uuid", equalTo(id))
                .body("metadata.etag", not(equalTo(etag)));
        asAdmin().queryParam("operation", "READ_WRITE").get(renamed + "/credentials").then().statusCode(200)
                .body("storage-credentials[0].prefix", equalTo(location))
                .body("storage-credentials[0].operation", equalTo("READ_WRITE"));
        // the writer's version 0, in the table's storage, which the catalog owns and deletes after the drop
        Path log = Files.createDirectories(Path.of(URI.create(location)).resolve("_delta_log"));
        Files.writeString(log.resolve("00000000000000000000.json"), "{}");
        asAdmin().delete(renamed).then().statusCode(204);
        assertThat(asAdmin().head(renamed).statusCode()).isEqualTo(404);
        assertThat(log).exists();
        purge.purgeDroppedBefore(Instant.now().plusSeconds(1));
        assertThat(Path.of(URI.create(location))).doesNotExist();

        String full = catalog + ".s.orders";
        for (String action : List.of("CREATE_STAGING_TABLE", "CREATE_TABLE")) {
            assertThat(audit(action, full)).as(action).hasSize(1);
        }
        assertThat(audit("RENAME", catalog + ".s.sales")).hasSize(1);
        assertThat(audit("DELETE_TABLE", catalog + ".s.sales")).hasSize(1);
    }

    @Test
    void writersRacingForAVersionOneWinsAndTheOtherReloadsAndRetries() throws Exception {
        String id = managedTable(catalog, "events");
        String table = tables(catalog) + "/events";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // both read version 0; the first to propose version 1 wins it
        String etag = asAdmin().get(table).then().statusCode(200).body("latest-table-version", equalTo(0))
                .extract().path("metadata.etag");
        asAdmin().body(update(id, List.of(), addCommit(1, first))).post(table).then().statusCode(200)
                .body("latest-table-version", equalTo(1)).body("commits[0].version", equalTo(1))
                .body("commits[0].file-name", equalTo(String.format("%020d.%s.json", 1, first)))
                // a commit of data alone leaves the metadata's etag as it was
                .body("metadata.etag", equalTo(etag));
        asAdmin().body(update(id, List.of(), addCommit(1, second))).post(table).then().statusCode(409)
                .body("error.type", equalTo("CommitVersionConflictException"));
        // the loser reloads and proposes the next version
        asAdmin().body(update(id, List.of(), addCommit(2, second))).post(table).then().statusCode(200)
                .body("latest-table-version", equalTo(2));
        // a lost answer resent: the same version and file is answered as it was, and changes nothing
        asAdmin().body(update(id, List.of(), addCommit(1, first))).post(table).then().statusCode(200)
                .body("latest-table-version", equalTo(2));
        // a version that does not follow the latest is refused, as is a timestamp that does not increase
        asAdmin().body(update(id, List.of(), addCommit(4, first))).post(table).then().statusCode(409)
                .body("error.type", equalTo("CommitVersionConflictException"));
        Map<String, Object> stale = new HashMap<>(addCommit(3, first));
        stale.put("commit", Map.of("version", 3, "timestamp", VERSION_ZERO_AT + 1, "file-name",
                String.format("%020d.%s.json", 3, first), "file-size", 1, "file-modification-timestamp", 0));
        asAdmin().body(update(id, List.of(), stale)).post(table).then().statusCode(400)
                .body("error.message", containsString("not after version 2"));

        // two writers at once, five commits each: every version 3..12 won by exactly one of them
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> won = new ArrayList<>();
            for (UUID writer : List.of(first, second)) {
                won.add(writers.submit(() -> commitFive(id, table, writer)));
            }
            List<Long> versions = new ArrayList<>(won.get(0).get());
            versions.addAll(won.get(1).get());
            assertThat(versions).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.rangeClosed(3, 12).boxed().toList());
        } finally {
            writers.shutdownNow();
        }
        Response loaded = asAdmin().get(table);
        loaded.then().statusCode(200).body("latest-table-version", equalTo(12));
        assertThat(loaded.jsonPath().getList("commits.version", Integer.class))
                .isEqualTo(java.util.stream.IntStream.iterate(12, v -> v >= 1, v -> v - 1).boxed().toList());

        // published versions reported: the catalog forgets their commits; a report twice changes nothing
        Map<String, Object> published = Map.of("action", "set-latest-backfilled-version", "latest-published-version", 10);
        asAdmin().body(update(id, List.of(), published)).post(table).then().statusCode(200)
                .body("commits.version", equalTo(List.of(12, 11)));
        asAdmin().body(update(id, List.of(), Map.of("action", "set-latest-backfilled-version",
                "latest-published-version", 4))).post(table).then().statusCode(200)
                .body("commits.version", equalTo(List.of(12, 11)));
        asAdmin().body(update(id, List.of(), Map.of("action", "set-latest-backfilled-version",
                "latest-published-version", 13))).post(table).then().statusCode(400);
        // a published version's commit cannot be replayed: it is not known any more
        asAdmin().body(update(id, List.of(), addCommit(1, first))).post(table).then().statusCode(409);
        assertThat(audit("COMMIT_TABLE", catalog + ".s.events")).hasSize(14);
    }

    /** Five commits by one writer, each proposed at the latest version + 1 and retried after a conflict. */
    private List<Long> commitFive(String id, String table, UUID writer) {
        List<Long> won = new ArrayList<>();
        while (won.size() < 5) {
            long next = asAdmin().get(table).then().statusCode(200).extract().jsonPath().getLong("latest-table-version") + 1;
            Response proposed = asAdmin().body(update(id, List.of(), addCommit(next, writer))).post(table);
            if (proposed.statusCode() == 200) {
                won.add(next);
            } else {
                assertThat(proposed.statusCode()).as(proposed.asString()).isEqualTo(409);
            }
        }
        return won;
    }

    @Test
    void metadataChangesGoWithTheCommitThatRecordsThemAndMoveTheEtag() {
        String id = managedTable(catalog, "evolving");
        String table = tables(catalog) + "/evolving";
        String etag = asAdmin().get(table).then().extract().path("metadata.etag");
        Map<String, Object> columns = Map.of("action", "set-columns", "columns", Map.of("type", "struct", "fields",
                List.of(field("id", "long", false, Map.of()), field("day", "date", true, Map.of()),
                        field("note", "string", true, Map.of("comment", "added")))));
        // the columns are in the Delta log too: they change only with the commit whose file holds them
        asAdmin().body(update(id, List.of(), columns)).post(table).then().statusCode(400)
                .body("error.message", containsString("only with the add-commit"));
        asAdmin().body(update(id, List.of(Map.of("type", "assert-etag", "etag", etag)), columns,
                addCommit(1, UUID.randomUUID()), Map.of("action", "set-properties", "updates", Map.of("owner.team", "ml")),
                Map.of("action", "remove-properties", "removals", List.of("delta.appendOnly")),
                Map.of("action", "set-domain-metadata", "updates",
                        Map.of("delta.clustering", Map.of("clusteringColumns", List.of(List.of("id")))))))
                .post(table).then().statusCode(200)
                .body("metadata.columns.fields.name", equalTo(List.of("id", "day", "note")))
                .body("metadata.partition-columns", equalTo(List.of("day")))
                .body("metadata.properties.'owner.team'", equalTo("ml"))
                .body("metadata.properties", not(org.hamcrest.Matchers.hasKey("delta.appendOnly")))
                .body("metadata.properties.'delta.clusteringColumns'", equalTo("[[\"id\"]]"))
                .body("metadata.last-commit-version", equalTo(1))
                .body("metadata.etag", not(equalTo(etag)));
        // the etag read before the change no longer holds
        asAdmin().body(update(id, List.of(Map.of("type", "assert-etag", "etag", etag)),
                Map.of("action", "set-table-comment", "comment", "late"))).post(table).then().statusCode(409)
                .body("error.type", equalTo("UpdateRequirementConflictException"));
        asAdmin().body(update(UUID.randomUUID().toString(), List.of(),
                Map.of("action", "set-table-comment", "comment", "other"))).post(table).then().statusCode(409)
                .body("error.type", equalTo("UpdateRequirementConflictException"));
        // a comment is the catalog's alone: it needs no commit
        asAdmin().body(update(id, List.of(), Map.of("action", "set-table-comment", "comment", "events by day")))
                .post(table).then().statusCode(200);
        asAdmin().get(BASE + "/tables/" + catalog + ".s.evolving").then().statusCode(200)
                .body("comment", equalTo("events by day")).body("columns.name", equalTo(List.of("id", "day", "note")))
                .body("columns[2].comment", equalTo("added"));
        // what makes the table catalog-managed cannot be dropped, nor what the server derives written
        asAdmin().body(update(id, List.of(), addCommit(2, UUID.randomUUID()), Map.of("action", "set-protocol",
                "protocol", Map.of("min-reader-version", 3, "min-writer-version", 7,
                        "reader-features", List.of("deletionVectors"), "writer-features", List.of("deletionVectors")))))
                .post(table).then().statusCode(400).body("error.message", containsString("catalogManaged"));
        asAdmin().body(update(id, List.of(), Map.of("action", "remove-properties",
                "removals", List.of("io.unitycatalog.tableId")))).post(table).then().statusCode(400);
        asAdmin().body(update(id, List.of(), Map.of("action", "set-properties",
                "updates", Map.of("delta.feature.columnMapping", "supported")))).post(table).then().statusCode(400);
        // the refused commit of version 2 took nothing with it
        asAdmin().get(table).then().body("latest-table-version", equalTo(1));
        assertThat(audit("UPDATE_TABLE", catalog + ".s.evolving")).hasSize(1);
    }

    @Test
    void unpublishedCommitsAreBoundedUntilTheWritersPublish() {
        String id = managedTable(catalog, "backlog");
        String table = tables(catalog) + "/backlog";
        UUID writer = UUID.randomUUID();
        for (long version = 1; version <= 100; version++) {
            asAdmin().body(update(id, List.of(), addCommit(version, writer))).post(table).then().statusCode(200);
        }
        asAdmin().body(update(id, List.of(), addCommit(101, writer))).post(table).then().statusCode(429)
                .body("error.type", equalTo("ResourceExhaustedException"));
        // publishing and committing in one request: the report comes first
        asAdmin().body(update(id, List.of(), addCommit(101, writer), Map.of("action", "set-latest-backfilled-version",
                "latest-published-version", 100))).post(table).then().statusCode(200)
                .body("commits.version", equalTo(List.of(101)));
    }

    @Test
    void updatesTakeModifyAndTablesOfTheirOwnLogTakeNoCommits() {
        String id = managedTable(catalog, "guarded");
        String table = tables(catalog) + "/guarded";
        String userName = unique("writer");
        String user = userWithToken(userName);
        Map<String, Object> body = update(id, List.of(), addCommit(1, UUID.randomUUID()));
        as(user).body(body).post(table).then().statusCode(404).body("error.type", equalTo("NoSuchCatalogException"));
        grant("catalog", catalog, userName, "USE CATALOG");
        grant("schema", catalog + ".s", userName, "USE SCHEMA");
        as(user).body(body).post(table).then().statusCode(404).body("error.type", equalTo("NoSuchTableException"));
        as(user).body(Map.of("table-id", id)).post(table + "/metrics").then().statusCode(404);
        grant("table", catalog + ".s.guarded", userName, "SELECT");
        as(user).get(table).then().statusCode(200);
        as(user).body(body).post(table).then().statusCode(403).body("error.message", containsString("MODIFY"));
        as(user).body(Map.of("table-id", id)).post(table + "/metrics").then().statusCode(403);
        grant("table", catalog + ".s.guarded", userName, "MODIFY");
        as(user).body(body).post(table).then().statusCode(200).body("latest-table-version", equalTo(1));
        as(user).body(Map.of("table-id", id, "report", Map.of("commit-report", Map.of("num-files-added", 3))))
                .post(table + "/metrics").then().statusCode(204);
        as(user).body(Map.of("table-id", UUID.randomUUID().toString())).post(table + "/metrics").then().statusCode(400);

        // an external table's writers commit to its log themselves; the catalog records the version they report
        asAdmin().body(createBody("ext", "EXTERNAL", "file:///tmp/" + unique("ext"))).post(tables(catalog))
                .then().statusCode(200);
        String external = tables(catalog) + "/ext";
        String externalId = asAdmin().get(external).then().statusCode(200).body("latest-table-version", equalTo(null))
                .extract().path("metadata.table-uuid");
        asAdmin().body(update(externalId, List.of(), addCommit(1, UUID.randomUUID()))).post(external).then()
                .statusCode(400).body("error.message", containsString("not catalog-managed"));
        asAdmin().body(update(externalId, List.of(), Map.of("action", "update-metadata-snapshot-version",
                "last-commit-version", 7, "last-commit-timestamp-ms", VERSION_ZERO_AT),
                Map.of("action", "set-properties", "updates", Map.of("delta.appendOnly", "true"))))
                .post(external).then().statusCode(200).body("metadata.last-commit-version", equalTo(7))
                .body("metadata.properties.'delta.appendOnly'", equalTo("true"));
        // no update makes a table catalog-managed: that is decided at its creation
        asAdmin().body(update(externalId, List.of(), Map.of("action", "set-protocol", "protocol", Map.of(
                "min-reader-version", 3, "min-writer-version", 7, "reader-features", List.of("catalogManaged"),
                "writer-features", List.of("catalogManaged"))))).post(external).then().statusCode(400)
                .body("error.message", containsString("no update makes it so"));
    }

    @Test
    void aCatalogDeletedWithItsTablesHasItsManagedTablesStoragePurgedAndNoExternalTablesFiles() throws IOException {
        String doomed = unique("doomed");
        asAdmin().body(Map.of("name", doomed)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", doomed)).post(BASE + "/schemas").then().statusCode(200);
        managedTable(doomed, "managed");
        Path managed = Path.of(URI.create(asAdmin().get(tables(doomed) + "/managed").path("metadata.location")));
        Files.createDirectories(managed.resolve("_delta_log"));
        Path external = Files.createTempDirectory("lakeward-external");
        asAdmin().body(createBody("outside", "EXTERNAL", external.toUri().toString())).post(tables(doomed)).then()
                .statusCode(200);
        Files.writeString(external.resolve("part-0.parquet"), "data");
        asAdmin().queryParam("force", true).delete(BASE + "/catalogs/" + doomed).then().statusCode(200);
        // within the purge delay the files stay, for an admin to recover
        purge.purgeDroppedBefore(Instant.now().minusSeconds(60));
        assertThat(managed).exists();
        purge.purgeDroppedBefore(Instant.now().plusSeconds(1));
        assertThat(managed).doesNotExist();
        assertThat(external.resolve("part-0.parquet")).exists();
    }

    @Test
    void thePreviewCommitsApiRatifiesTheSameHistory() {
        String id = managedTable(catalog, "preview");
        String location = asAdmin().get(tables(catalog) + "/preview").path("metadata.location");
        String commits = BASE + "/delta/preview/commits";
        UUID writer = UUID.randomUUID();
        Map<String, Object> info = Map.of("version", 1, "timestamp", VERSION_ZERO_AT + 1,
                "file_name", String.format("%020d.%s.json", 1, writer), "file_size", 10,
                "file_modification_timestamp", VERSION_ZERO_AT + 1);
        asAdmin().body(Map.of("table_id", id, "table_uri", location, "commit_info", info,
                        "metadata", Map.of("description", "from the preview API")))
                .post(commits).then().statusCode(200).body("size()", equalTo(0));
        asAdmin().body(Map.of("table_id", id, "table_uri", location, "start_version", 0)).get(commits).then()
                .statusCode(200).body("latest_table_version", equalTo(1)).body("commits[0].version", equalTo(1))
                .body("commits[0].file_name", equalTo(info.get("file_name")));
        // the Delta REST API sees the same commit, and the metadata the commit carried
        asAdmin().get(tables(catalog) + "/preview").then().body("latest-table-version", equalTo(1))
                .body("metadata.properties.'delta.lastUpdateVersion'", equalTo("1"));
        asAdmin().get(BASE + "/tables/" + catalog + ".s.preview").then().body("comment", equalTo("from the preview API"));
        // a resent commit is answered as it was; another writer's file for the version lost the race
        asAdmin().body(Map.of("table_id", id, "table_uri", location, "commit_info", info)).post(commits).then()
                .statusCode(200);
        Map<String, Object> rival = new HashMap<>(info);
        rival.put("file_name", String.format("%020d.%s.json", 1, UUID.randomUUID()));
        asAdmin().body(Map.of("table_id", id, "table_uri", location, "commit_info", rival)).post(commits).then()
                .statusCode(409).body("error_code", equalTo("RESOURCE_CONFLICT"));
        asAdmin().body(Map.of("table_id", id, "table_uri", "file:///elsewhere", "latest_backfilled_version", 1))
                .post(commits).then().statusCode(400).body("error_code", equalTo("INVALID_PARAMETER_VALUE"));
        asAdmin().body(Map.of("table_id", id, "table_uri", location, "latest_backfilled_version", 1)).post(commits)
                .then().statusCode(200);
        asAdmin().body(Map.of("table_id", id, "table_uri", location, "start_version", 0)).get(commits).then()
                .statusCode(200).body("latest_table_version", equalTo(1)).body("commits", equalTo(List.of()));
        // reading takes SELECT, committing MODIFY; a table the caller may not see is an unknown id
        String userName = unique("reader");
        String user = userWithToken(userName);
        String unknown = as(user).body(Map.of("table_id", id, "table_uri", location, "start_version", 0)).get(commits)
                .then().statusCode(404).extract().path("message");
        assertThat(unknown).doesNotContain("preview");
        grant("catalog", catalog, userName, "USE CATALOG");
        grant("schema", catalog + ".s", userName, "USE SCHEMA");
        grant("table", catalog + ".s.preview", userName, "SELECT");
        as(user).body(Map.of("table_id", id, "table_uri", location, "start_version", 0)).get(commits).then()
                .statusCode(200);
        as(user).body(Map.of("table_id", id, "table_uri", location, "latest_backfilled_version", 1)).post(commits)
                .then().statusCode(403);
    }

    @Test
    void anExternalTableIsCreatedAtItsLocationAndItsPathVended() {
        String root = "file:///tmp/" + unique("external");
        asAdmin().body(Map.of("name", unique("local"), "url", root)).post(BASE + "/external-locations").then()
                .statusCode(200);
        String location = root + "/events";
        asAdmin().queryParam("location", location).queryParam("operation", "READ_WRITE")
                .get(DELTA + "/temporary-path-credentials").then().statusCode(200)
                .body("storage-credentials[0].prefix", equalTo(location));
        asAdmin().body(createBody("events", "EXTERNAL", location)).post(tables(catalog)).then().statusCode(200)
                .body("metadata.table-type", equalTo("EXTERNAL")).body("metadata.location", equalTo(location));
        asAdmin().get(tables(catalog) + "/events").then().statusCode(200)
                .body("metadata.columns.fields[0].metadata.comment", equalTo("the key"));
        // over the table now: a new table there is refused, reading takes the table's grants
        asAdmin().queryParam("location", location).queryParam("operation", "READ_WRITE")
                .get(DELTA + "/temporary-path-credentials").then().statusCode(400);
        asAdmin().queryParam("location", location).queryParam("operation", "READ")
                .get(DELTA + "/temporary-path-credentials").then().statusCode(200);
    }

    @Test
    void everyEndpointTakesTheGrantsOfTheUnityCatalogApi() {
        String stagedId = asAdmin().body(Map.of("name", "kept"))
                .post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables").then().statusCode(200)
                .extract().path("table-id");
        asAdmin().body(createBody("t", "EXTERNAL", "file:///tmp/" + unique("grants"))).post(tables(catalog))
                .then().statusCode(200);
        String table = tables(catalog) + "/t";
        String userName = unique("engine");
        String user = userWithToken(userName);

        // nothing visible: everything is missing, the schema first
        as(user).get(table).then().statusCode(404).body("error.type", equalTo("NoSuchCatalogException"));
        assertThat(as(user).head(table).statusCode()).isEqualTo(404);
        grant("catalog", catalog, userName, "USE CATALOG");
        as(user).get(table).then().statusCode(404).body("error.type", equalTo("NoSuchSchemaException"));
        as(user).body(Map.of("name", "x")).post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables")
                .then().statusCode(404).body("error.type", equalTo("NoSuchSchemaException"));
        grant("schema", catalog + ".s", userName, "USE SCHEMA");
        as(user).get(table).then().statusCode(404).body("error.type", equalTo("NoSuchTableException"));
        as(user).delete(table).then().statusCode(404);
        as(user).queryParam("operation", "READ").get(table + "/credentials").then().statusCode(404);
        // another's staging table is an unknown one
        as(user).get(DELTA + "/staging-tables/" + stagedId + "/credentials").then().statusCode(404)
                .body("error.type", equalTo("NoSuchTableException"));

        // staging and creating take CREATE TABLE
        as(user).body(Map.of("name", "x")).post(DELTA + "/catalogs/" + catalog + "/schemas/s/staging-tables")
                .then().statusCode(403).body("error.type", equalTo("PermissionDeniedException"));
        as(user).body(createBody("x", "EXTERNAL", "file:///tmp/" + unique("x"))).post(tables(catalog)).then()
                .statusCode(403);
        // seeing the table is not loading it: that takes SELECT
        grant("table", catalog + ".s.t", userName, "BROWSE");
        assertThat(as(user).head(table).statusCode()).isEqualTo(204);
        as(user).get(table).then().statusCode(403).body("error.type", equalTo("PermissionDeniedException"));
        grant("table", catalog + ".s.t", userName, "SELECT");
        as(user).get(table).then().statusCode(200);
        as(user).queryParam("operation", "READ").get(table + "/credentials").then().statusCode(403)
                .body("error.message", containsString("EXTERNAL USE SCHEMA"));
        grant("schema", catalog + ".s", userName, "EXTERNAL USE SCHEMA");
        as(user).queryParam("operation", "READ").get(table + "/credentials").then().statusCode(200);
        as(user).queryParam("operation", "READ_WRITE").get(table + "/credentials").then().statusCode(403)
                .body("error.message", containsString("MODIFY"));
        // renaming and dropping take ownership or MANAGE
        as(user).body(Map.of("new-name", "mine")).post(table + "/rename").then().statusCode(403);
        as(user).delete(table).then().statusCode(403);
        assertThat(asAdmin().head(table).statusCode()).isEqualTo(204);
        assertThat(audit("VEND_CREDENTIAL", catalog + ".s.t").stream().map(event -> event.get("decision")))
                .contains("ALLOW", "DENY");
    }

    static Stream<Arguments> malformed() throws IOException {
        return ErrorModelCases.rows("/delta-malformed-requests.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedInTheDeltaShapeAndChangesNothing(String name, JsonNode row) {
        String before = snapshot();
        String managedId = asAdmin().get(tables(FIXTURE) + "/cm").then().statusCode(200).extract()
                .path("metadata.table-uuid");
        ErrorModelCases.assertRefused(name, row, ErrorModelCases.send(DELTA,
                Map.of("{catalog}", FIXTURE, "{cm_id}", managedId), row));
        assertThat(snapshot()).as("state after '%s'", name).isEqualTo(before);
    }

    /** What a refused request could have changed: the fixture's tables, any staging table, any commit. */
    private String snapshot() {
        List<Object> all = new ArrayList<>(asAdmin().queryParam("catalog_name", FIXTURE).queryParam("schema_name", "s")
                .get(BASE + "/tables").jsonPath().getList("tables"));
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("""
                        select (select count(*) from staging_table), (select count(*) from delta_commit),
                               (select coalesce(sum(latest_version + backfilled_version), 0) from delta_commit_log)""")) {
            rows.next();
            all.add(rows.getLong(1) + "/" + rows.getLong(2) + "/" + rows.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.toString();
    }
}
