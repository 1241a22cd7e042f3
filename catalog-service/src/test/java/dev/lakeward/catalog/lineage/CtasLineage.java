package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.unique;

import dev.lakeward.catalog.support.Api;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lineage fixture: a catalog with tables t1, t2, t3 and a CTAS-shaped OpenLineage event,
 * {@code t3.z ← t1.x (IDENTITY), t2.y (TRANSFORMATION), join on t1.k}.
 */
public final class CtasLineage {

    private CtasLineage() {
    }

    /** A new catalog with schema {@code s} and external tables t1, t2, t3; returns its name. */
    public static String createTables() {
        return createTables(Api::asAdmin);
    }

    /** The same, through the admin's requests of another service (a packaged one, for an IT). */
    public static String createTables(Supplier<RequestSpecification> asAdmin) {
        String catalog = unique("lin");
        asAdmin.get().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin.get().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        for (String table : List.of("t1", "t2", "t3")) {
            asAdmin.get().body(Map.of("name", table, "catalog_name", catalog, "schema_name", "s", "table_type", "EXTERNAL",
                    "storage_location", "s3://lake/" + catalog + "/" + table,
                    "columns", List.of(Map.of("name", "x", "type_name", "INT")))).post(BASE + "/tables")
                    .then().statusCode(200);
        }
        return catalog;
    }

    /** t1 is named by its location, t2 and t3 by catalog name, as Spark's UC integration does. */
    public static String event(String catalog, String eventType) {
        return """
                {"eventType": "%s", "eventTime": "2026-11-20T08:00:00Z",
                 "producer": "https://github.com/OpenLineage/OpenLineage/tree/1.39.0/integration/spark",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "spark", "name": "ctas_t3"},
                 "inputs": [{"namespace": "s3://lake", "name": "/%3$s/t1"},
                            {"namespace": "unitycatalog://lakeward", "name": "%3$s.s.t2"}],
                 "outputs": [{"namespace": "unitycatalog://lakeward", "name": "%3$s.s.t3", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                   "fields": {"z": {"inputFields": [
                     {"namespace": "s3://lake", "name": "/%3$s/t1", "field": "x",
                      "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]},
                     {"namespace": "unitycatalog://lakeward", "name": "%3$s.s.t2", "field": "y",
                      "transformations": [{"type": "DIRECT", "subtype": "TRANSFORMATION", "description": "upper(y)"}]},
                     {"namespace": "s3://lake", "name": "/%3$s/t1", "field": "k",
                      "transformations": [{"type": "INDIRECT", "subtype": "JOIN", "description": "ON t1.k = t2.k"}]}]}},
                   "dataset": [{"namespace": "s3://lake", "name": "/%3$s/t1", "field": "k",
                      "transformations": [{"type": "INDIRECT", "subtype": "JOIN"}]}]}}}]}"""
                .formatted(eventType, UUID.randomUUID(), catalog);
    }
}
