package dev.lakeward.catalog.function;

import dev.lakeward.catalog.namespace.ColumnTypeName;

/** A parameter of a function, or a column of the table it returns, as Unity Catalog describes it. */
public record FunctionParameterInfo(String name, String typeText, String typeJson, ColumnTypeName typeName,
        Integer typePrecision, Integer typeScale, String typeIntervalType, Integer position,
        FunctionParameterMode parameterMode, FunctionParameterType parameterType, String parameterDefault,
        String comment) {
}
