package dev.lakeward.catalog.identity.scim;

import dev.lakeward.catalog.edge.Refusals;
import dev.lakeward.catalog.error.ErrorResponse;
import dev.lakeward.scim.ScimError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * SCIM's error body (RFC 7644 §3.12): {@code status} is a string, {@code scimType} says what kind
 * of error. SCIM paths answer it for every error, also those raised outside SCIM's own code
 * (authentication, an unavailable database), which the rest of the API answers in Unity Catalog's shape.
 */
public class ScimErrors {

    private static final MediaType SCIM_JSON = MediaType.valueOf(ScimResource.SCIM_JSON);

    @ServerExceptionMapper
    public Response scimError(ScimError error) {
        return Response.status(error.status()).type(ScimResource.SCIM_JSON).entity(error.body()).build();
    }

    @ServerResponseFilter
    public void inScimShape(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorResponse error && Refusals.isScim(request.getUriInfo().getPath())) {
            response.setEntity(new ScimError(response.getStatus(), null, error.message()).body(), null, SCIM_JSON);
        }
    }
}
