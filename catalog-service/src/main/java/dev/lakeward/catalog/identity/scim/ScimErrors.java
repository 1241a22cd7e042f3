package dev.lakeward.catalog.identity.scim;

import dev.lakeward.scim.ScimError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** SCIM's error body (RFC 7644 §3.12): {@code status} is a string, {@code scimType} says what kind of error. */
public class ScimErrors {

    @ServerExceptionMapper
    public Response scimError(ScimError error) {
        return Response.status(error.status()).type(ScimResource.SCIM_JSON).entity(error.body()).build();
    }
}
