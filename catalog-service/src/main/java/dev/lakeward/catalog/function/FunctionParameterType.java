package dev.lakeward.catalog.function;

/** Unity Catalog's {@code FunctionParameterType}: a parameter, or a column of a returned table. */
public enum FunctionParameterType {
    PARAM,
    COLUMN
}
