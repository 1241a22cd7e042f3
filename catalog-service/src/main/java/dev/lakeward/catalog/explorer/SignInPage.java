package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.error.Unauthenticated;
import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.identity.BrowserSessions;
import dev.lakeward.catalog.identity.SessionCookie;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/** Signing in to the explorer: with a Lakeward token, or through the OIDC provider when one is configured. */
@Path(SessionCookie.SIGN_IN)
@BrowserPage(signedOut = true)
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @Inject
    BrowserSessions sessions;

    @Inject
    SessionCookie cookies;

    @Inject
    OidcSignInOption oidc;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance signIn(String next, boolean ended, String error, String provider);
    }

    @GET
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("ended") boolean ended) {
        return Templates.signIn(backTo(next), ended, null, oidc.providerName().orElse(null));
    }

    @POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam("next") String next, @Context UriInfo uri) {
        String back = backTo(next);
        try {
            if (token == null || token.isBlank()) {
                throw new Unauthenticated("Paste a Lakeward token to sign in.");
            }
            BrowserSessions.Begun begun = sessions.beginWithToken(token.trim());
            return Response.seeOther(URI.create(back)).cookie(cookies.of(begun, uri)).build();
        } catch (Unauthenticated refused) {
            return Response.status(401).type(MediaType.TEXT_HTML)
                    .entity(Templates.signIn(back, false, refused.getMessage(), oidc.providerName().orElse(null))).build();
        }
    }

    /** Where to go once signed in: the page that sent the caller here if it is the explorer's, else its home. */
    static String backTo(String next) {
        return next != null && SessionCookie.isExplorerPath(next) ? next : SessionCookie.PATH;
    }
}
