package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.catalog.error.ErrorResponse;
import dev.lakeward.scim.ScimError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * SCIM's error body (RFC 7644 §3.12): {@code status} is a string, {@code scimType} says what kind
 * of error. SCIM paths answer it for every error, also those raised outside SCIM's own code
 * (authentication, an unavailable database), which the rest of the API answers in Unity Catalog's shape.
 */
public class ScimErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType SCIM_JSON = MediaType.valueOf(ScimResource.SCIM_JSON);
    private static final Pattern SCIM_PATHS = Pattern.compile("/?(api/2\\.0/preview/)?scim/v2(/.*)?");

    @ServerExceptionMapper
    public Response scimError(ScimError error) {
        return Response.status(error.status()).type(ScimResource.SCIM_JSON)
                .entity(body(error.status(), error.scimType(), error.getMessage())).build();
    }

    @ServerResponseFilter
    public void inScimShape(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorResponse error
                && SCIM_PATHS.matcher(request.getUriInfo().getPath()).matches()) {
            response.setEntity(body(response.getStatus(), null, error.message()), null, SCIM_JSON);
        }
    }

    private static ObjectNode body(int status, String scimType, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(ScimError.ERROR_SCHEMA);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        return body;
    }
}
