package dev.lakeward.catalog.volume;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.volume.VolumeRequests.CreateVolume;
import dev.lakeward.catalog.volume.VolumeRequests.ListVolumesResponse;
import dev.lakeward.catalog.volume.VolumeRequests.UpdateVolume;
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

@Path("/api/2.1/unity-catalog/volumes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VolumeResource {

    @Inject
    VolumeService volumes;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The volume as created.")
    @APIResponse(responseCode = "404", description = "The catalog or the schema does not exist.")
    @APIResponse(responseCode = "409", description = "A volume of that name exists in the schema.")
    public VolumeInfo create(CreateVolume request) {
        return volumes.create(caller.get(), request);
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the volumes the caller may see.")
    public ListVolumesResponse list(@QueryParam("catalog_name") String catalogName,
            @QueryParam("schema_name") String schemaName, @QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<VolumeInfo> page = volumes.list(caller.get(), catalogName, schemaName, maxResults, pageToken);
        return new ListVolumesResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{name}")
    public VolumeInfo get(@PathParam("name") String fullName) {
        return volumes.get(caller.get(), fullName);
    }

    @PATCH
    @Path("{name}")
    @APIResponse(responseCode = "200", description = "The volume as changed.")
    @APIResponse(responseCode = "409", description = "new_name is taken in the schema.")
    public VolumeInfo update(@PathParam("name") String fullName, UpdateVolume request) {
        return volumes.update(caller.get(), fullName, request);
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> delete(@PathParam("name") String fullName) {
        volumes.delete(caller.get(), fullName);
        return Map.of();
    }
}
