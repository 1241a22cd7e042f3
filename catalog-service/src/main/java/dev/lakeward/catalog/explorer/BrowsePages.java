package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.namespace.CatalogInfo;
import dev.lakeward.catalog.namespace.CatalogService;
import dev.lakeward.catalog.namespace.SchemaInfo;
import dev.lakeward.catalog.namespace.SchemaService;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.policy.SecurableType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The metastore, catalog and schema pages, and the tree beside every page: each level read
 * through the same services as the API, so a caller sees exactly what the API would list for it.
 */
@Path("/explorer")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class BrowsePages {

    /** Children per page of a catalog or schema page. */
    static final String PAGE_SIZE = "100";
    /** Children per level of the tree before "Show more". */
    static final String TREE_SIZE = "50";

    @Inject
    PageContext page;

    @Inject
    Metastore metastore;

    @Inject
    CatalogService catalogs;

    @Inject
    SchemaService schemas;

    @Inject
    SchemaContents contents;

    @Inject
    PermissionsPanel permissions;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance home(Chrome chrome, String metastore, Page<CatalogInfo> catalogs);

        static native TemplateInstance catalog(Chrome chrome, CatalogInfo catalog, Page<SchemaInfo> schemas,
                String tab, PermissionsPanel.View permissions);

        static native TemplateInstance schema(Chrome chrome, SchemaInfo schema, List<SchemaContents.Listing> listings,
                String tab, PermissionsPanel.View permissions);

        static native TemplateInstance tree(String level, String catalog, String schema, Page<String> names);

        static native TemplateInstance treeContents(String catalog, String schema,
                List<SchemaContents.Listing> listings, boolean nothing);
    }

    @GET
    public TemplateInstance home(@QueryParam("page_token") String pageToken) {
        return Templates.home(page.chrome(), metastore.securable().fullName(),
                catalogs.list(page.caller(), PAGE_SIZE, pageToken));
    }

    @GET
    @Path("data/{catalog}")
    public TemplateInstance catalog(@PathParam("catalog") String name, @QueryParam("tab") String tab,
            @QueryParam("page_token") String pageToken, @QueryParam("principal") String principal, @QueryParam("changed") String changed) {
        CatalogInfo catalog = catalogs.get(page.caller(), name);
        boolean grants = "permissions".equals(tab);
        return Templates.catalog(page.chrome(), catalog,
                grants ? null : schemas.list(page.caller(), catalog.name(), PAGE_SIZE, pageToken),
                grants ? "permissions" : "schemas",
                grants ? permissions.view(SecurableType.CATALOG, catalog.name(), principal, changed) : null);
    }

    /**
     * A schema's page: a first page of each kind of object it holds, or, with {@code list}, the
     * page of that one kind from {@code page_token} on.
     */
    @GET
    @Path("data/{catalog}/{schema}")
    public TemplateInstance schema(@PathParam("catalog") String catalogName, @PathParam("schema") String schemaName,
            @QueryParam("tab") String tab, @QueryParam("list") String list, @QueryParam("page_token") String pageToken,
            @QueryParam("principal") String principal, @QueryParam("changed") String changed) {
        SchemaInfo schema = schemas.get(page.caller(), catalogName + "." + schemaName);
        if ("permissions".equals(tab)) {
            return Templates.schema(page.chrome(), schema, null, "permissions",
                    permissions.view(SecurableType.SCHEMA, schema.fullName(), principal, changed));
        }
        return Templates.schema(page.chrome(), schema, contents(catalogName, schemaName, list, pageToken, PAGE_SIZE),
                "contents", null);
    }

    /** A page of each kind the schema holds, or (with {@code list}) of that kind only, from the token on. */
    private List<SchemaContents.Listing> contents(String catalog, String schema, String list, String pageToken,
            String size) {
        if (pageToken != null && list == null) {
            throw new InvalidParameter("page_token continues one of the schema's lists: name it with list ("
                    + SchemaContents.Kind.ids() + ").");
        }
        List<SchemaContents.Kind> kinds = list == null ? List.of(SchemaContents.Kind.values())
                : List.of(SchemaContents.Kind.of(list));
        return kinds.stream().map(kind -> contents.list(page.caller(), kind, catalog, schema, size, pageToken)).toList();
    }

    /**
     * One level of the tree: the catalogs, a catalog's schemas, or what a schema holds (its tables,
     * volumes, functions and models, each kind paged on its own); a page at a time.
     */
    @GET
    @Path("tree")
    public TemplateInstance tree(@QueryParam("catalog") String catalog, @QueryParam("schema") String schema,
            @QueryParam("list") String list, @QueryParam("page_token") String pageToken) {
        if (catalog == null) {
            return Templates.tree("catalog", null, null,
                    catalogs.list(page.caller(), TREE_SIZE, pageToken).map(CatalogInfo::name));
        }
        if (schema == null) {
            return Templates.tree("schema", catalog, null,
                    schemas.list(page.caller(), catalog, TREE_SIZE, pageToken).map(SchemaInfo::name));
        }
        List<SchemaContents.Listing> listings = contents(catalog, schema, list, pageToken, TREE_SIZE);
        return Templates.treeContents(catalog, schema, listings,
                list == null && listings.stream().allMatch(listing -> listing.entries().items().isEmpty()));
    }
}
