package dev.lakeward.catalog.identity;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.Unauthenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call carries {@code Authorization: Bearer <token>}; this resolves it to the caller or
 * answers 401. Health, metrics and the OpenAPI document are served outside JAX-RS and stay open.
 */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller currentCaller;

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("Missing credentials: send 'Authorization: Bearer <token>'.");
        }
        currentCaller.set(authenticator.authenticate(header.substring(BEARER.length()).trim()));
    }
}
