package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.identity.SessionCookie;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The service's root is the explorer: a person who opens the service's address lands there. A
 * route of its own rather than a resource at {@code /}, which would claim every path beneath it
 * from the static files.
 */
@Singleton
public class RootRedirect {

    void install(@Observes Router router) {
        router.get("/").handler(ctx -> ctx.response().setStatusCode(303).putHeader("Location", SessionCookie.PATH).end());
    }
}
