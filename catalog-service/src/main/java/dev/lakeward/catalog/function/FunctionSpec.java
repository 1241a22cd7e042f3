package dev.lakeward.catalog.function;

import dev.lakeward.catalog.namespace.ColumnTypeName;

/**
 * A function's signature and body, in Unity Catalog's field names: the one document stored as
 * {@code catalog_function.spec}, checked on create ({@link FunctionSignatures}) and answered as given.
 */
public record FunctionSpec(FunctionParameterInfos inputParams, ColumnTypeName dataType, String fullDataType,
        FunctionParameterInfos returnParams, RoutineBody routineBody, String routineDefinition,
        DependencyList routineDependencies, ParameterStyle parameterStyle, Boolean isDeterministic,
        SqlDataAccess sqlDataAccess, Boolean isNullCall, SecurityType securityType, String specificName,
        String externalLanguage) {
}
