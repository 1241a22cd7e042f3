package dev.lakeward.catalog.access;

/**
 * A CDI event: this transaction changed or dropped a metastore, catalog, schema or table, or
 * created, changed or dropped an external location; what vending and the engine API remember of
 * them is forgotten once it commits.
 */
public record NamespaceChanged() {
}
