package dev.lakeward.catalog.function;

import dev.lakeward.catalog.namespace.ColumnTypeName;

/** Unity Catalog's {@code FunctionInfo}, field for field; {@code properties} is a JSON object serialized as a string. */
public record FunctionInfo(String name, String catalogName, String schemaName, FunctionParameterInfos inputParams,
        ColumnTypeName dataType, String fullDataType, FunctionParameterInfos returnParams, RoutineBody routineBody,
        String routineDefinition, DependencyList routineDependencies, ParameterStyle parameterStyle,
        Boolean isDeterministic, SqlDataAccess sqlDataAccess, Boolean isNullCall, SecurityType securityType,
        String specificName, String comment, String properties, String fullName, String owner, Long createdAt,
        String createdBy, Long updatedAt, String updatedBy, String functionId, String externalLanguage) {
}
