package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.BrowserPage;
import dev.lakeward.catalog.identity.SessionCookie;
import dev.lakeward.catalog.identity.BrowserSessions;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Ends the session: its row is deleted, so the cookie is worthless even if the browser kept it. */
@Path("/explorer/sign-out")
@BrowserPage
public class SignOut {

    @Inject
    PageContext page;

    @Inject
    BrowserSessions sessions;

    @Inject
    SessionCookie cookies;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(SessionCookie.NAME) String secret,
            @Context UriInfo uri) {
        page.requireFormToken(csrf);
        if (secret != null) {
            sessions.end(secret);
        }
        return Response.seeOther(SessionCookie.signInPage(null, false)).cookie(cookies.expired(uri)).build();
    }
}
