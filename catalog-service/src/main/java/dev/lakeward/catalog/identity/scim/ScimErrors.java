package dev.lakeward.catalog.identity.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lakeward.scim.ScimError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** SCIM's error body (RFC 7644 §3.12): {@code status} is a string, {@code scimType} says what kind of error. */
public class ScimErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ServerExceptionMapper
    public Response scimError(ScimError error) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(ScimError.ERROR_SCHEMA);
        body.put("status", String.valueOf(error.status()));
        if (error.scimType() != null) {
            body.put("scimType", error.scimType());
        }
        body.put("detail", error.getMessage());
        return Response.status(error.status()).type(ScimResource.SCIM_JSON).entity(body).build();
    }
}
