package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.identity.Principals.CreatePrincipal;
import dev.lakeward.catalog.identity.Principals.CreateToken;
import dev.lakeward.catalog.identity.Principals.CreatedToken;
import dev.lakeward.catalog.identity.Principals.ListPrincipalsResponse;
import dev.lakeward.catalog.identity.Principals.PrincipalInfo;
import dev.lakeward.catalog.identity.Principals.UpdateMembers;
import dev.lakeward.catalog.persistence.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/lakeward/v1/principals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrincipalResource {

    @Inject
    PrincipalService principals;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The principal as created.")
    @APIResponse(responseCode = "404", description = "A member named does not exist.")
    @APIResponse(responseCode = "409", description = "A principal of that name exists.")
    public PrincipalInfo create(CreatePrincipal request) {
        return principals.create(caller.get(), request);
    }

    @GET
    public ListPrincipalsResponse list(@QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<PrincipalInfo> page = principals.list(maxResults, pageToken);
        return new ListPrincipalsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{name}")
    public PrincipalInfo get(@PathParam("name") String name) {
        return principals.get(name);
    }

    @PATCH
    @Path("{name}")
    public PrincipalInfo updateMembers(@PathParam("name") String name, UpdateMembers request) {
        return principals.updateMembers(caller.get(), name, request);
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> delete(@PathParam("name") String name, @QueryParam("new_owner") String newOwner) {
        principals.delete(caller.get(), name, newOwner);
        return Map.of();
    }

    @POST
    @Path("{name}/tokens")
    public CreatedToken issueToken(@PathParam("name") String name, CreateToken request) {
        CreateToken body = request == null ? new CreateToken(null, null) : request;
        return principals.issueToken(caller.get(), name, body.lifetimeSeconds(), body.comment(), false);
    }
}
