package dev.lakeward.catalog.namespace;

public enum DataSourceFormat {
    DELTA, ICEBERG, PARQUET, CSV, JSON, AVRO, ORC, TEXT
}
