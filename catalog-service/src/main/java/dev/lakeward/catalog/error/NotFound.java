package dev.lakeward.catalog.error;

import dev.lakeward.policy.SecurableType;
import java.util.Optional;

/** The named object does not exist. */
public final class NotFound extends ApiException {

    private final SecurableType type;

    public NotFound(String message) {
        this(null, message);
    }

    private NotFound(SecurableType type, String message) {
        super(ErrorCode.NOT_FOUND, message);
        this.type = type;
    }

    /**
     * What a missing securable is answered, and so a hidden one, in one wording for every kind:
     * {@code Schema 'sales.raw' does not exist.}
     */
    public static NotFound securable(SecurableType type, String fullName) {
        String kind = type.apiName().replace('_', ' ');
        return new NotFound(type, Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " '" + fullName
                + "' does not exist.");
    }

    /** The kind of securable missing, when one is (protocols that tell a missing schema from a missing table). */
    public Optional<SecurableType> securableType() {
        return Optional.ofNullable(type);
    }
}
