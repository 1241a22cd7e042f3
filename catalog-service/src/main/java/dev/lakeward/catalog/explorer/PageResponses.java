package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.access.CurrentCaller;
import dev.lakeward.catalog.error.ErrorResponse;
import dev.lakeward.catalog.identity.BrowserPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every explorer page's response carries: a refusal is shown as a page with the message a
 * person can act on (the API's own words, never a stack trace), in the frame when signed in, or
 * as the fragment htmx swaps in; and headers that keep the pages from being framed, sniffed, or
 * running any script but the explorer's own files.
 */
public class PageResponses {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Inject
    CurrentCaller caller;

    @Inject
    PageContext page;

    @CheckedTemplate(basePath = "explorer")
    static class Templates {
        static native TemplateInstance error(Chrome chrome, int status, String code, String message, boolean fragment);
    }

    @ServerResponseFilter
    public void present(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (resource.getResourceClass() == null || !resource.getResourceClass().isAnnotationPresent(BrowserPage.class)) {
            return;
        }
        if (response.getEntity() instanceof ErrorResponse error) {
            boolean fragment = request.getHeaderString("HX-Request") != null;
            Chrome chrome = caller.isSet() ? page.chrome() : null;
            response.setEntity(Templates.error(chrome, response.getStatus(), error.errorCode(), error.message(), fragment)
                    .render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
        response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
