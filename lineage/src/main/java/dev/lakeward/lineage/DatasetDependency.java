package dev.lakeward.lineage;

/**
 * A column that affects a whole target dataset, not one column of it: a filter, a join key or a
 * sort order (OpenLineage's dataset-level column lineage). Always INDIRECT.
 */
public record DatasetDependency(ColumnRef source, DatasetRef target, Transformation transformation) {
}
