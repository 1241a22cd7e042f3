package dev.lakeward.catalog.function;

import java.util.List;

/** Unity Catalog's {@code FunctionParameterInfos}: a function's parameters, or its returned table's columns. */
public record FunctionParameterInfos(List<FunctionParameterInfo> parameters) {
}
