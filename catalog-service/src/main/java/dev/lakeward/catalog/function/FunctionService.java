package dev.lakeward.catalog.function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.access.AuditAction;
import dev.lakeward.catalog.access.AuditLog;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.ClientText.Kind;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.function.FunctionRequests.CreateFunction;
import dev.lakeward.catalog.function.FunctionRequests.CreateFunctionRequest;
import dev.lakeward.catalog.function.FunctionRequests.UpdateFunction;
import dev.lakeward.catalog.namespace.InSchema;
import dev.lakeward.catalog.namespace.InSchemaCreations;
import dev.lakeward.catalog.namespace.InSchemaUpdates;
import dev.lakeward.catalog.namespace.NamedObjects;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.catalog.persistence.SecurableEntity;
import dev.lakeward.policy.Action;
import dev.lakeward.policy.SecurableType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Functions (user-defined functions), addressed as {@code catalog.schema.function}: a signature
 * and a body the service stores and answers, and never runs. Creating one takes CREATE FUNCTION on
 * its schema; seeing one, EXECUTE, BROWSE or ownership anywhere on its path. Each write is one
 * transaction, audited.
 */
@ApplicationScoped
public class FunctionService {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {
    };

    @Inject
    NamedObjects named;

    @Inject
    InSchemaCreations creations;

    @Inject
    InSchemaUpdates updates;

    @Inject
    PageTokens pageTokens;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Transactional
    public FunctionInfo create(Caller caller, CreateFunctionRequest request) {
        InvalidParameter.requireBody(request);
        CreateFunction function = request.functionInfo();
        if (function == null) {
            throw new InvalidParameter("function_info is required: the function to create.");
        }
        return info(creations.create(caller, SecurableType.FUNCTION, Action.CREATE_FUNCTION, function.newObject(),
                new FunctionEntity(), (schema, entity) -> {
                    FunctionSpec spec = FunctionSignatures.check(function.spec());
                    entity.spec = json.convertValue(spec, DOCUMENT);
                    entity.properties = properties(function.properties());
                    return Map.of("routine_body", spec.routineBody().name(), "data_type", spec.dataType().name());
                }));
    }

    @Transactional
    public FunctionInfo get(Caller caller, String fullName) {
        return info(find(caller, Action.READ_METADATA, fullName));
    }

    /** The functions of a schema the caller may see, a full page at a time. */
    @Transactional
    public Page<FunctionInfo> list(Caller caller, String catalogName, String schemaName, String maxResults,
            String pageToken) {
        return named.list(caller, SecurableType.FUNCTION, FunctionEntity.class, catalogName, schemaName,
                pageTokens.request(maxResults, pageToken)).map(this::info);
    }

    /** A new owner, for those who manage the function; audited as a transfer of ownership. */
    @Transactional
    public FunctionInfo update(Caller caller, String fullName, UpdateFunction request) {
        InvalidParameter.requireBody(request);
        InSchema<FunctionEntity> function = find(caller, Action.MANAGE, fullName);
        updates.apply(caller, function, request.asSecurableUpdate());
        return info(function);
    }

    @Transactional
    public void delete(Caller caller, String fullName) {
        InSchema<FunctionEntity> function = find(caller, Action.MANAGE, fullName);
        // the database drops the function's grants with it
        function.object().delete();
        audit.change(caller.name(), AuditAction.DELETE_FUNCTION, SecurableType.FUNCTION, function.fullName(),
                Map.of("routine_body", String.valueOf(function.object().spec.get("routine_body"))));
    }

    private InSchema<FunctionEntity> find(Caller caller, Action action, String fullName) {
        return named.inSchema(caller, action, SecurableType.FUNCTION, FunctionEntity.class, fullName);
    }

    /**
     * Unity Catalog carries a function's properties as a JSON object serialized into a string. The
     * edge judged only the string, not what its escapes decode to ({@code \\u0000} is a NUL that
     * PostgreSQL cannot store), so the object is judged here as the edge judges a body: each key
     * once, nothing after it, no control character in a key, none but layout in a value.
     */
    private Map<String, String> properties(String serialized) {
        if (serialized == null || serialized.isBlank()) {
            return new HashMap<>();
        }
        Map<String, String> properties;
        try {
            properties = json.readerFor(PROPERTIES).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readValue(serialized);
        } catch (JsonProcessingException e) {
            properties = null;
        }
        if (properties == null) {
            throw new InvalidParameter("function_info.properties must be a JSON object of string values, serialized"
                    + " as a string, e.g. \"{\\\"k\\\": \\\"v\\\"}\", each key once.");
        }
        properties.forEach((key, value) -> {
            ClientText.problem(key, Kind.LINE).ifPresent(problem -> {
                throw new InvalidParameter("A key of function_info.properties contains " + problem
                        + "; keys may not hold control characters.");
            });
            ClientText.problem(value, Kind.FREE_TEXT).ifPresent(problem -> {
                throw new InvalidParameter(ClientText.fieldMessage("function_info.properties." + Names.printable(key),
                        problem));
            });
        });
        return new HashMap<>(Names.properties(properties));
    }

    private FunctionInfo info(InSchema<FunctionEntity> found) {
        FunctionEntity f = found.object();
        FunctionSpec s = json.convertValue(f.spec, FunctionSpec.class);
        String properties;
        try {
            properties = f.properties.isEmpty() ? null : json.writeValueAsString(f.properties);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new FunctionInfo(f.name, found.catalogName(), found.schemaName(), s.inputParams(), s.dataType(),
                s.fullDataType(), s.returnParams(), s.routineBody(), s.routineDefinition(), s.routineDependencies(),
                s.parameterStyle(), s.isDeterministic(), s.sqlDataAccess(), s.isNullCall(), s.securityType(),
                s.specificName(), f.comment, properties, found.fullName(), f.owner,
                SecurableEntity.epochMillis(f.createdAt), f.createdBy, SecurableEntity.epochMillis(f.updatedAt),
                f.updatedBy, f.id.toString(), s.externalLanguage());
    }
}
