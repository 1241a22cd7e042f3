package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.identity.BrowserSessions;
import dev.lakeward.catalog.identity.SessionCookie;
import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * "Sign in with the provider": Quarkus OIDC's web-app tenant {@code explorer}, bound to this path
 * alone, runs the authorization-code flow with PKCE (the redirect, the state, the code exchange,
 * the ID token's verification); this then begins Lakeward's own session for the signed-in user and
 * ends Quarkus' one, so that the explorer has one kind of session, ended one way.
 * <p>
 * It answers a page that moves on to {@code next} itself rather than a redirect: the browser came
 * here from the provider's site, and a redirect would continue that cross-site navigation, on which
 * the SameSite=Strict session cookie is not sent, landing the person on the sign-in page again.
 * The page's own navigation starts on the explorer's site, so the cookie goes with it.
 */
@Path(SessionCookie.SIGN_IN + "/oidc")
@BrowserPage(signedOut = true)
public class OidcSignInPage {

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @Inject
    BrowserSessions sessions;

    @Inject
    SessionCookie cookies;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance signedIn(String next);
    }

    /**
     * A page that moves on by itself rather than a redirect: the browser arrives here at the end
     * of a chain of redirects the provider's site began, and would not send a SameSite=Strict
     * cookie along a redirect of that chain; a navigation this page starts is the explorer's own.
     */
    @GET
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response signedIn(@QueryParam("next") String next, @Context UriInfo uri) {
        BrowserSessions.Begun begun = sessions.beginSignedIn(idToken);
        oidcSession.logout().await().indefinitely();
        return Response.ok(Templates.signedIn(SignInPage.backTo(next)), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(cookies.of(begun, uri)).build();
    }
}
