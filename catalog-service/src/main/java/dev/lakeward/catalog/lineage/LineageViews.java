package dev.lakeward.catalog.lineage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The lineage API's bodies: Databricks' lineage-tracking shapes, and Lakeward's graph. */
public final class LineageViews {

    private LineageViews() {
    }

    /**
     * One neighbour of a table. Exactly one of {@code tableInfo} (a catalog table, possibly masked)
     * and {@code fileInfo} (a dataset outside the catalog) is set.
     */
    public record TableLineageEntry(@JsonProperty("tableInfo") TableRef tableInfo,
            @JsonProperty("fileInfo") FileRef fileInfo) {
    }

    /** A table; masked when the caller may not browse it: then only {@code masked} and the time. */
    public record TableRef(String name, String catalogName, String schemaName, String tableType, Boolean deleted,
            Boolean masked, long lineageTimestamp) {
    }

    /**
     * A dataset outside the catalog's tables, by its path; for a path in a volume, the volume as
     * Databricks names it ({@code securable_name}, {@code securable_type} VOLUME), and nothing but
     * {@code masked} when the caller may not see the volume.
     */
    public record FileRef(String path, String securableName, String securableType, Boolean masked,
            long lineageTimestamp) {
    }

    public record TableLineage(List<TableLineageEntry> upstreams, List<TableLineageEntry> downstreams) {
    }

    /**
     * A column of a neighbour: of a catalog table (possibly masked), or of an outside dataset
     * ({@code path}); with how the two columns are linked (Lakeward's addition to Databricks' shape).
     */
    public record ColumnRef(String name, String catalogName, String schemaName, String tableName, String path,
            Boolean deleted, Boolean masked, long lineageTimestamp, List<Transformation> transformations) {
    }

    /** DIRECT (IDENTITY, TRANSFORMATION, AGGREGATION) or INDIRECT (JOIN, FILTER, GROUP_BY, SORT, WINDOW, CONDITIONAL). */
    public record Transformation(String type, String subtype) {
    }

    public record ColumnLineage(List<ColumnRef> upstreamCols, List<ColumnRef> downstreamCols) {
    }

    /**
     * A node of the explorer's graph: a table (kind TABLE), a path in a volume (VOLUME, named
     * {@code /Volumes/catalog/schema/volume/path}), an outside dataset (DATASET), or a column of one (COLUMN).
     */
    public record GraphNode(String id, String kind, String name, String table, Boolean deleted, Boolean masked) {
    }

    /**
     * A column edge (type and subtype set), a table edge (no type), or a dataset-level dependency:
     * a column that joins, filters, groups or sorts a whole dataset, from the column to the dataset's node.
     */
    public record GraphEdge(String source, String target, String type, String subtype, String description,
            Boolean masking) {
    }

    public record Graph(List<GraphNode> nodes, List<GraphEdge> edges) {
    }
}
