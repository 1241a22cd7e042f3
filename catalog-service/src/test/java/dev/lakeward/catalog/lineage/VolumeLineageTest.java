package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.adminToken;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An OpenLineage dataset that names a path inside a volume is the volume's: lineage names the
 * volume beside the path, masks the path for a caller who may not see the volume, and takes WRITE
 * VOLUME to report a run that writes into it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VolumeLineageTest {

    private String catalog;
    private String dir;

    @BeforeEach
    void volumeAndTable() {
        catalog = unique("vlin");
        dir = "/tmp/" + catalog;
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        asAdmin().body(Map.of("catalog_name", catalog, "schema_name", "s", "name", "landing", "volume_type", "EXTERNAL",
                "storage_location", "file://" + dir + "/landing")).post(BASE + "/volumes").then().statusCode(200);
        asAdmin().body(Map.of("name", "orders", "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                "storage_location", "file://" + dir + "/orders",
                "columns", List.of(Map.of("name", "amount", "type_name", "INT")))).post(BASE + "/tables")
                .then().statusCode(200);
    }

    /** A run that reads {@code input} and writes {@code output}, each a file-system path, amount to amount. */
    private static String run(String input, String output) {
        return """
                {"eventType": "COMPLETE", "eventTime": "2026-12-03T08:00:00Z",
                 "producer": "https://github.com/OpenLineage/OpenLineage/tree/1.39.0/integration/spark",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "spark", "name": "load"},
                 "inputs": [{"namespace": "file", "name": "%s"}],
                 "outputs": [{"namespace": "file", "name": "%s", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                   "fields": {"amount": {"inputFields": [{"namespace": "file", "name": "%2$s", "field": "amount",
                     "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]}]}}}}}]}"""
                .formatted(UUID.randomUUID(), input, output);
    }

    private JsonPath tableLineage(String token) {
        return as(token).queryParam("table_name", catalog + ".s.orders").get("/api/2.0/lineage-tracking/table-lineage")
                .then().statusCode(200).extract().jsonPath();
    }

    private String graph(String token) {
        return as(token).queryParam("node", catalog + ".s.orders").get("/api/lakeward/v1/lineage/graph").then()
                .statusCode(200).extract().asString();
    }

    @Test
    void aFileInAVolumeIsAttributedToTheVolumeAndMaskedForThoseWhoMayNotSeeIt() {
        String file = dir + "/landing/2026/orders.csv";
        asAdmin().body(run(file, dir + "/orders")).post("/api/v1/lineage").then().statusCode(200);

        String admin = adminToken();
        JsonPath full = tableLineage(admin);
        assertThat(full.getString("upstreams[0].fileInfo.path")).isEqualTo("file://" + file);
        assertThat(full.getString("upstreams[0].fileInfo.securable_name")).isEqualTo(catalog + ".s.landing");
        assertThat(full.getString("upstreams[0].fileInfo.securable_type")).isEqualTo("VOLUME");
        JsonPath drawn = JsonPath.from(graph(admin));
        assertThat(drawn.getList("nodes.findAll { it.kind == 'VOLUME' }.name", String.class))
                .containsExactly("/Volumes/" + catalog + "/s/landing/2026/orders.csv");

        // one who may read the table but not see the volume learns neither the path nor its column
        String analystName = unique("analyst");
        String analyst = userWithToken(analystName);
        grant("catalog", catalog, analystName, "USE CATALOG", "USE SCHEMA");
        grant("table", catalog + ".s.orders", analystName, "SELECT");
        JsonPath masked = tableLineage(analyst);
        assertThat(masked.getBoolean("upstreams[0].fileInfo.masked")).isTrue();
        assertThat(masked.getString("upstreams[0].fileInfo.path")).isNull();
        String maskedGraph = graph(analyst);
        assertThat(maskedGraph).doesNotContain("landing").doesNotContain(dir + "/").contains("\"masked\":true");
        String columns = as(analyst).queryParam("table_name", catalog + ".s.orders").queryParam("column_name", "amount")
                .get("/api/2.0/lineage-tracking/column-lineage").then().statusCode(200).extract().asString();
        assertThat(columns).doesNotContain("landing").contains("\"masked\":true");

        grant("volume", catalog + ".s.landing", analystName, "READ VOLUME");
        assertThat(tableLineage(analyst).getString("upstreams[0].fileInfo.securable_name"))
                .isEqualTo(catalog + ".s.landing");
    }

    @Test
    void reportingARunThatWritesIntoAVolumeTakesWriteVolume() {
        String engineName = unique("engine");
        String engine = userWithToken(engineName);
        grant("catalog", catalog, engineName, "USE CATALOG", "USE SCHEMA");
        grant("volume", catalog + ".s.landing", engineName, "READ VOLUME");
        String export = run(dir + "/orders", dir + "/landing/exports/orders.csv");
        // one who may not see the volume is not told whose files the path holds
        String stranger = userWithToken(unique("stranger"));
        String refusal = as(stranger).body(export).post("/api/v1/lineage").then().statusCode(403).extract()
                .path("message");
        assertThat(refusal).contains("lies in a volume on which").doesNotContain(catalog + ".s.landing");
        as(engine).body(export).post("/api/v1/lineage").then().statusCode(403)
                .body("message", equalTo("User " + engineName + " does not have WRITE VOLUME on volume '" + catalog
                        + ".s.landing'"));
        asAdmin().queryParam("table_name", catalog + ".s.orders").get("/api/2.0/lineage-tracking/table-lineage")
                .then().statusCode(200).body("downstreams.size()", equalTo(0));
        grant("volume", catalog + ".s.landing", engineName, "WRITE VOLUME");
        as(engine).body(export).post("/api/v1/lineage").then().statusCode(200);
        assertThat(tableLineage(adminToken())
                .getString("downstreams[0].fileInfo.securable_name")).isEqualTo(catalog + ".s.landing");
    }

    /**
     * OpenLineage names a file by its raw path, not a URL: a space, {@code #}, {@code ?} or
     * {@code [} in it is still a path in the volume, checked on ingest and masked on read.
     */
    @Test
    void aPathWithCharactersAUrlWouldEscapeIsStillTheVolumes() {
        String stranger = userWithToken(unique("stranger"));
        for (String name : List.of("my orders.csv", "orders#1.csv", "orders?.csv", "orders[1].csv", "100%.csv")) {
            as(stranger).body(run(dir + "/orders", dir + "/landing/exports/" + name)).post("/api/v1/lineage").then()
                    .statusCode(403).body("message", org.hamcrest.Matchers.containsString("lies in a volume"));
        }
        asAdmin().queryParam("table_name", catalog + ".s.orders").get("/api/2.0/lineage-tracking/table-lineage")
                .then().statusCode(200).body("downstreams.size()", equalTo(0));

        asAdmin().body(run(dir + "/landing/2026/q1 orders.csv", dir + "/orders")).post("/api/v1/lineage").then()
                .statusCode(200);
        assertThat(tableLineage(adminToken()).getString("upstreams[0].fileInfo.securable_name"))
                .isEqualTo(catalog + ".s.landing");
        String analystName = unique("analyst");
        String analyst = userWithToken(analystName);
        grant("catalog", catalog, analystName, "USE CATALOG", "USE SCHEMA");
        grant("table", catalog + ".s.orders", analystName, "SELECT");
        JsonPath masked = tableLineage(analyst);
        assertThat(masked.getBoolean("upstreams[0].fileInfo.masked")).isTrue();
        assertThat(masked.getString("upstreams[0].fileInfo.path")).isNull();
    }
}
