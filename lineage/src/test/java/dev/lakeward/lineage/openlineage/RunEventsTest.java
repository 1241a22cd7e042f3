package dev.lakeward.lineage.openlineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.lineage.ColumnEdge;
import dev.lakeward.lineage.ColumnRef;
import dev.lakeward.lineage.DatasetDependency;
import dev.lakeward.lineage.DatasetRef;
import dev.lakeward.lineage.InvalidLineageEvent;
import dev.lakeward.lineage.LineageBatch;
import dev.lakeward.lineage.RunRecord;
import dev.lakeward.lineage.TableEdge;
import dev.lakeward.lineage.Transformation;
import dev.lakeward.lineage.TransformationType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenLineage specification's own example facets produce the edges they describe. */
class RunEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REFERENCE = Path.of("..", "..", "shared", "reference", "openlineage");

    /** A COMPLETE event whose one output carries the facets of a spec example file. */
    static String completeEventWithOutputFacets(String exampleFile, String outputNamespace, String outputName)
            throws IOException {
        JsonNode facets = JSON.readTree(Files.readString(REFERENCE.resolve(exampleFile)));
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"eventType": "COMPLETE", "eventTime": "2026-11-01T10:00:00Z",
                 "producer": "https://example.com/test", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json",
                 "run": {"runId": "0196f3a5-8d44-7c0e-9a63-2f9a5c0d1e01"},
                 "job": {"namespace": "spark", "name": "etl.people"},
                 "inputs": [], "outputs": [{"namespace": "%s", "name": "%s"}]}"""
                .formatted(outputNamespace, outputName));
        ((ObjectNode) event.get("outputs").get(0)).set("facets", facets);
        return JSON.writeValueAsString(event);
    }

    @Test
    void snowflakeExampleGivesIdentityAndJoinEdgesPerField() throws IOException {
        LineageBatch batch = RunEvents.toBatch(RunEvents.parse(
                completeEventWithOutputFacets("tests__ColumnLineageDatasetFacet__1.json", "SnowflakeOpenLineage", "RESULT")));

        DatasetRef customers = new DatasetRef("SnowflakeOpenLineage", "CUSTOMERS");
        DatasetRef discounts = new DatasetRef("SnowflakeOpenLineage", "DISCOUNTS");
        DatasetRef result = new DatasetRef("SnowflakeOpenLineage", "RESULT");
        Transformation join = new Transformation(TransformationType.INDIRECT, "JOIN",
                "ON (DISCOUNTS.CUSTOMERS_ID=CUSTOMERS.ID)", false);
        assertThat(batch.columnEdges()).hasSize(12).contains(
                new ColumnEdge(new ColumnRef(customers, "NAME"), new ColumnRef(result, "NAME"),
                        new Transformation(TransformationType.DIRECT, "IDENTITY", null, false)),
                new ColumnEdge(new ColumnRef(customers, "ID"), new ColumnRef(result, "NAME"), join),
                new ColumnEdge(new ColumnRef(discounts, "CUSTOMERS_ID"), new ColumnRef(result, "ENDS_AT"), join),
                new ColumnEdge(new ColumnRef(discounts, "AMOUNT_OFF"), new ColumnRef(result, "AMOUNT_OFF"),
                        new Transformation(TransformationType.DIRECT, "IDENTITY", null, false)));
        assertThat(batch.tableEdges()).containsExactlyInAnyOrder(new TableEdge(customers, result),
                new TableEdge(discounts, result));
        assertThat(batch.datasetDependencies()).isEmpty();
        assertThat(batch.run()).isEqualTo(new RunRecord(UUID.fromString("0196f3a5-8d44-7c0e-9a63-2f9a5c0d1e01"),
                "spark", "etl.people", RunRecord.RunState.COMPLETE, Instant.parse("2026-11-01T10:00:00Z")));
    }

    @Test
    void sparkExampleGivesFieldEdgesAndDatasetLevelDependencies() throws IOException {
        LineageBatch batch = RunEvents.toBatch(RunEvents.parse(
                completeEventWithOutputFacets("tests__ColumnLineageDatasetFacet__2.json", "s3://test-bucket", "/out/people")));

        DatasetRef people = new DatasetRef("s3://test-bucket", "/iceberg_warehouse/some-database/people");
        DatasetRef out = new DatasetRef("s3://test-bucket", "/out/people");
        assertThat(batch.columnEdges()).containsExactlyInAnyOrder(
                new ColumnEdge(new ColumnRef(people, "id"), new ColumnRef(out, "id"),
                        new Transformation(TransformationType.DIRECT, "IDENTITY", null, false)),
                new ColumnEdge(new ColumnRef(people, "first_name"), new ColumnRef(out, "firstName"),
                        new Transformation(TransformationType.DIRECT, "IDENTITY", null, false)),
                new ColumnEdge(new ColumnRef(people, "last_name"), new ColumnRef(out, "lastName"),
                        new Transformation(TransformationType.DIRECT, "IDENTITY", null, false)),
                new ColumnEdge(new ColumnRef(people, "age"), new ColumnRef(out, "ageNextYear"),
                        new Transformation(TransformationType.DIRECT, "TRANSFORMATION", null, false)));
        assertThat(batch.datasetDependencies()).containsExactlyInAnyOrder(
                new DatasetDependency(new ColumnRef(people, "last_name"), out,
                        new Transformation(TransformationType.INDIRECT, "SORT", null, false)),
                new DatasetDependency(new ColumnRef(people, "first_name"), out,
                        new Transformation(TransformationType.INDIRECT, "SORT", null, false)),
                new DatasetDependency(new ColumnRef(people, "age"), out,
                        new Transformation(TransformationType.INDIRECT, "FILTER", null, false)));
        assertThat(batch.tableEdges()).containsExactly(new TableEdge(people, out));
    }

    @Test
    void onlyACompleteRunCreatesEdges() throws IOException {
        String complete = completeEventWithOutputFacets("tests__ColumnLineageDatasetFacet__2.json", "s3://b", "/o");
        for (String type : new String[] {"START", "RUNNING", "FAIL", "ABORT"}) {
            LineageBatch batch = RunEvents.toBatch(RunEvents.parse(
                    complete.replace("\"eventType\":\"COMPLETE\"", "\"eventType\":\"" + type + "\"")));
            assertThat(batch.run().state()).isEqualTo(RunRecord.RunState.valueOf(type));
            assertThat(batch.columnEdges()).isEmpty();
            assertThat(batch.tableEdges()).isEmpty();
        }
    }

    @Test
    void aFacetWithoutTransformationsTakesTheFieldLevelType() {
        LineageBatch batch = RunEvents.toBatch(RunEvents.parse("""
                {"eventType": "COMPLETE", "eventTime": "2026-11-01T10:00:00Z", "producer": "p", "schemaURL": "s",
                 "run": {"runId": "0196f3a5-8d44-7c0e-9a63-2f9a5c0d1e02"}, "job": {"namespace": "n", "name": "j"},
                 "outputs": [{"namespace": "file", "name": "/t", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "s",
                   "fields": {"hash": {"transformationType": "MASKED",
                     "inputFields": [{"namespace": "file", "name": "/s", "field": "email"}]}}}}}]}"""));

        assertThat(batch.columnEdges()).singleElement().satisfies(edge -> {
            assertThat(edge.transformation().type()).isEqualTo(TransformationType.DIRECT);
            assertThat(edge.transformation().masking()).isTrue();
        });
    }

    @Test
    void malformedEventsSayWhatIsWrong() {
        assertThatThrownBy(() -> RunEvents.parse("{\"eventType\": ")).isInstanceOf(InvalidLineageEvent.class)
                .hasMessageStartingWith("The event is not valid JSON");
        assertThatThrownBy(() -> RunEvents.parse("[]")).hasMessage("The event must be a JSON object.");
        assertThatThrownBy(() -> RunEvents.parse("{\"run\": {\"runId\": \"x\"}}")).hasMessage("eventTime is required.");
        assertThatThrownBy(() -> RunEvents.parse("{\"eventTime\": \"2026-11-01T10:00:00Z\", \"job\": {}}"))
                .hasMessage("run.runId is required.");
        assertThatThrownBy(() -> RunEvents.parse("""
                {"eventTime": "2026-11-01T10:00:00Z", "run": {"runId": "0196f3a5-8d44-7c0e-9a63-2f9a5c0d1e03"}}"""))
                .hasMessage("job.namespace and job.name are required.");
        assertThatThrownBy(() -> RunEvents.parse("""
                {"eventTime": "yesterday", "run": {"runId": "0196f3a5-8d44-7c0e-9a63-2f9a5c0d1e03"},
                 "job": {"namespace": "n", "name": "j"}}"""))
                .hasMessageStartingWith("The event does not follow the OpenLineage RunEvent schema");
        assertThatThrownBy(() -> RunEvents.toBatch(RunEvents.parse("""
                {"eventType": "COMPLETE", "eventTime": "2026-11-01T10:00:00Z", "producer": "p", "schemaURL": "s",
                 "run": {"runId": "0196f3a5-8d44-7c0e-9a63-2f9a5c0d1e04"}, "job": {"namespace": "n", "name": "j"},
                 "outputs": [{"namespace": "file", "name": "/t", "facets": {"columnLineage": {
                   "_producer": "p", "_schemaURL": "s", "fields": {"c": {"inputFields": [
                     {"namespace": "file", "name": "/s", "field": "x", "transformations": [{"type": "SIDEWAYS"}]}]}}}}}]}""")))
                .hasMessageContaining("neither DIRECT nor INDIRECT");
    }
}
