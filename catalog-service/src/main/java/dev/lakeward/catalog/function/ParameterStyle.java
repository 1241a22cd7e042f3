package dev.lakeward.catalog.function;

/** Unity Catalog's {@code parameter_style}: S, SQL's, is the only one. */
public enum ParameterStyle {
    S
}
