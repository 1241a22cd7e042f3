package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lakeward.catalog.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A table is matched to the datasets of OpenLineage events by its location whatever the spelling
 * on either side: registered as Spark prints locations ({@code file:/data/x}, {@code s3a://…/}),
 * named in events as a namespace and a path ({@code file} + {@code /data/x}, {@code s3://bucket} +
 * a percent-encoded path).
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class LineageLocationSpellingTest {

    @Test
    void locationsInAnySpellingMatchTheirTables() {
        String catalog = unique("spell");
        String dir = "/tmp/" + catalog;
        String bucket = catalog.replace('_', '-');
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        for (Map.Entry<String, String> table : Map.of("src", "file:" + dir + "/src", "dst", "s3a://" + bucket + "/dst/")
                .entrySet()) {
            asAdmin().body(Map.of("name", table.getKey(), "catalog_name", catalog, "schema_name", "s",
                    "table_type", "EXTERNAL", "storage_location", table.getValue(),
                    "columns", List.of(Map.of("name", "x", "type_name", "INT")))).post(BASE + "/tables")
                    .then().statusCode(200);
        }
        asAdmin().body("""
                {"eventType": "COMPLETE", "eventTime": "2026-11-20T08:00:00Z",
                 "producer": "https://github.com/OpenLineage/OpenLineage/tree/1.39.0/integration/spark",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "spark", "name": "copy"},
                 "inputs": [{"namespace": "file", "name": "%s/src"}],
                 "outputs": [{"namespace": "s3://%s", "name": "/%%64st", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                   "fields": {"x": {"inputFields": [{"namespace": "file", "name": "%2$s/src", "field": "x",
                     "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]}]}}}}}]}"""
                .formatted(UUID.randomUUID(), dir, bucket)).post("/api/v1/lineage").then().statusCode(200);

        assertThat(asAdmin().queryParam("table_name", catalog + ".s.dst").get("/api/2.0/lineage-tracking/table-lineage")
                .then().statusCode(200).extract().jsonPath().getList("upstreams.tableInfo.name", String.class))
                .containsExactly("src");
    }
}
