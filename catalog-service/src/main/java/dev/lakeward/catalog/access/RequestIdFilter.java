package dev.lakeward.catalog.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives each API request its id before anything else runs, and echoes it in the response. */
public class RequestIdFilter {

    @Inject
    RequestId requestId;

    @ServerRequestFilter(priority = 100)
    public void assign(ContainerRequestContext request) {
        requestId.set(request.getHeaderString(RequestId.HEADER));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestId.HEADER, requestId.get());
    }

}
