package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.namespace.Requests.CreateSchema;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.namespace.Responses.ListSchemasResponse;
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

@Path("/api/2.1/unity-catalog/schemas")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchemaResource {

    @Inject
    SchemaService schemas;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The schema as created.")
    @APIResponse(responseCode = "404", description = "The catalog does not exist.")
    @APIResponse(responseCode = "409", description = "A schema of that name exists in the catalog.")
    public SchemaInfo create(CreateSchema request) {
        return schemas.create(caller.get(), request);
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the schemas the caller may see.")
    @APIResponse(responseCode = "404", description = "The catalog does not exist.")
    public ListSchemasResponse list(@QueryParam("catalog_name") String catalogName,
            @QueryParam("max_results") String maxResults, @QueryParam("page_token") String pageToken) {
        Page<SchemaInfo> page = schemas.list(caller.get(), catalogName, maxResults, pageToken);
        return new ListSchemasResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{full_name}")
    public SchemaInfo get(@PathParam("full_name") String fullName) {
        return schemas.get(caller.get(), fullName);
    }

    @PATCH
    @Path("{full_name}")
    @APIResponse(responseCode = "200", description = "The schema as changed.")
    @APIResponse(responseCode = "409", description = "new_name is taken by another schema of the catalog.")
    public SchemaInfo update(@PathParam("full_name") String fullName, UpdateSecurable request) {
        return schemas.update(caller.get(), fullName, request);
    }

    @DELETE
    @Path("{full_name}")
    public Map<String, Object> delete(@PathParam("full_name") String fullName, @QueryParam("force") boolean force) {
        schemas.delete(caller.get(), fullName, force);
        return Map.of();
    }
}
