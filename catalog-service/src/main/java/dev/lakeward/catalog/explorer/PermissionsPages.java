package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.authz.GrantService;
import dev.lakeward.catalog.authz.Permissions.PermissionsChange;
import dev.lakeward.catalog.authz.Permissions.UpdatePermissions;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.identity.PrincipalService;
import dev.lakeward.catalog.identity.Principals.PrincipalName;
import dev.lakeward.policy.SecurableType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sharing: the grant and revoke dialog's changes, applied by the grants API's own service (its
 * checks, its single transaction, its audit), and the principal picker that feeds it.
 */
@Path("/explorer")
@BrowserPage
public class PermissionsPages {

    private static final int PICKER_SIZE = 20;

    @Inject
    PageContext page;

    @Inject
    GrantService grants;

    @Inject
    PrincipalService principals;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance picker(List<PrincipalName> principals);
    }

    @POST
    @Path("permissions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("csrf") String csrf, @FormParam("securable_type") String type,
            @FormParam("full_name") String fullName, @FormParam("principal") String principal,
            @FormParam("privilege") List<String> privileges, @FormParam("change") String change) {
        page.requireFormToken(csrf);
        SecurableType securableType = SecurableType.parse(FormText.line("securable_type", type))
                .filter(PageLink.SHOWN::contains)
                .orElseThrow(() -> new InvalidParameter("The explorer shares what it has pages for: "
                        + PageLink.SHOWN.stream().map(SecurableType::apiName).sorted().collect(Collectors.joining(", ")) + "."));
        if (privileges == null || privileges.isEmpty()) {
            throw new InvalidParameter("Choose at least one privilege to " + ("revoke".equals(change) ? "revoke." : "grant."));
        }
        boolean revoke = switch (change == null ? "" : change) {
            case "grant" -> false;
            case "revoke" -> true;
            default -> throw new InvalidParameter("change must be grant or revoke.");
        };
        List<String> named = FormText.lines("privilege", privileges);
        PermissionsChange asked = new PermissionsChange(FormText.line("principal", principal),
                revoke ? List.of() : named, revoke ? named : List.of());
        grants.update(page.caller(), securableType.apiName(), FormText.line("full_name", fullName), new UpdatePermissions(List.of(asked)));
        String back = PageLink.securable(securableType, fullName);
        return Response.seeOther(UriBuilder.fromUri(back).queryParam("tab", "permissions")
                .queryParam("changed", revoke ? "revoked" : "granted").build()).build();
    }

    /** Principals whose name holds the typed text, for the share dialog. */
    @GET
    @Path("principals")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance picker(@QueryParam("principal") String text) {
        String typed = text == null ? "" : text.trim();
        return Templates.picker(typed.isEmpty() ? List.of() : principals.named(typed, PICKER_SIZE));
    }
}
