package dev.lakeward.lineage;

/** The target column's values depend on the source column, in the way the transformation says. */
public record ColumnEdge(ColumnRef source, ColumnRef target, Transformation transformation) {
}
