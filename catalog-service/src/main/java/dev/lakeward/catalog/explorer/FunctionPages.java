package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.function.FunctionInfo;
import dev.lakeward.catalog.function.FunctionService;
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

/**
 * A function's page: its facts and its permissions, read through the functions API's own service, so a
 * hidden function is answered as a missing one, as the API answers it.
 */
@Path("/explorer/functions/{catalog}/{schema}/{function}")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class FunctionPages {

    @Inject
    PageContext page;

    @Inject
    FunctionService functions;

    @Inject
    PermissionsPanel permissions;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance function(Chrome chrome, FunctionInfo function, String link, String tab,
                PermissionsPanel.View permissions);
    }

    @GET
    public TemplateInstance show(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("function") String name, @QueryParam("tab") String tab, @QueryParam("principal") String principal,
            @QueryParam("changed") String changed) {
        FunctionInfo function = functions.get(page.caller(), catalog + "." + schema + "." + name);
        boolean grants = "permissions".equals(tab);
        return Templates.function(page.chrome(), function, PageLink.function(catalog, schema, name),
                grants ? "permissions" : "overview",
                grants ? permissions.view(SecurableType.FUNCTION, function.fullName(), principal, changed) : null);
    }
}
