package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.Principals.CreateOboToken;
import dev.lakeward.catalog.identity.Principals.CreatedToken;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Databricks' token management: an admin mints a token for a service principal. */
@Path("/api/2.0/token-management/on-behalf-of/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OnBehalfOfTokenResource {

    @Inject
    PrincipalService principals;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The token, whose value is shown only here.")
    @APIResponse(responseCode = "404", description = "No service principal has the application_id.")
    public CreatedToken create(CreateOboToken request) {
        InvalidParameter.requireBody(request);
        return principals.issueToken(caller.get(), request.applicationId(), request.lifetimeSeconds(),
                request.comment(), true);
    }
}
