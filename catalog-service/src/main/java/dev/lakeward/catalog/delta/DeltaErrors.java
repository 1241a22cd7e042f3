package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.delta.DeltaMessages.DeltaErrorModel;
import dev.lakeward.catalog.delta.DeltaMessages.DeltaErrorResponse;
import dev.lakeward.catalog.error.ApiException;
import dev.lakeward.catalog.error.ErrorCode;
import dev.lakeward.catalog.error.ErrorMappers;
import dev.lakeward.catalog.error.ErrorResponse;
import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.catalog.error.UnsupportedFormat;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The Delta REST API's error shape ({@code DeltaErrorResponse}) on its paths only: the status and
 * message the Unity Catalog API would answer ({@link ErrorMappers}), with the {@code DeltaErrorType}
 * that fits. What its endpoints raise is answered from the failure itself ({@link #answer}: a
 * missing schema is a {@code NoSuchSchemaException}, a missing table a {@code NoSuchTableException});
 * what is raised before them (authentication, an unknown path or method) is answered in Unity
 * Catalog's shape and turned into this one on the way out.
 */
public class DeltaErrors {

    static final String PATH = "/api/2.1/unity-catalog/delta/v1/";

    /** A failure of one of the API's endpoints. */
    static Response answer(Throwable failure) {
        Response answered = ErrorMappers.answer(failure);
        ErrorResponse error = (ErrorResponse) answered.getEntity();
        return respond(answered.getStatus(), error.message(), type(failure, answered.getStatus(), error.errorCode()));
    }

    @ServerResponseFilter
    public void inDeltaShape(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorResponse error && request.getUriInfo().getPath().startsWith(PATH)) {
            response.setEntity(body(error.message(), type(null, response.getStatus(), error.errorCode()),
                    response.getStatus()), null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static Response respond(int status, String message, String type) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(message, type, status)).build();
    }

    private static DeltaErrorResponse body(String message, String type, int status) {
        return new DeltaErrorResponse(new DeltaErrorModel(message, type, status));
    }

    private static String type(Throwable failure, int status, String errorCode) {
        return switch (status) {
            case 400 -> failure instanceof UnsupportedFormat ? "UnsupportedTableFormatException"
                    : failure instanceof ApiException && !(failure instanceof FailedPrecondition)
                            || failure == null && ErrorCode.INVALID_PARAMETER_VALUE.name().equals(errorCode)
                            ? "InvalidParameterValueException" : "BadRequestException";
            case 401 -> "NotAuthorizedException";
            case 403 -> "PermissionDeniedException";
            case 404 -> failure instanceof NotFound missing ? missing.securableType().map(kind -> switch (kind) {
                case CATALOG -> "NoSuchCatalogException";
                case SCHEMA -> "NoSuchSchemaException";
                case TABLE -> "NoSuchTableException";
                default -> "NotFoundException";
            }).orElse("NotFoundException") : "NotFoundException";
            case 409 -> failure instanceof CommitConflict conflict ? conflict.type() : "AlreadyExistsException";
            case 429 -> "ResourceExhaustedException";
            default -> status < 500 ? "BadRequestException" : "InternalServerErrorException";
        };
    }
}
