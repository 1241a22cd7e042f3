package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.namespace.Requests.CreateTable;
import dev.lakeward.catalog.namespace.Responses.ListTablesResponse;
import dev.lakeward.catalog.namespace.Responses.TableExistsResponse;
import dev.lakeward.catalog.persistence.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/2.1/unity-catalog/tables")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TableResource {

    private static final String CATALOG_MANAGED_FEATURE = "delta.feature.catalogManaged";

    @Inject
    TableService tables;

    @Inject
    CurrentCaller caller;

    @POST
    @APIResponse(responseCode = "200", description = "The table as created.")
    @APIResponse(responseCode = "404", description = "The catalog or the schema does not exist.")
    @APIResponse(responseCode = "409", description = "A table of that name exists in the schema.")
    public TableInfo create(CreateTable request) {
        if (request != null && request.properties() != null) {
            refuseCatalogManaged(request.properties());
        }
        return tables.create(caller.get(), request);
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of the tables the caller may see.")
    @APIResponse(responseCode = "404", description = "The catalog or the schema does not exist.")
    public ListTablesResponse list(@QueryParam("catalog_name") String catalogName,
            @QueryParam("schema_name") String schemaName, @QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<TableInfo> page = tables.list(caller.get(), catalogName, schemaName, maxResults, pageToken);
        return new ListTablesResponse(page.items(), page.nextPageToken());
    }

    @GET
    @Path("{full_name}")
    public TableInfo get(@PathParam("full_name") String fullName) {
        return tables.get(caller.get(), fullName);
    }

    @GET
    @Path("{full_name}/exists")
    public TableExistsResponse exists(@PathParam("full_name") String fullName) {
        return new TableExistsResponse(tables.exists(caller.get(), fullName));
    }

    @DELETE
    @Path("{full_name}")
    public Map<String, Object> delete(@PathParam("full_name") String fullName) {
        tables.delete(caller.get(), fullName);
        return Map.of();
    }

    /**
     * A Delta table whose commits the catalog ratifies is made only through the Delta REST API's
     * staging, which checks what that takes; named here, the feature would claim it without.
     */
    private static void refuseCatalogManaged(Map<String, String> properties) {
        if (properties.keySet().stream().anyMatch(CATALOG_MANAGED_FEATURE::equalsIgnoreCase)) {
            throw new InvalidParameter("'" + CATALOG_MANAGED_FEATURE + "' is set by the Delta REST API for the tables it"
                    + " creates catalog-managed (POST /delta/v1/.../staging-tables, then .../tables); it is not a"
                    + " property to give.");
        }
    }
}
