package dev.lakeward.catalog.support;

import java.util.UUID;

/** OpenLineage events as Spark reports them, for tests about who may report. */
public final class OpenLineageEvents {

    private OpenLineageEvents() {
    }

    /** A COMPLETE run that loads column {@code x} of the catalog table from a path outside the catalog. */
    public static String loads(UUID runId, String table) {
        return """
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T08:00:00Z", "producer": "https://example.com/spark",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s"}, "job": {"namespace": "spark", "name": "load"},
                 "inputs": [{"namespace": "s3://elsewhere", "name": "/raw"}],
                 "outputs": [{"namespace": "unitycatalog://lakeward", "name": "%s", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json",
                   "fields": {"x": {"inputFields": [{"namespace": "s3://elsewhere", "name": "/raw", "field": "x",
                     "transformations": [{"type": "DIRECT", "subtype": "IDENTITY"}]}]}}}}}]}""".formatted(runId, table);
    }
}
