package dev.lakeward.catalog.function;

import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.function.DependencyList.Dependency;
import dev.lakeward.catalog.function.DependencyList.FunctionDependency;
import dev.lakeward.catalog.function.DependencyList.TableDependency;
import dev.lakeward.catalog.namespace.ColumnTypeName;
import dev.lakeward.catalog.namespace.Columns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a function's signature and body as Unity Catalog defines them: a return type, a SQL body
 * or an external language, parameters with distinct names and positions, a returned table's
 * columns exactly when the return type is TABLE_TYPE. Enum fields are checked as the body is read.
 */
final class FunctionSignatures {

    /**
     * Bounds on what a function stores and every listing answers whole: a body far past any real
     * one's size, a type far past any real one's text, as many parameters as a table has columns.
     */
    private static final int MAX_DEFINITION = 256 * 1024;
    private static final int MAX_TYPE_TEXT = 16 * 1024;
    private static final int MAX_PARAMETERS = 1_000;

    private static final List<String> TABLE_NAME = List.of("catalog", "schema", "table");
    private static final List<String> FUNCTION_NAME = List.of("catalog", "schema", "function");

    private FunctionSignatures() {
    }

    /** The spec as stored: checked, with dependencies' names in the namespace's lower case. */
    static FunctionSpec check(FunctionSpec spec) {
        if (spec.dataType() == null) {
            throw new InvalidParameter("function_info.data_type is required: the return type's ColumnTypeName.");
        }
        requireText("function_info.full_data_type", spec.fullDataType());
        bounded("function_info.full_data_type", spec.fullDataType(), MAX_TYPE_TEXT);
        bounded("function_info.routine_definition", spec.routineDefinition(), MAX_DEFINITION);
        bounded("function_info.external_language", spec.externalLanguage(), MAX_TYPE_TEXT);
        if (spec.routineBody() == null) {
            throw new InvalidParameter("function_info.routine_body is required: SQL or EXTERNAL.");
        }
        if (spec.routineBody() == RoutineBody.SQL) {
            requireText("function_info.routine_definition", spec.routineDefinition());
        } else {
            requireText("function_info.external_language", spec.externalLanguage());
            if (spec.sqlDataAccess() != null && spec.sqlDataAccess() != SqlDataAccess.NO_SQL) {
                throw new InvalidParameter("An EXTERNAL function's sql_data_access is NO_SQL, not "
                        + spec.sqlDataAccess() + ".");
            }
        }
        checkParameters("function_info.input_params", spec.inputParams());
        boolean returnsTable = spec.dataType() == ColumnTypeName.TABLE_TYPE;
        boolean hasReturnParams = spec.returnParams() != null && spec.returnParams().parameters() != null
                && !spec.returnParams().parameters().isEmpty();
        if (returnsTable != hasReturnParams) {
            throw new InvalidParameter("function_info.return_params names the columns of a returned table: required"
                    + " when data_type is TABLE_TYPE, and only then.");
        }
        if (returnsTable && spec.routineBody() == RoutineBody.EXTERNAL) {
            throw new InvalidParameter("An EXTERNAL function cannot return a table (data_type TABLE_TYPE).");
        }
        checkParameters("function_info.return_params", spec.returnParams());
        return new FunctionSpec(spec.inputParams(), spec.dataType(), spec.fullDataType(), spec.returnParams(),
                spec.routineBody(), spec.routineDefinition(), dependencies(spec.routineDependencies()),
                spec.parameterStyle(), spec.isDeterministic(), spec.sqlDataAccess(), spec.isNullCall(),
                spec.securityType(), spec.specificName(), spec.externalLanguage());
    }

    private static void checkParameters(String field, FunctionParameterInfos infos) {
        if (infos == null || infos.parameters() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        List<FunctionParameterInfo> parameters = infos.parameters();
        if (parameters.size() > MAX_PARAMETERS) {
            throw new InvalidParameter(field + " has " + parameters.size() + " parameters; at most " + MAX_PARAMETERS
                    + " are allowed.");
        }
        for (int i = 0; i < parameters.size(); i++) {
            String where = field + ".parameters[" + i + "]";
            FunctionParameterInfo parameter = parameters.get(i);
            if (parameter == null) {
                throw new InvalidParameter(where + " is null.");
            }
            // checked as names are, but kept as written: an external language's parameter names are case-sensitive
            String name = Names.identifier(where + ".name", parameter.name());
            if (!names.add(name)) {
                throw new InvalidParameter("Parameter '" + Names.printable(parameter.name()) + "' appears more than once"
                        + " in " + field + "; parameter names are case-insensitive.");
            }
            requireText(where + ".type_text", parameter.typeText());
            bounded(where + ".type_text", parameter.typeText(), MAX_TYPE_TEXT);
            bounded(where + ".type_json", parameter.typeJson(), MAX_TYPE_TEXT);
            bounded(where + ".parameter_default", parameter.parameterDefault(), MAX_TYPE_TEXT);
            if (parameter.typeName() == null) {
                throw new InvalidParameter(where + ".type_name is required.");
            }
            Columns.checkDecimal(where, parameter.typePrecision(), parameter.typeScale());
            if (parameter.position() == null || parameter.position() < 0 || !positions.add(parameter.position())) {
                throw new InvalidParameter(where + ".position is required, from 0, once for each parameter; got "
                        + parameter.position() + ".");
            }
            Names.comment(parameter.comment());
        }
    }

    private static DependencyList dependencies(DependencyList list) {
        if (list == null || list.dependencies() == null) {
            return list;
        }
        List<Dependency> checked = new ArrayList<>();
        for (int i = 0; i < list.dependencies().size(); i++) {
            Dependency dependency = list.dependencies().get(i);
            String where = "function_info.routine_dependencies.dependencies[" + i + "]";
            if (dependency == null || (dependency.table() == null) == (dependency.function() == null)) {
                throw new InvalidParameter(where + " names a table or a function: exactly one of the two.");
            }
            checked.add(dependency.table() != null
                    ? new Dependency(new TableDependency(fullName(dependency.table().tableFullName(), TABLE_NAME)), null)
                    : new Dependency(null, new FunctionDependency(
                            fullName(dependency.function().functionFullName(), FUNCTION_NAME))));
        }
        return new DependencyList(checked);
    }

    private static String fullName(String value, List<String> parts) {
        return String.join(".", Names.fullName(value, parts));
    }

    private static void bounded(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidParameter(field + " is " + value.length() + " characters long; at most " + max
                    + " are allowed.");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameter(field + " is required.");
        }
    }
}
