package dev.lakeward.lineage;

/** The target dataset was written from the source dataset by a run. */
public record TableEdge(DatasetRef source, DatasetRef target) {
}
