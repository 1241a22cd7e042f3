package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.error.ErrorCode;
import dev.lakeward.catalog.error.ErrorResponse;
import dev.lakeward.scim.ScimError;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A path Lakeward does not serve is a 404 and a method a path does not support a 405, each in the
 * error shape of the path's protocol (SCIM's under SCIM's paths, Unity Catalog's elsewhere) and
 * naming the method and path; never the framework's text. JAX-RS raises both for paths under a
 * resource; a last route answers those outside every resource.
 */
@Singleton
public class UnknownRoutes {

    private static final String SCIM_JSON = "application/scim+json";

    @ServerExceptionMapper
    public Response unknownPath(NotFoundException e, UriInfo uri, Request request) {
        return respond(uri.getPath(), 404, notFound(request.getMethod(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unsupportedMethod(NotAllowedException e, UriInfo uri, Request request) {
        return respond(uri.getPath(), 405, request.getMethod() + " is not supported on "
                + ClientText.printable(uri.getPath()) + ".");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> Refusals.answer(ctx, ErrorCode.NOT_FOUND,
                notFound(ctx.request().method().name(), ctx.normalizedPath())));
    }

    private static String notFound(String method, String path) {
        return "Lakeward serves no " + method + " " + ClientText.printable(path) + ".";
    }

    private static Response respond(String path, int status, String message) {
        return Refusals.isScim(path)
                ? Response.status(status).type(SCIM_JSON).entity(new ScimError(status, null, message).body()).build()
                : Response.status(status).type(MediaType.APPLICATION_JSON)
                        .entity(new ErrorResponse(ErrorCode.forHttpStatus(status).name(), message)).build();
    }
}
