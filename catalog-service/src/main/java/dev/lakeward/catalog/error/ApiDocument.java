package dev.lakeward.catalog.error;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What {@code /q/openapi} says beyond what smallrye-openapi reads from the resources: every
 * operation takes the bearer token, and answers its errors in Unity Catalog's shape
 * ({@link ErrorResponse}), or SCIM's on SCIM paths (all of them, the token check's 401 too). The
 * statuses any operation can answer are added here, by what the operation takes; those only some
 * can (a 404 for an object named in the body or the query, a 409) are declared with
 * {@code @APIResponse} on the resource method, and get their body's shape here.
 */
public class ApiDocument implements OASFilter {

    /** The name of the security scheme every operation requires. */
    public static final String BEARER = "bearer";

    private static final String ERROR = "ErrorResponse";
    private static final String SCIM_ERROR = "ScimError";

    /** What each generic error means; an operation's own {@code @APIResponse} may say it better. */
    private static final Map<String, String> GENERIC = Map.of(
            "400", "INVALID_PARAMETER_VALUE (a parameter or the body is malformed or out of range) or"
                    + " FAILED_PRECONDITION (the request is well formed but the object's state refuses it).",
            "401", "UNAUTHENTICATED: no bearer token, or one that is unknown, expired, revoked or of a"
                    + " deactivated principal.",
            "403", "PERMISSION_DENIED: the caller lacks a privilege; the message names it and the securable.",
            "404", "NOT_FOUND: an object the request names does not exist.",
            "413", "REQUEST_LIMIT_EXCEEDED: the body is over the service's limit (4 MB).",
            "503", "TEMPORARILY_UNAVAILABLE: a system the service depends on (its database, an identity"
                    + " provider, a cloud's token service) did not answer; retry later.");

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("A Lakeward token (lkw_…) or, with OIDC configured, the"
                        + " provider's access token: 'Authorization: Bearer <token>'."));
        components.addSchema(ERROR, errorResponse());
        components.addSchema(SCIM_ERROR, scimError());
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        openApi.getPaths().getPathItems().forEach((path, item) ->
                item.getOperations().values().forEach(operation -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        addIfAbsent(responses, "400", input);
        addIfAbsent(responses, "401", true);
        addIfAbsent(responses, "403", true);
        addIfAbsent(responses, "404", path.contains("{"));
        addIfAbsent(responses, "413", body);
        addIfAbsent(responses, "503", true);
        boolean scim = path.contains("/scim/v2");
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(errorContent(scim));
            }
        });
    }

    private static void addIfAbsent(APIResponses responses, String status, boolean applies) {
        if (applies && !responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(GENERIC.get(status)));
        }
    }

    private static Content errorContent(boolean scim) {
        Schema schema = OASFactory.createSchema().ref(scim ? SCIM_ERROR : ERROR);
        Content content = OASFactory.createContent();
        List<String> types = scim ? List.of("application/scim+json", "application/json") : List.of("application/json");
        types.forEach(type -> content.addMediaType(type, OASFactory.createMediaType().schema(schema)));
        return content;
    }

    private static Schema errorResponse() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Unity Catalog's error body.")
                .addProperty("error_code", OASFactory.createSchema().addType(SchemaType.STRING)
                        .enumeration(Arrays.stream(ErrorCode.values()).map(c -> (Object) c.name()).toList()))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("What was wrong, naming the offending value, and what is allowed."))
                .required(List.of("error_code", "message"));
    }

    /** RFC 7644 §3.12. */
    private static Schema scimError() {
        Schema string = OASFactory.createSchema().addType(SchemaType.STRING);
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("SCIM's error body (RFC 7644 §3.12).")
                .addProperty("schemas", OASFactory.createSchema().addType(SchemaType.ARRAY).items(string))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The HTTP status, as a string."))
                .addProperty("scimType", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("invalidFilter, invalidValue, uniqueness, mutability…"))
                .addProperty("detail", string)
                .required(List.of("schemas", "status"));
    }
}
