package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Unity Catalog's {@code POST /staging-tables}: storage for a MANAGED table, created over it later. */
@Path("/api/2.1/unity-catalog/staging-tables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StagingTableResource {

    public record CreateStagingTable(String name, String catalogName, String schemaName) {
    }

    @Inject
    StagingTables staging;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The staging table: its id and the location to write to.")
    @APIResponse(responseCode = "404", description = "The catalog or the schema does not exist.")
    @APIResponse(responseCode = "409", description = "A table of that name exists in the schema.")
    public StagingTable create(CreateStagingTable request) {
        InvalidParameter.requireBody(request);
        return staging.create(caller.get(), request.catalogName(), request.schemaName(), request.name());
    }
}
