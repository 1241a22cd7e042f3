package dev.lakeward.catalog.search;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.persistence.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/lakeward/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    CatalogSearch search;

    @Inject
    CurrentCaller caller;

    /** The data explorer's search: catalogs, schemas, tables and columns by name, of what the caller may see. */
    @GET
    @APIResponse(responseCode = "200", description = "A page of hits: whole names first, then prefixes, then substrings.")
    @APIResponse(responseCode = "400", description = "The query is empty, too long or holds a control character, "
            + "max_results is out of range, or page_token is not this server's.")
    public SearchResults search(@QueryParam("query") String query, @QueryParam("max_results") String maxResults,
            @QueryParam("page_token") String pageToken) {
        Page<SearchHit> page = search.search(caller.get(), query, pageSize(maxResults), pageToken);
        return new SearchResults(page.items(), page.nextPageToken());
    }

    /** Parsed here rather than by JAX-RS, which answers a malformed number with a 404. */
    private static int pageSize(String maxResults) {
        if (maxResults == null || maxResults.isEmpty()) {
            return CatalogSearch.DEFAULT_PAGE_SIZE;
        }
        try {
            return Integer.parseInt(maxResults);
        } catch (NumberFormatException e) {
            throw new InvalidParameter("max_results must be a whole number from 1 to " + CatalogSearch.MAX_PAGE_SIZE
                    + "; got '" + maxResults + "'.");
        }
    }
}
