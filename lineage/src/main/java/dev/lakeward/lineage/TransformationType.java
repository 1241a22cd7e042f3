package dev.lakeward.lineage;

/**
 * OpenLineage's transformation types: DIRECT when the target's values come from the source's
 * (subtypes IDENTITY, TRANSFORMATION, AGGREGATION), INDIRECT when the source only decides which
 * rows or how they are arranged (JOIN, FILTER, GROUP_BY, SORT, WINDOW, CONDITIONAL).
 */
public enum TransformationType {
    DIRECT, INDIRECT
}
