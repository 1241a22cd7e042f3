package dev.lakeward.catalog.error;

import dev.lakeward.policy.SecurableType;

/** The named object does not exist. */
public final class NotFound extends ApiException {

    public NotFound(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    /**
     * What a missing securable is answered, and so a hidden one, in one wording for every kind:
     * {@code Schema 'sales.raw' does not exist.}
     */
    public static NotFound securable(SecurableType type, String fullName) {
        String kind = type.apiName().replace('_', ' ');
        return new NotFound(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " '" + fullName
                + "' does not exist.");
    }
}
