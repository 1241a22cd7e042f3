package dev.lakeward.scim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A SCIM error as RFC 7644 §3.12 defines it: an HTTP status, an optional {@code scimType}
 * ({@code invalidFilter}, {@code invalidValue}, {@code uniqueness}, {@code noTarget}…) and a
 * detail a person can act on.
 */
public final class ScimError extends RuntimeException {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private final int status;
    private final String scimType;

    public ScimError(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimError invalidFilter(String detail) {
        return new ScimError(400, "invalidFilter", detail);
    }

    public static ScimError invalidValue(String detail) {
        return new ScimError(400, "invalidValue", detail);
    }

    public static ScimError invalidSyntax(String detail) {
        return new ScimError(400, "invalidSyntax", detail);
    }

    /** The error's body: {@code status} is a string, {@code scimType} only when there is one. */
    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(status));
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", getMessage());
        return body;
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
