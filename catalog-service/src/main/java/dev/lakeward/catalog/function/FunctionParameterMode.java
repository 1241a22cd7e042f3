package dev.lakeward.catalog.function;

/** Unity Catalog's {@code FunctionParameterMode}: parameters are inputs only. */
public enum FunctionParameterMode {
    IN
}
