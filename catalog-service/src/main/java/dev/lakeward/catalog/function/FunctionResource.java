package dev.lakeward.catalog.function;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.function.FunctionRequests.CreateFunctionRequest;
import dev.lakeward.catalog.function.FunctionRequests.ListFunctionsResponse;
import dev.lakeward.catalog.function.FunctionRequests.UpdateFunction;
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

@Path("/api/2.1/unity-catalog/functions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FunctionResource {

    @Inject
    FunctionService functions;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The function as created.")
    @APIResponse(responseCode = "404", description = "The catalog or the schema does not exist.")
    @APIResponse(responseCode = "409", description = "A function of that name exists in the schema.")
    public FunctionInfo create(CreateFunctionRequest request) {
        return functions.create(caller.get(), request);
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the functions the caller may see.")
    public ListFunctionsResponse list(@QueryParam("catalog_name") String catalogName,
            @QueryParam("schema_name") String schemaName, @QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<FunctionInfo> page = functions.list(caller.get(), catalogName, schemaName, maxResults, pageToken);
        return new ListFunctionsResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{name}")
    public FunctionInfo get(@PathParam("name") String fullName) {
        return functions.get(caller.get(), fullName);
    }

    /** Databricks' update: a new owner. */
    @PATCH
    @Path("{name}")
    @APIResponse(responseCode = "200", description = "The function with its new owner.")
    public FunctionInfo update(@PathParam("name") String fullName, UpdateFunction request) {
        return functions.update(caller.get(), fullName, request);
    }

    @DELETE
    @Path("{name}")
    public Map<String, Object> delete(@PathParam("name") String fullName) {
        functions.delete(caller.get(), fullName);
        return Map.of();
    }
}
