package dev.lakeward.catalog.lineage;

import static dev.lakeward.catalog.support.Api.BASE;
import static dev.lakeward.catalog.support.Api.asAdmin;
import static dev.lakeward.catalog.support.Api.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The INDIRECT lineage fixture: managed tables orders, customers, regions and out, and the event
 * the OpenLineage Spark integration reports for
 * {@code INSERT INTO out SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id
 * WHERE c.country = 'NL' AND c.region IN (SELECT r.id FROM regions r WHERE r.active) ORDER BY o.placed_at}:
 * per field, {@code out.id ← orders.id} (DIRECT IDENTITY) with the join key and the filter column as
 * INDIRECT inputs of that field, {@code out.name ← customers.name}; and in the facet's dataset-level
 * array, dependencies of the whole output: {@code customers.id} (JOIN), {@code regions.active}
 * (FILTER) and {@code orders.placed_at} (SORT). Datasets are named as Spark's Unity Catalog
 * integration names them, {@code catalog.schema.table}.
 */
final class SparkJoinLineage {

    private SparkJoinLineage() {
    }

    /** A new catalog with schema {@code s} and the four tables; returns its name. */
    static String createTables() {
        String catalog = unique("spark");
        asAdmin().body(Map.of("name", catalog)).post(BASE + "/catalogs").then().statusCode(200);
        asAdmin().body(Map.of("name", "s", "catalog_name", catalog)).post(BASE + "/schemas").then().statusCode(200);
        Map<String, List<String>> tables = Map.of("orders", List.of("id", "customer_id", "placed_at"),
                "customers", List.of("id", "name", "country", "region"), "regions", List.of("id", "active"),
                "out", List.of("id", "name"));
        tables.forEach((table, columns) -> asAdmin().body(Map.of("name", table, "catalog_name", catalog,
                        "schema_name", "s", "table_type", "MANAGED",
                        "columns", columns.stream().map(c -> Map.of("name", c, "type_name", "STRING")).toList()))
                .post(BASE + "/tables").then().statusCode(200));
        return catalog;
    }

    static String event(String catalog) {
        return """
                {"eventType": "COMPLETE", "eventTime": "2026-11-21T09:30:00.123Z",
                 "producer": "https://github.com/OpenLineage/OpenLineage/tree/1.39.0/integration/spark",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"},
                 "job": {"namespace": "spark", "name": "nl_orders.execute_insert_into_hadoop_fs_relation_command"},
                 "inputs": [{"namespace": "unitycatalog://lakeward", "name": "%2$s.s.orders"},
                            {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.customers"},
                            {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.regions"}],
                 "outputs": [{"namespace": "unitycatalog://lakeward", "name": "%2$s.s.out", "facets": {"columnLineage": {
                   "_producer": "https://github.com/OpenLineage/OpenLineage/tree/1.39.0/integration/spark",
                   "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet",
                   "fields": {
                     "id": {"inputFields": [
                       {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.orders", "field": "id",
                        "transformations": [{"type": "DIRECT", "subtype": "IDENTITY", "description": "", "masking": false}]},
                       {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.orders", "field": "customer_id",
                        "transformations": [{"type": "INDIRECT", "subtype": "JOIN", "description": "", "masking": false}]},
                       {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.customers", "field": "country",
                        "transformations": [{"type": "INDIRECT", "subtype": "FILTER", "description": "", "masking": false}]}]},
                     "name": {"inputFields": [
                       {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.customers", "field": "name",
                        "transformations": [{"type": "DIRECT", "subtype": "IDENTITY", "description": "", "masking": false}]}]}},
                   "dataset": [
                     {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.customers", "field": "id",
                      "transformations": [{"type": "INDIRECT", "subtype": "JOIN", "description": "", "masking": false}]},
                     {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.regions", "field": "active",
                      "transformations": [{"type": "INDIRECT", "subtype": "FILTER", "description": "", "masking": false}]},
                     {"namespace": "unitycatalog://lakeward", "name": "%2$s.s.orders", "field": "placed_at",
                      "transformations": [{"type": "INDIRECT", "subtype": "SORT", "description": "", "masking": false}]}]}}}]}"""
                .formatted(UUID.randomUUID(), catalog);
    }
}
