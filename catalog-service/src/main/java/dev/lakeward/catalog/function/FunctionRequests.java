package dev.lakeward.catalog.function;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.ColumnTypeName;
import dev.lakeward.catalog.namespace.InSchemaCreations.NewObject;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import java.util.List;

/** The function API's bodies, as Unity Catalog names their fields. */
public final class FunctionRequests {

    private FunctionRequests() {
    }

    /** Unity Catalog's {@code CreateFunctionRequest}: the function, wrapped. */
    public record CreateFunctionRequest(CreateFunction functionInfo) {
    }

    /** Unity Catalog's {@code CreateFunction}; {@code properties} is a JSON object serialized as a string. */
    public record CreateFunction(String name, String catalogName, String schemaName, FunctionParameterInfos inputParams,
            ColumnTypeName dataType, String fullDataType, FunctionParameterInfos returnParams, RoutineBody routineBody,
            String routineDefinition, DependencyList routineDependencies, ParameterStyle parameterStyle,
            Boolean isDeterministic, SqlDataAccess sqlDataAccess, Boolean isNullCall, SecurityType securityType,
            String specificName, String comment, String properties, String externalLanguage) {

        NewObject newObject() {
            return new NewObject(catalogName, schemaName, name, comment);
        }

        FunctionSpec spec() {
            return new FunctionSpec(inputParams, dataType, fullDataType, returnParams, routineBody, routineDefinition,
                    routineDependencies, parameterStyle, isDeterministic, sqlDataAccess, isNullCall, securityType,
                    specificName, externalLanguage);
        }
    }

    /**
     * Databricks' {@code UpdateFunction}: a new owner, the only change a function takes (its
     * signature and body are replaced by creating it again).
     */
    public record UpdateFunction(String owner) {

        UpdateSecurable asSecurableUpdate() {
            if (owner == null) {
                throw new InvalidParameter("owner is required: a function's owner is all that changes.");
            }
            return new UpdateSecurable(null, null, null, owner);
        }
    }

    public record ListFunctionsResponse(List<FunctionInfo> functions, String nextPageToken) {
    }
}
