package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.search.CatalogSearch;
import dev.lakeward.catalog.search.SearchHit;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Search by name across the metastore, as the search API answers the caller: only what it may see. */
@Path("/explorer/search")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    @Inject
    PageContext page;

    @Inject
    CatalogSearch search;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance search(Chrome chrome, String query, Page<SearchHit> hits);
    }

    @GET
    public TemplateInstance search(@QueryParam("q") String query, @QueryParam("page_token") String pageToken) {
        boolean asked = query != null && !query.isBlank();
        return Templates.search(page.chrome(), query,
                asked ? search.search(page.caller(), query, CatalogSearch.DEFAULT_PAGE_SIZE, pageToken) : null);
    }
}
