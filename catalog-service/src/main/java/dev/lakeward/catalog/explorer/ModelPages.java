package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.model.ModelVersionInfo;
import dev.lakeward.catalog.model.ModelVersionService;
import dev.lakeward.catalog.model.RegisteredModelInfo;
import dev.lakeward.catalog.model.RegisteredModelService;
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

/**
 * A registered model's page: its facts, its versions a page at a time, and its permissions, read
 * through the models API's own services, so a hidden model is answered as a missing one, as the
 * API answers it.
 */
@Path("/explorer/models/{catalog}/{schema}/{model}")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class ModelPages {

    @Inject
    PageContext page;

    @Inject
    RegisteredModelService models;

    @Inject
    ModelVersionService versions;

    @Inject
    PermissionsPanel permissions;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance model(Chrome chrome, RegisteredModelInfo model, String link, String tab,
                Page<ModelVersionInfo> versions, PermissionsPanel.View permissions);
    }

    @GET
    public TemplateInstance show(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("model") String name, @QueryParam("tab") String tab, @QueryParam("page_token") String pageToken,
            @QueryParam("principal") String principal, @QueryParam("changed") String changed) {
        RegisteredModelInfo model = models.get(page.caller(), catalog + "." + schema + "." + name);
        String shown = "permissions".equals(tab) || "versions".equals(tab) ? tab : "overview";
        return Templates.model(page.chrome(), model, PageLink.model(catalog, schema, name), shown,
                shown.equals("versions") ? versions.list(page.caller(), model.fullName(), BrowsePages.PAGE_SIZE, pageToken)
                        : null,
                shown.equals("permissions")
                        ? permissions.view(SecurableType.REGISTERED_MODEL, model.fullName(), principal, changed) : null);
    }
}
