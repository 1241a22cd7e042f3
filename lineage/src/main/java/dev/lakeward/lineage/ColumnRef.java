package dev.lakeward.lineage;

/** A column of a dataset. */
public record ColumnRef(DatasetRef dataset, String column) {
}
