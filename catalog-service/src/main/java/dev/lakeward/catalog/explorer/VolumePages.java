package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.volume.VolumeInfo;
import dev.lakeward.catalog.volume.VolumeService;
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
 * A volume's page: its facts and its permissions, read through the volumes API's own service, so a
 * hidden volume is answered as a missing one, as the API answers it.
 */
@Path("/explorer/volumes/{catalog}/{schema}/{volume}")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public class VolumePages {

    @Inject
    PageContext page;

    @Inject
    VolumeService volumes;

    @Inject
    PermissionsPanel permissions;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance volume(Chrome chrome, VolumeInfo volume, String link, String tab,
                PermissionsPanel.View permissions);
    }

    @GET
    public TemplateInstance show(@PathParam("catalog") String catalog, @PathParam("schema") String schema,
            @PathParam("volume") String name, @QueryParam("tab") String tab, @QueryParam("principal") String principal,
            @QueryParam("changed") String changed) {
        VolumeInfo volume = volumes.get(page.caller(), catalog + "." + schema + "." + name);
        boolean grants = "permissions".equals(tab);
        return Templates.volume(page.chrome(), volume, PageLink.volume(catalog, schema, name),
                grants ? "permissions" : "overview",
                grants ? permissions.view(SecurableType.VOLUME, volume.fullName(), principal, changed) : null);
    }
}
