package dev.lakeward.lineage.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.ColumnLineageDatasetFacet;
import io.openlineage.client.OpenLineage.InputField;
import io.openlineage.client.OpenLineage.InputFieldTransformations;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OpenLineage RunEvents (through {@code openlineage-java}'s model) to Lakeward's lineage.
 * Only a COMPLETE run creates edges: a START, RUNNING, FAIL or ABORT event records the run alone.
 * Column lineage comes from the {@code columnLineage} facet of each output, in both shapes Spark
 * emits: per-field input fields with their transformations, and the dataset-level
 * {@code dataset} array (which some versions also copy into every field).
 */
public final class RunEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunEvents() {
    }

    /** Parses and checks one event's JSON; throws {@link InvalidLineageEvent} saying what is wrong. */
    public static RunEvent parse(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidLineageEvent("The event is not valid JSON: " + e.getMessage());
        }
        require(tree != null && tree.isObject(), "The event must be a JSON object.");
        require(tree.hasNonNull("eventTime"), "eventTime is required.");
        require(tree.path("run").hasNonNull("runId"), "run.runId is required.");
        require(tree.path("job").hasNonNull("namespace") && tree.path("job").hasNonNull("name"),
                "job.namespace and job.name are required.");
        try {
            return OpenLineageClientUtils.runEventFromJson(json);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidLineageEvent("The event does not follow the OpenLineage RunEvent schema: "
                    + firstLine(cause.getMessage()));
        }
    }

    /** The run and, when it completed, the lineage it produced. */
    public static LineageBatch toBatch(RunEvent event) {
        RunRecord run = new RunRecord(event.getRun().getRunId(), event.getJob().getNamespace(),
                event.getJob().getName(), state(event.getEventType()), event.getEventTime().toInstant());
        if (run.state() != RunRecord.RunState.COMPLETE) {
            return new LineageBatch(run, List.of(), List.of(), List.of());
        }
        Set<ColumnEdge> columnEdges = new LinkedHashSet<>();
        Set<DatasetDependency> dependencies = new LinkedHashSet<>();
        Set<TableEdge> tableEdges = new LinkedHashSet<>();
        List<DatasetRef> inputs = new ArrayList<>();
        for (OpenLineage.InputDataset input : nullSafe(event.getInputs())) {
            inputs.add(dataset(input.getNamespace(), input.getName()));
        }
        for (OpenLineage.OutputDataset output : nullSafe(event.getOutputs())) {
            DatasetRef target = dataset(output.getNamespace(), output.getName());
            inputs.forEach(source -> tableEdges.add(new TableEdge(source, target)));
            ColumnLineageDatasetFacet facet = output.getFacets() == null ? null : output.getFacets().getColumnLineage();
            if (facet == null) {
                continue;
            }
            if (facet.getFields() != null) {
                for (Map.Entry<String, OpenLineage.ColumnLineageDatasetFacetFieldsAdditional> field
                        : facet.getFields().getAdditionalProperties().entrySet()) {
                    ColumnRef targetColumn = new ColumnRef(target, field.getKey());
                    for (InputField inputField : nullSafe(field.getValue().getInputFields())) {
                        ColumnRef source = column(inputField);
                        tableEdges.add(new TableEdge(source.dataset(), target));
                        for (Transformation transformation : transformations(inputField,
                                field.getValue().getTransformationType(), field.getValue().getTransformationDescription())) {
                            columnEdges.add(new ColumnEdge(source, targetColumn, transformation));
                        }
                    }
                }
            }
            for (InputField inputField : nullSafe(facet.getDataset())) {
                ColumnRef source = column(inputField);
                tableEdges.add(new TableEdge(source.dataset(), target));
                for (Transformation transformation : transformations(inputField, null, null)) {
                    dependencies.add(new DatasetDependency(source, target, transformation));
                }
            }
        }
        tableEdges.removeIf(edge -> edge.source().equals(edge.target()));
        return new LineageBatch(run, List.copyOf(columnEdges), List.copyOf(dependencies), List.copyOf(tableEdges));
    }

    /**
     * The input field's transformations; a field without any (the facet's 1-0 shape) takes the
     * deprecated field-level {@code transformationType}: IDENTITY, or MASKED for a masking one.
     */
    private static List<Transformation> transformations(InputField field, String legacyType, String legacyDescription) {
        List<InputFieldTransformations> given = nullSafe(field.getTransformations());
        if (given.isEmpty()) {
            boolean masked = "MASKED".equalsIgnoreCase(legacyType);
            return List.of(new Transformation(TransformationType.DIRECT, masked ? "TRANSFORMATION" : "IDENTITY",
                    legacyDescription, masked));
        }
        List<Transformation> transformations = new ArrayList<>(given.size());
        for (InputFieldTransformations t : given) {
            TransformationType type;
            try {
                type = TransformationType.valueOf(String.valueOf(t.getType()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidLineageEvent("Transformation type '" + t.getType() + "' of input field "
                        + field.getName() + "." + field.getField() + " is neither DIRECT nor INDIRECT.");
            }
            transformations.add(new Transformation(type, t.getSubtype(), t.getDescription(),
                    Boolean.TRUE.equals(t.getMasking())));
        }
        return transformations;
    }

    private static ColumnRef column(InputField field) {
        require(field.getField() != null && !field.getField().isEmpty(), "An input field has no field name.");
        return new ColumnRef(dataset(field.getNamespace(), field.getName()), field.getField());
    }

    private static DatasetRef dataset(String namespace, String name) {
        require(namespace != null && name != null, "Every dataset needs a namespace and a name.");
        return new DatasetRef(namespace, name);
    }

    private static RunRecord.RunState state(RunEvent.EventType type) {
        if (type == null) {
            return RunRecord.RunState.OTHER;
        }
        return switch (type) {
            case START -> RunRecord.RunState.START;
            case RUNNING -> RunRecord.RunState.RUNNING;
            case COMPLETE -> RunRecord.RunState.COMPLETE;
            case ABORT -> RunRecord.RunState.ABORT;
            case FAIL -> RunRecord.RunState.FAIL;
            default -> RunRecord.RunState.OTHER;
        };
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidLineageEvent(message);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
