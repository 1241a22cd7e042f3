package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.Unauthenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call carries {@code Authorization: Bearer <token>}; this resolves it to the caller or
 * answers 401. {@link BrowserPage}s also take the explorer's session cookie, and send a caller
 * with neither to the sign-in page. Health, metrics and the OpenAPI document are served outside
 * JAX-RS and stay open.
 */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    BrowserSessions sessions;

    @Inject
    CurrentSession currentSession;

    @Inject
    SessionCookie cookies;

    /** Continues with the caller set ({@code null}), or answers in its stead: a browser sent to sign in. */
    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource) {
        BrowserPage page = resource.getResourceClass() == null ? null
                : resource.getResourceClass().getAnnotation(BrowserPage.class);
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            currentCaller.set(authenticator.authenticate(header.substring(BEARER.length()).trim()));
        } else if (page == null) {
            throw new Unauthenticated("Missing credentials: send 'Authorization: Bearer <token>'.");
        } else if (!page.signedOut()) {
            return signInBySession(request);
        }
        return null;
    }

    private Response signInBySession(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        Optional<BrowserSessions.Session> session;
        try {
            session = cookie == null ? Optional.empty() : sessions.resolve(cookie.getValue());
        } catch (Unauthenticated ended) {
            session = Optional.empty();
        }
        if (session.isEmpty()) {
            return toSignIn(request, cookie != null);
        }
        currentSession.set(session.get());
        currentCaller.set(session.get().caller());
        return null;
    }

    /** To the sign-in page, coming back here after; htmx follows {@code HX-Redirect} rather than a 303 it would swap in. */
    private Response toSignIn(ContainerRequestContext request, boolean ended) {
        String back = "GET".equals(request.getMethod()) && request.getHeaderString("HX-Request") == null
                ? request.getUriInfo().getRequestUri().getRawPath()
                        + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery()).map(q -> "?" + q).orElse("")
                : null;
        URI signIn = SessionCookie.signInPage(back, ended);
        Response.ResponseBuilder response = request.getHeaderString("HX-Request") != null
                ? Response.status(401).header("HX-Redirect", signIn.toString())
                : Response.seeOther(signIn);
        return response.cookie(cookies.expired(request.getUriInfo())).build();
    }
}
