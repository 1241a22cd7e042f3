package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.as;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.grant;
import static dev.lakeward.catalog.support.Api.unique;
import static dev.lakeward.catalog.support.Api.userWithToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * INDIRECT lineage from a Spark-shaped event ({@link SparkJoinLineage}): the join keys, filter and
 * sort columns come back beside the DIRECT sources, with their type and subtype, in the graph (per
 * field as column edges, dataset-level as edges to the output table's node), in Databricks' column
 * lineage, and masked for a caller who may not browse their table.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IndirectLineageTest {

    private String catalog;

    @BeforeEach
    void report() {
        catalog = SparkJoinLineage.createTables();
        asAdmin().body(SparkJoinLineage.event(catalog)).post("/api/v1/lineage").then().statusCode(200);
    }

    /** The graph's edges as "source -> target TYPE/SUBTYPE", nodes by their names (a table's short name). */
    private List<String> edges(RequestSpecification caller, String node, String direction) {
        JsonPath graph = caller.queryParam("node", catalog + ".s." + node).queryParam("direction", direction)
                .get("/api/lakeward/v1/lineage/graph").then().statusCode(200).extract().jsonPath();
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> nodes = graph.getList("nodes");
        nodes.stream().filter(n -> !"COLUMN".equals(n.get("kind"))).forEach(n -> names.put((String) n.get("id"),
                n.get("name") == null ? "?" : ((String) n.get("name")).substring(catalog.length() + 3)));
        nodes.stream().filter(n -> "COLUMN".equals(n.get("kind"))).forEach(n -> names.put((String) n.get("id"),
                names.get((String) n.get("table")) + "." + (n.get("name") == null ? "?" : n.get("name"))));
        List<Map<String, Object>> edges = graph.getList("edges");
        return edges.stream().map(e -> names.get((String) e.get("source")) + " -> " + names.get((String) e.get("target"))
                + (e.get("type") == null ? "" : " " + e.get("type") + "/" + e.get("subtype"))).toList();
    }

    @Test
    void theGraphOfAColumnHasItsJoinFilterAndSortInputsBesideItsDirectOne() {
        assertThat(edges(asAdmin(), "out.id", "UPSTREAM")).containsExactlyInAnyOrder(
                "orders.id -> out.id DIRECT/IDENTITY",
                "orders.customer_id -> out.id INDIRECT/JOIN",
                "customers.country -> out.id INDIRECT/FILTER",
                "customers.id -> out INDIRECT/JOIN",
                "regions.active -> out INDIRECT/FILTER",
                "orders.placed_at -> out INDIRECT/SORT");
        assertThat(edges(asAdmin(), "regions.active", "DOWNSTREAM"))
                .containsExactly("regions.active -> out INDIRECT/FILTER");
        assertThat(edges(asAdmin(), "customers.id", "DOWNSTREAM"))
                .containsExactly("customers.id -> out INDIRECT/JOIN");
    }

    @Test
    void theGraphOfATableShowsTheDependenciesBehindItsTableEdges() {
        assertThat(edges(asAdmin(), "out", "UPSTREAM")).containsExactlyInAnyOrder(
                "orders -> out", "customers -> out", "regions -> out",
                "customers.id -> out INDIRECT/JOIN",
                "regions.active -> out INDIRECT/FILTER",
                "orders.placed_at -> out INDIRECT/SORT");
        assertThat(edges(asAdmin(), "regions", "DOWNSTREAM"))
                .containsExactlyInAnyOrder("regions -> out", "regions.active -> out INDIRECT/FILTER");
    }

    @Test
    void databricksColumnLineageSaysHowEachUpstreamColumnIsLinked() {
        List<Map<String, Object>> upstream = asAdmin().queryParam("table_name", catalog + ".s.out")
                .queryParam("column_name", "id").get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200)
                .extract().jsonPath().getList("upstream_cols");
        assertThat(upstream).extracting(c -> c.get("table_name") + "." + c.get("name") + " " + links(c))
                .containsExactlyInAnyOrder(
                        "orders.id [DIRECT/IDENTITY]",
                        "orders.customer_id [INDIRECT/JOIN]",
                        "customers.country [INDIRECT/FILTER]",
                        "customers.id [INDIRECT/JOIN]",
                        "regions.active [INDIRECT/FILTER]",
                        "orders.placed_at [INDIRECT/SORT]");
        List<Map<String, Object>> downstream = asAdmin().queryParam("table_name", catalog + ".s.orders")
                .queryParam("column_name", "customer_id").get("/api/2.0/lineage-tracking/column-lineage").then()
                .statusCode(200).extract().jsonPath().getList("downstream_cols");
        assertThat(downstream).extracting(c -> c.get("table_name") + "." + c.get("name") + " " + links(c))
                .containsExactly("out.id [INDIRECT/JOIN]");
    }

    @SuppressWarnings("unchecked")
    private static String links(Map<String, Object> column) {
        return ((List<Map<String, Object>>) column.get("transformations")).stream()
                .map(t -> t.get("type") + "/" + t.get("subtype")).toList().toString();
    }

    @Test
    void aTableTheCallerMayNotBrowseStaysMaskedInItsIndirectEdges() {
        String user = unique("analyst");
        String token = userWithToken(user);
        grant("catalog", catalog, user, "USE CATALOG");
        grant("schema", catalog + ".s", user, "USE SCHEMA");
        grant("table", catalog + ".s.out", user, "SELECT");
        grant("table", catalog + ".s.orders", user, "BROWSE");
        grant("table", catalog + ".s.customers", user, "BROWSE");

        List<String> seen = edges(as(token), "out.id", "UPSTREAM");
        assertThat(seen).hasSize(6).contains("?.? -> out INDIRECT/FILTER", "customers.id -> out INDIRECT/JOIN")
                .noneMatch(e -> e.contains("regions") || e.contains("active"));
        String graph = as(token).queryParam("node", catalog + ".s.out").get("/api/lakeward/v1/lineage/graph").then()
                .statusCode(200).extract().asString();
        assertThat(graph).doesNotContain("regions").doesNotContain("\"active\"").contains("INDIRECT", "FILTER");

        List<Map<String, Object>> upstream = as(token).queryParam("table_name", catalog + ".s.out")
                .queryParam("column_name", "id").get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200)
                .extract().jsonPath().getList("upstream_cols");
        assertThat(upstream).hasSize(6).filteredOn(c -> Boolean.TRUE.equals(c.get("masked"))).singleElement()
                .satisfies(c -> {
                    assertThat(c).doesNotContainKeys("name", "table_name", "catalog_name", "schema_name");
                    assertThat(links(c)).isEqualTo("[INDIRECT/FILTER]");
                });
    }
}
