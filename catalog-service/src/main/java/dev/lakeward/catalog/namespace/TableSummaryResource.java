package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.namespace.Responses.ListTableSummariesResponse;
import dev.lakeward.catalog.namespace.Responses.TableSummary;
import dev.lakeward.catalog.persistence.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Databricks' {@code table-summaries}: a cheap listing of a whole catalog's tables. */
@Path("/api/2.1/unity-catalog/table-summaries")
@Produces(MediaType.APPLICATION_JSON)
public class TableSummaryResource {

    @Inject
    TableService tables;

    @Inject
    CurrentCaller caller;

    @GET
    @APIResponse(responseCode = "200", description = "A page of the tables the caller may see.")
    @APIResponse(responseCode = "404", description = "The catalog does not exist.")
    public ListTableSummariesResponse list(@QueryParam("catalog_name") String catalogName,
            @QueryParam("schema_name_pattern") String schemaNamePattern,
            @QueryParam("table_name_pattern") String tableNamePattern,
            @QueryParam("max_results") String maxResults, @QueryParam("page_token") String pageToken) {
        Page<TableSummary> page = tables.listSummaries(caller.get(), catalogName, schemaNamePattern, tableNamePattern, maxResults,
                pageToken);
        return new ListTableSummariesResponse(page.items(), page.nextPageToken());
    }
}
