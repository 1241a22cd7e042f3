package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.scim.ScimError;

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

    /** A 400 for a value the client sent; {@code scimType} is used on SCIM paths. */
    static RuntimeException invalid(String path, String scimType, String message) {
        return isScim(path) ? new ScimError(400, scimType, message) : new InvalidParameter(message);
    }
}
