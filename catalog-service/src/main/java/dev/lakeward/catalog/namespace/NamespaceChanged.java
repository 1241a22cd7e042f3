package dev.lakeward.catalog.namespace;

/**
 * A CDI event: this transaction changed or dropped a metastore, catalog, schema or table; the
 * tables the engine API remembers are forgotten once it commits.
 */
public record NamespaceChanged() {
}
