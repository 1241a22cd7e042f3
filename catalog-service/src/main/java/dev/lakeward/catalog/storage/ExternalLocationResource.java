package dev.lakeward.catalog.storage;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.storage.ExternalLocations.CreateExternalLocation;
import dev.lakeward.catalog.storage.ExternalLocations.ExternalLocationInfo;
import dev.lakeward.catalog.storage.ExternalLocations.ListExternalLocationsResponse;
import dev.lakeward.catalog.storage.ExternalLocations.UpdateExternalLocation;
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

/** Unity Catalog's {@code /external-locations}, for metastore admins. */
@Path("/api/2.1/unity-catalog/external-locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExternalLocationResource {

    @Inject
    ExternalLocations locations;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The external location as created.")
    @APIResponse(responseCode = "404", description = "The credential named by credential_name does not exist.")
    @APIResponse(responseCode = "409", description = "An external location of that name exists.")
    public ExternalLocationInfo create(CreateExternalLocation request) {
        return locations.create(caller.get(), request);
    }

    @GET
    public ListExternalLocationsResponse list(@QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<ExternalLocationInfo> page = locations.list(caller.get(), maxResults, pageToken);
        return new ListExternalLocationsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{name}")
    public ExternalLocationInfo get(@PathParam("name") String name) {
        return locations.get(caller.get(), name);
    }

    @PATCH
    @Path("{name}")
    @APIResponse(responseCode = "200", description = "The external location as changed.")
    @APIResponse(responseCode = "409", description = "new_name is taken by another external location.")
    public ExternalLocationInfo update(@PathParam("name") String name, UpdateExternalLocation request) {
        return locations.update(caller.get(), name, request);
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> delete(@PathParam("name") String name) {
        locations.delete(caller.get(), name);
        return Map.of();
    }
}
