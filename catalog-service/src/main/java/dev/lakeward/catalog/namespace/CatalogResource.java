package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.namespace.Requests.CreateCatalog;
import dev.lakeward.catalog.namespace.Requests.UpdateSecurable;
import dev.lakeward.catalog.namespace.Responses.ListCatalogsResponse;
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

@Path("/api/2.1/unity-catalog/catalogs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    CatalogService catalogs;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The catalog as created.")
    @APIResponse(responseCode = "409", description = "A catalog of that name exists.")
    public CatalogInfo create(CreateCatalog request) {
        return catalogs.create(caller.get(), request);
    }

    @GET
    public ListCatalogsResponse list(@QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<CatalogInfo> page = catalogs.list(caller.get(), maxResults, pageToken);
        return new ListCatalogsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{name}")
    public CatalogInfo get(@PathParam("name") String name) {
        return catalogs.get(caller.get(), name);
    }

    @PATCH
    @Path("{name}")
    @APIResponse(responseCode = "200", description = "The catalog as changed.")
    @APIResponse(responseCode = "409", description = "new_name is taken by another catalog.")
    public CatalogInfo update(@PathParam("name") String name, UpdateSecurable request) {
        return catalogs.update(caller.get(), name, request);
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> delete(@PathParam("name") String name, @QueryParam("force") boolean force) {
        catalogs.delete(caller.get(), name, force);
        return Map.of();
    }
}
