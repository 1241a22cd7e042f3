package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CTAS-shaped OpenLineage event, {@code t3.z ← t1.x (IDENTITY), t2.y (TRANSFORMATION), join on
 * t1.k}, ingested over HTTP and read back through Databricks' lineage API and the explorer's graph,
 * with t2 masked for a caller who may not browse it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LineageApiTest {

    private String catalog;

    @BeforeEach
    void tables() {
        catalog = CtasLineage.createTables();
    }

    private String ctasEvent(String eventType) {
        return CtasLineage.event(catalog, eventType);
    }

    @Test
    void ctasLineageReadsBackThroughDatabricksApiAndGraph() {
        asAdmin().body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(200)
                .body("column_edges", equalTo(3)).body("table_edges", equalTo(2));

        JsonPath tables = asAdmin().queryParam("table_name", catalog + ".s.t3")
                .get("/api/2.0/lineage-tracking/table-lineage").then().statusCode(200).extract().jsonPath();
        assertThat(tables.getList("upstreams.tableInfo.name", String.class)).containsExactlyInAnyOrder("t1", "t2");
        assertThat(tables.getList("downstreams")).isEmpty();
        asAdmin().queryParam("table_name", catalog + ".s.t1").get("/api/2.0/lineage-tracking/table-lineage").then()
                .statusCode(200).body("downstreams.tableInfo.name", equalTo(List.of("t3")))
                .body("downstreams[0].tableInfo.catalog_name", equalTo(catalog));

        List<Map<String, Object>> upstreamCols = asAdmin().queryParam("table_name", catalog + ".s.t3")
                .queryParam("column_name", "z").get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200)
                .extract().jsonPath().getList("upstream_cols");
        assertThat(upstreamCols).extracting(c -> c.get("table_name") + "." + c.get("name"))
                .containsExactlyInAnyOrder("t1.x", "t2.y", "t1.k");
        asAdmin().queryParam("table_name", catalog + ".s.t1").queryParam("column_name", "x")
                .get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200)
                .body("downstream_cols.name", equalTo(List.of("z")));

        JsonPath graph = asAdmin().queryParam("node", catalog + ".s.t3.z").queryParam("direction", "UPSTREAM")
                .get("/api/lakeward/v1/lineage/graph").then().statusCode(200).extract().jsonPath();
        // the join on t1.k is reported for z and for the whole of t3 (the facet's dataset array)
        assertThat(graph.getList("edges.subtype", String.class))
                .containsExactlyInAnyOrder("IDENTITY", "TRANSFORMATION", "JOIN", "JOIN");
        assertThat(graph.getList("nodes.name", String.class)).contains(catalog + ".s.t1", catalog + ".s.t2",
                catalog + ".s.t3", "x", "y", "k", "z");
    }

    @Test
    void aCallerWithoutBrowseOnT2SeesItMasked() {
        asAdmin().body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(200);
        String user = unique("analyst");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE SCHEMA");
        grant("table", catalog + ".s.t3", user, "SELECT");
        grant("table", catalog + ".s.t1", user, "BROWSE");

        JsonPath tables = as(token).queryParam("table_name", catalog + ".s.t3")
                .get("/api/2.0/lineage-tracking/table-lineage").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> upstreams = tables.getList("upstreams.tableInfo");
        assertThat(upstreams).hasSize(2);
        assertThat(upstreams).filteredOn(u -> "t1".equals(u.get("name"))).hasSize(1);
        assertThat(upstreams).filteredOn(u -> Boolean.TRUE.equals(u.get("masked"))).singleElement()
                .satisfies(u -> assertThat(u).doesNotContainKeys("name", "catalog_name", "schema_name"));

        List<Map<String, Object>> cols = as(token).queryParam("table_name", catalog + ".s.t3")
                .queryParam("column_name", "z").get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200)
                .extract().jsonPath().getList("upstream_cols");
        assertThat(cols).hasSize(3);
        assertThat(cols).filteredOn(c -> Boolean.TRUE.equals(c.get("masked"))).singleElement()
                .satisfies(c -> assertThat(c).doesNotContainKeys("name", "table_name"));

        String body = as(token).queryParam("node", catalog + ".s.t3.z").get("/api/lakeward/v1/lineage/graph")
                .then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(catalog + ".s.t2").doesNotContain("\"y\"").contains("masked:1");

        // lineage of a table needs BROWSE on it: one the caller may not see is answered as missing
        as(token).queryParam("table_name", catalog + ".s.t2").get("/api/2.0/lineage-tracking/table-lineage")
                .then().statusCode(404).body("error_code", equalTo("NOT_FOUND"));
    }

    @Test
    void reportingNeedsModifyOnTheOutputAndARefusedReportStoresNothing() {
        String user = unique("etl");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE SCHEMA");
        // a table the reporter may not see is not named, whichever way the event named it
        as(token).body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(403)
                .body("message", equalTo("Output dataset '" + catalog + ".s.t3' in namespace 'unitycatalog://lakeward'"
                        + " is a table on which " + user + " may not report lineage."));
        grant("table", catalog + ".s.t3", user, "BROWSE");
        as(token).body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(403)
                .body("message", equalTo("User " + user + " does not have MODIFY on table '" + catalog + ".s.t3'"));
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage")
                .then().body("upstreams", equalTo(List.of()));

        grant("table", catalog + ".s.t3", user, "MODIFY");
        as(token).body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(200);
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage")
                .then().body("upstreams.size()", equalTo(2));
    }

    @Test
    void invalidEventsAre400AndABatchIsAllOrNothing() {
        asAdmin().body("{\"eventType\": \"COMPLETE\"}").post("/api/v1/lineage").then().statusCode(400)
                .body("error_code", equalTo("INVALID_PARAMETER_VALUE")).body("message", equalTo("eventTime is required."));
        asAdmin().body("[" + ctasEvent("COMPLETE") + ", {\"eventTime\": \"2026-11-20T08:00:00Z\"}]")
                .post("/api/v1/lineage/batch").then().statusCode(400)
                .body("message", equalTo("Event 1: run.runId is required."));
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage")
                .then().body("upstreams", equalTo(List.of()));

        asAdmin().body(Map.of("events", List.of(Map.of()))).post("/api/v1/lineage/batch").then().statusCode(400);
        asAdmin().body("{\"events\": [" + ctasEvent("START") + ", " + ctasEvent("COMPLETE") + "]}")
                .post("/api/v1/lineage/batch").then().statusCode(200).body("events", equalTo(2))
                .body("column_edges", equalTo(3));
    }

    @Test
    void aFailedRunRecordsNoEdgesAndADroppedTableKeepsItsHistory() {
        asAdmin().body(ctasEvent("FAIL")).post("/api/v1/lineage").then().statusCode(200).body("column_edges", equalTo(0));
        asAdmin().body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(200);

        asAdmin().delete(BASE + "/tables/" + catalog + ".s.t1").then().statusCode(200);

        List<Map<String, Object>> upstreams = asAdmin().queryParam("table_name", catalog + ".s.t3")
                .get("/api/2.0/lineage-tracking/table-lineage").then().statusCode(200).extract().jsonPath()
                .getList("upstreams.tableInfo");
        assertThat(upstreams).hasSize(2);
        assertThat(upstreams).filteredOn(u -> Boolean.TRUE.equals(u.get("deleted"))).hasSize(1);
    }

    @Inject
    LineageRetention retention;

    @Test
    void lineageOlderThanTheRetentionIsForgotten() {
        asAdmin().body(ctasEvent("COMPLETE")).post("/api/v1/lineage").then().statusCode(200);
        Instant afterReport = Instant.now().plusSeconds(1);

        assertThat(retention.purgeOlderThan(afterReport.minusSeconds(3600))).isZero();
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage")
                .then().body("upstreams.size()", equalTo(2));

        assertThat(retention.purgeOlderThan(afterReport)).isGreaterThanOrEqualTo(3);
        asAdmin().queryParam("table_name", catalog + ".s.t3").get("/api/2.0/lineage-tracking/table-lineage")
                .then().body("upstreams", equalTo(List.of()));
    }

    @Test
    void atlasExportNeedsAnAtlas() {
        asAdmin().post("/api/lakeward/v1/lineage/atlas-export").then().statusCode(400)
                .body("error_code", equalTo("FAILED_PRECONDITION"))
                .body("message", equalTo("Atlas export is not configured: set lakeward.lineage.atlas.url."));
    }

    @Test
    void graphDepthAndDirectionAreValidated() {
        asAdmin().queryParam("node", catalog + ".s.t3").queryParam("depth", 21).get("/api/lakeward/v1/lineage/graph")
                .then().statusCode(400).body("message", equalTo("depth must be 1 to 20, got 21."));
        asAdmin().queryParam("node", catalog + ".s.t3").queryParam("direction", "SIDEWAYS")
                .get("/api/lakeward/v1/lineage/graph").then().statusCode(400);
        asAdmin().queryParam("node", catalog + ".s").get("/api/lakeward/v1/lineage/graph").then().statusCode(400);
        asAdmin().queryParam("node", catalog + ".s.nope").get("/api/lakeward/v1/lineage/graph").then().statusCode(404);
    }
}
