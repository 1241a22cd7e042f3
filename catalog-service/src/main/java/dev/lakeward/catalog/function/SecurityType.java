package dev.lakeward.catalog.function;

/** Unity Catalog's {@code security_type}: a function runs with its definer's rights. */
public enum SecurityType {
    DEFINER
}
