package dev.lakeward.catalog.namespace;

public enum TableType {
    MANAGED, EXTERNAL, VIEW, MATERIALIZED_VIEW, STREAMING_TABLE, METRIC_VIEW;

    boolean isViewLike() {
        return this != MANAGED && this != EXTERNAL;
    }
}
