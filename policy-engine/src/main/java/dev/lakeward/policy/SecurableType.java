package dev.lakeward.policy;

import java.util.Locale;
import java.util.Optional;

/** The kinds of object a grant can be placed on, as Unity Catalog's {@code securable_type} names them. */
public enum SecurableType {
    METASTORE("metastore"),
    CATALOG("catalog"),
    SCHEMA("schema"),
    TABLE("table"),
    VOLUME("volume"),
    FUNCTION("function"),
    REGISTERED_MODEL("registered_model"),
    EXTERNAL_LOCATION("external_location"),
    STORAGE_CREDENTIAL("credential");

    private final String apiName;

    SecurableType(String apiName) {
        this.apiName = apiName;
    }

    /** The name in REST paths and messages: {@code catalog}, {@code external_location}… */
    public String apiName() {
        return apiName;
    }

    /** Reads {@code table}, {@code TABLE}, {@code external_location} or {@code EXTERNAL LOCATION}. */
    public static Optional<SecurableType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        for (SecurableType type : values()) {
            if (type.apiName.equals(normalized) || type.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
