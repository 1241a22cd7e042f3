package dev.lakeward.catalog.model;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.model.ModelRequests.CreateModelVersion;
import dev.lakeward.catalog.model.ModelRequests.CreateRegisteredModel;
import dev.lakeward.catalog.model.ModelRequests.FinalizeModelVersion;
import dev.lakeward.catalog.model.ModelRequests.ListModelVersionsResponse;
import dev.lakeward.catalog.model.ModelRequests.ListRegisteredModelsResponse;
import dev.lakeward.catalog.model.ModelRequests.UpdateModelVersion;
import dev.lakeward.catalog.model.ModelRequests.UpdateRegisteredModel;
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

/** Registered models and their versions, at {@code /models}. */
@Path("/api/2.1/unity-catalog/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegisteredModelResource {

    @Inject
    RegisteredModelService models;

    @Inject
    ModelVersionService versions;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The registered model as created.")
    @APIResponse(responseCode = "404", description = "The catalog or the schema does not exist.")
    @APIResponse(responseCode = "409", description = "A registered model of that name exists in the schema.")
    public RegisteredModelInfo create(CreateRegisteredModel request) {
        return models.create(caller.get(), request);
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the registered models the caller may see.")
    public ListRegisteredModelsResponse list(@QueryParam("catalog_name") String catalogName,
            @QueryParam("schema_name") String schemaName, @QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<RegisteredModelInfo> page = models.list(caller.get(), catalogName, schemaName, maxResults, pageToken);
        return new ListRegisteredModelsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{full_name}")
    public RegisteredModelInfo get(@PathParam("full_name") String fullName) {
        return models.get(caller.get(), fullName);
    }

    @PATCH
    @Path("{full_name}")
    @APIResponse(responseCode = "200", description = "The registered model as changed.")
    @APIResponse(responseCode = "409", description = "new_name is taken in the schema.")
    public RegisteredModelInfo update(@PathParam("full_name") String fullName, UpdateRegisteredModel request) {
        return models.update(caller.get(), fullName, request);
    }

    @DELETE
    @Path("{full_name}")
    public Map<String, Object> delete(@PathParam("full_name") String fullName, @QueryParam("force") boolean force) {
        models.delete(caller.get(), fullName, force);
        return Map.of();
    }

    @POST
    @Path("versions")
    @APIResponse(responseCode = "200", description = "The next version, pending registration.")
    public ModelVersionInfo create(CreateModelVersion request) {
        return versions.create(caller.get(), request);
    }

    @GET
    @Path("{full_name}/versions")
    @APIResponse(responseCode = "200", description = "A page of the model's versions.")
    public ListModelVersionsResponse list(@PathParam("full_name") String fullName,
            @QueryParam("max_results") String maxResults, @QueryParam("page_token") String pageToken) {
        Page<ModelVersionInfo> page = versions.list(caller.get(), fullName, maxResults, pageToken);
        return new ListModelVersionsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{full_name}/versions/{version}")
    public ModelVersionInfo get(@PathParam("full_name") String fullName, @PathParam("version") String version) {
        return versions.get(caller.get(), fullName, version);
    }

    @PATCH
    @Path("{full_name}/versions/{version}")
    public ModelVersionInfo update(@PathParam("full_name") String fullName, @PathParam("version") String version,
            UpdateModelVersion request) {
        return versions.update(caller.get(), fullName, version, request);
    }

    @DELETE
    @Path("{full_name}/versions/{version}")
    public Map<String, Object> delete(@PathParam("full_name") String fullName, @PathParam("version") String version) {
        versions.delete(caller.get(), fullName, version);
        return Map.of();
    }

    @PATCH
    @Path("{full_name}/versions/{version}/finalize")
    @APIResponse(responseCode = "200", description = "The version, now READY.")
    @APIResponse(responseCode = "400", description = "The version is not pending registration.")
    public ModelVersionInfo finalize(@PathParam("full_name") String fullName, @PathParam("version") String version,
            FinalizeModelVersion request) {
        return versions.finalizeVersion(caller.get(), fullName, version, request);
    }
}
