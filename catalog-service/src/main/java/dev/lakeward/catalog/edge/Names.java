package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.error.InvalidParameter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validation of what clients name and describe. Names are case-insensitive: they are checked here
 * and stored lower-case, so that {@code Sales} and {@code sales} are one object.
 */
public final class Names {

    public static final int MAX_NAME_LENGTH = 255;
    static final int MAX_COMMENT_LENGTH = 65_536;
    static final int MAX_PROPERTIES = 1_000;
    static final int MAX_PROPERTY_VALUE_LENGTH = 65_536;

    private Names() {
    }

    /** A single-part name ({@code what} is how the message calls it, e.g. "catalog name"). */
    public static String identifier(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidParameter(what + " is required.");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new InvalidParameter(what + " is " + value.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed.");
        }
        if (value.indexOf('.') >= 0 || value.indexOf('/') >= 0) {
            throw new InvalidParameter("Invalid " + what + " '" + printable(value) + "': names may not contain '.' or '/'.");
        }
        ClientText.requireName(what + " '" + printable(value) + "'", value);
        return value.toLowerCase(Locale.ROOT);
    }

    /** A dotted full name of exactly {@code parts.size()} valid parts, each lower-cased. */
    public static List<String> fullName(String value, List<String> parts) {
        String what = String.join(".", parts);
        if (value == null || value.isEmpty()) {
            throw new InvalidParameter("A full name of the form " + what + " is required.");
        }
        String[] split = value.split("\\.", -1);
        if (split.length != parts.size()) {
            throw new InvalidParameter("Invalid full name '" + printable(value) + "': expected " + what + ".");
        }
        String[] names = new String[split.length];
        for (int i = 0; i < split.length; i++) {
            names[i] = identifier(parts.get(i) + " name", split[i]);
        }
        return List.of(names);
    }

    public static String comment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new InvalidParameter("comment is " + comment.length() + " characters long; at most "
                    + MAX_COMMENT_LENGTH + " are allowed.");
        }
        return comment;
    }

    public static Map<String, String> properties(Map<String, String> properties) {
        if (properties == null) {
            return Map.of();
        }
        if (properties.size() > MAX_PROPERTIES) {
            throw new InvalidParameter("properties has " + properties.size() + " entries; at most "
                    + MAX_PROPERTIES + " are allowed.");
        }
        properties.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_NAME_LENGTH) {
                throw new InvalidParameter("Property keys must be 1 to " + MAX_NAME_LENGTH + " characters long.");
            }
            if (value == null) {
                throw new InvalidParameter("Property '" + printable(key) + "' has no value.");
            }
            if (value.length() > MAX_PROPERTY_VALUE_LENGTH) {
                throw new InvalidParameter("Property '" + printable(key) + "' is longer than "
                        + MAX_PROPERTY_VALUE_LENGTH + " characters.");
            }
        });
        return properties;
    }

    /** The value as it can be shown in a message ({@link ClientText#printable}). */
    public static String printable(String value) {
        return ClientText.printable(value);
    }
}
