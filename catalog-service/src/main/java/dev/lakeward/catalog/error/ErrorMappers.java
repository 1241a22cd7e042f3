package dev.lakeward.catalog.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into Unity Catalog's error shape. A client's mistake is always a 4xx with a
 * message naming the offending field; a database that is unavailable is a 503 ({@link DatabaseOutage});
 * only a failure of the service itself is a 500, and its details stay in the log.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    private static final ErrorMappers MAPPERS = new ErrorMappers();

    /**
     * What any failure is answered in Unity Catalog's shape (an {@link ErrorResponse} entity), by
     * the same rules as the mappers below: for a protocol that answers in a shape of its own.
     */
    public static Response answer(Throwable e) {
        return switch (e) {
            case ApiException api -> MAPPERS.apiException(api);
            case JsonProcessingException json -> MAPPERS.unreadableBody(json);
            case WebApplicationException web -> MAPPERS.httpLayer(web);
            default -> MAPPERS.unexpected(e);
        };
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.code(), e.getMessage());
    }

    // One mapper per Jackson type: the extension's own mappers for the subtypes answer a bare 400.
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return respond(ErrorCode.INVALID_PARAMETER_VALUE, describe(e));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response httpLayer(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return respond(ErrorCode.forHttpStatus(status), status, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Optional<Unavailable> outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            LOG.warnf("Answered 503, the database is unavailable: %s", e.getMessage());
            return apiException(outage.get());
        }
        LOG.error("Unexpected failure while serving a request", e);
        return respond(ErrorCode.INTERNAL_ERROR, "Internal error; the service log has the details.");
    }

    private static Response respond(ErrorCode code, String message) {
        return respond(code, code.httpStatus(), message);
    }

    private static Response respond(ErrorCode code, int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code.name(), message))
                .build();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? " Allowed values: " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString).collect(Collectors.joining(", ")) + "."
                    : "";
            return "Invalid value '" + invalid.getValue() + "' for field '" + path(invalid) + "'." + allowed;
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "Field '" + path(mismatch) + "' has the wrong type.";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Field '" + path(mapping) + "' could not be read: " + e.getOriginalMessage();
        }
        return "The request body is not valid JSON: " + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
