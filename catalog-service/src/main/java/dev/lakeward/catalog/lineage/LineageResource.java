package dev.lakeward.catalog.lineage;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.lineage.LineageViews.ColumnLineage;
import dev.lakeward.catalog.lineage.LineageViews.Graph;
import dev.lakeward.catalog.lineage.LineageViews.TableLineage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class LineageResource {

    @Inject
    LineageQueries lineage;

    @Inject
    CurrentCaller caller;

    @Inject
    AtlasExport atlasExport;

    /** Databricks' table lineage: the tables (and outside datasets) one step up and down. */
    @GET
    @Path("2.0/lineage-tracking/table-lineage")
    @APIResponse(responseCode = "200", description = "The neighbours one step up and down.")
    @APIResponse(responseCode = "404", description = "The table does not exist.")
    public TableLineage tableLineage(@QueryParam("table_name") String tableName) {
        return lineage.tableLineage(caller.get(), tableName);
    }

    /** Databricks' column lineage: the columns one step up and down. */
    @GET
    @Path("2.0/lineage-tracking/column-lineage")
    @APIResponse(responseCode = "200", description = "The columns one step up and down.")
    @APIResponse(responseCode = "404", description = "The table does not exist.")
    public ColumnLineage columnLineage(@QueryParam("table_name") String tableName,
            @QueryParam("column_name") String columnName) {
        return lineage.columnLineage(caller.get(), tableName, columnName);
    }

    /** The data explorer's graph: nodes and edges around a table or column, to a depth (3; at most 20). */
    @GET
    @Path("lakeward/v1/lineage/graph")
    @APIResponse(responseCode = "200", description = "The nodes and edges within the depth.")
    @APIResponse(responseCode = "404", description = "The table does not exist.")
    public Graph graph(@QueryParam("node") String node, @QueryParam("direction") String direction,
            @QueryParam("depth") String depth) {
        return lineage.graph(caller.get(), node, direction, parseDepth(depth));
    }

    /** Pushes all stored column lineage to the configured Apache Atlas; for metastore admins. */
    @POST
    @Path("lakeward/v1/lineage/atlas-export")
    public AtlasExport.Exported exportToAtlas() {
        return atlasExport.export(caller.get());
    }

    private static Integer parseDepth(String depth) {
        if (depth == null || depth.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(depth);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("depth must be a whole number from 1 to 20, not '" + depth + "'.");
        }
    }
}
