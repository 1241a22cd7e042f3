package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.error.AlreadyExists;
import dev.lakeward.catalog.error.ErrorMappers;
import dev.lakeward.catalog.error.ErrorResponse;
import dev.lakeward.catalog.error.NotFound;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The Iceberg REST catalog's error model ({@code {"error": {"message", "type", "code"}}}) on its
 * paths only: the status and message the Unity Catalog API would answer ({@link ErrorMappers})
 * with the exception type the spec names for it, so that Iceberg clients raise the right
 * exception. A missing or hidden catalog or schema is a {@code NoSuchNamespaceException}, a table a
 * {@code NoSuchTableException}. What is raised before the endpoints (authentication, an unknown
 * path or method) is answered in Unity Catalog's shape and turned into this one on the way out.
 */
public class IcebergErrors {

    static final String PATH = "/api/2.1/unity-catalog/iceberg/";

    /** A failure of one of the catalog's endpoints. */
    static Response answer(Throwable failure) {
        if (failure instanceof IcebergFailure iceberg) {
            return respond(iceberg.status(), iceberg.getMessage(), iceberg.type());
        }
        Response answered = ErrorMappers.answer(failure);
        ErrorResponse error = (ErrorResponse) answered.getEntity();
        return respond(answered.getStatus(), error.message(), type(failure, answered.getStatus()));
    }

    @ServerResponseFilter
    public void inIcebergShape(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorResponse error && request.getUriInfo().getPath().startsWith(PATH)) {
            response.setEntity(body(response.getStatus(), error.message(), type(null, response.getStatus())), null,
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private static Response respond(int status, String message, String type) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(status, message, type)).build();
    }

    private static String body(int status, String message, String type) {
        return IcebergJson.write(org.apache.iceberg.rest.responses.ErrorResponse.builder().responseCode(status)
                .withType(type).withMessage(message).build());
    }

    private static String type(Throwable failure, int status) {
        return switch (status) {
            case 400, 413 -> "BadRequestException";
            case 401 -> "NotAuthorizedException";
            case 403 -> "ForbiddenException";
            case 404 -> failure instanceof NotFound missing ? missing.securableType().map(kind -> switch (kind) {
                case CATALOG, SCHEMA -> "NoSuchNamespaceException";
                case TABLE -> "NoSuchTableException";
                default -> "NotFoundException";
            }).orElse("NotFoundException") : "NotFoundException";
            case 405 -> "MethodNotAllowedException";
            case 409 -> failure == null || failure instanceof AlreadyExists ? "AlreadyExistsException"
                    : "CommitFailedException";
            case 503 -> "ServiceUnavailableException";
            default -> status < 500 ? "BadRequestException" : "InternalServerError";
        };
    }
}
