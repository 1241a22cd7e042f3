package dev.lakeward.lineage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one OpenLineage event contributes: its run, and, for a COMPLETE run, the lineage it
 * produced. Edges are de-duplicated; their order is the event's.
 */
public record LineageBatch(RunRecord run, List<ColumnEdge> columnEdges, List<DatasetDependency> datasetDependencies,
        List<TableEdge> tableEdges) {

    /** Every dataset the batch mentions, as sources or targets. */
    public Set<DatasetRef> datasets() {
        Set<DatasetRef> datasets = new LinkedHashSet<>();
        tableEdges.forEach(e -> {
            datasets.add(e.source());
            datasets.add(e.target());
        });
        columnEdges.forEach(e -> {
            datasets.add(e.source().dataset());
            datasets.add(e.target().dataset());
        });
        datasetDependencies.forEach(d -> {
            datasets.add(d.source().dataset());
            datasets.add(d.target());
        });
        return datasets;
    }
}
