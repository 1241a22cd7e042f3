package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.error.PermissionDenied;
import dev.lakeward.catalog.identity.BrowserPage;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a form another site's page sent to the explorer, by what the browser says of its origin
 * ({@code Sec-Fetch-Site}, {@code Origin}): besides the session's form token, this stops a page
 * signing a person in as someone else (the sign-in form has no session, so no token, yet).
 */
public class SameOriginForms {

    @ServerRequestFilter(priority = 60)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceClass() == null || !resource.getResourceClass().isAnnotationPresent(BrowserPage.class)
                || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        if ("cross-site".equals(site) || "same-site".equals(site) || (origin != null && !sameHost(origin, request))) {
            throw new PermissionDenied("This form was sent from another site; the explorer only takes its own.");
        }
    }

    private static boolean sameHost(String origin, ContainerRequestContext request) {
        try {
            URI from = URI.create(origin);
            String host = request.getHeaderString("Host");
            return host != null && from.getRawAuthority() != null && from.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
