package dev.lakeward.catalog.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body over {@code quarkus.http.limits.max-body-size} is refused before JAX-RS sees it; this
 * refuses a declared oversize body first, so that the 413 has Unity Catalog's error body like
 * every other refusal. (A chunked body without a length still meets the HTTP layer's bare 413.)
 */
@Singleton
public class BodyTooLarge {

    private static final int PAYLOAD_TOO_LARGE = 413;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                ctx.response().setStatusCode(PAYLOAD_TOO_LARGE)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(new JsonObject()
                                .put("error_code", ErrorCode.REQUEST_LIMIT_EXCEEDED.name())
                                .put("message", "The request body has " + length + " bytes; at most " + limit
                                        + " are accepted.")
                                .encode());
                return;
            }
            ctx.next();
        });
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
