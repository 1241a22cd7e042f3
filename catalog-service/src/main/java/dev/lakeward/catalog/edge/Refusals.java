package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.error.ErrorCode;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.scim.ScimError;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;

/**
 * A refusal at the edge in the shape of the protocol the path belongs to: SCIM's error body on
 * SCIM's paths (RFC 7644 §3.12), Unity Catalog's everywhere else.
 */
public final class Refusals {

    private Refusals() {
    }

    /** Whether the path is one of SCIM's, whose errors are answered in SCIM's shape. */
    public static boolean isScim(String path) {
        return path.startsWith("/scim/v2") || path.startsWith("/api/2.0/preview/scim/v2");
    }

    /** Answers a request on its route, before JAX-RS, with the error of the code in its path's shape. */
    static void answer(RoutingContext ctx, ErrorCode code, String message) {
        boolean scim = isScim(ctx.normalizedPath());
        ctx.response().setStatusCode(code.httpStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, scim ? "application/scim+json" : MediaType.APPLICATION_JSON)
                .end(scim ? new ScimError(code.httpStatus(), null, message).body().toString() : new JsonObject()
                        .put("error_code", code.name()).put("message", message).encode());
    }

    /** A 400 for a value the client sent; {@code scimType} is used on SCIM paths. */
    static RuntimeException invalid(String path, String scimType, String message) {
        return isScim(path) ? new ScimError(400, scimType, message) : new InvalidParameter(message);
    }
}
