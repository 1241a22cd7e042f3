package dev.lakeward.policy;

import java.util.Locale;

/** Who asks. Names are case-insensitive, as principal names are everywhere in Lakeward. */
public record Principal(String name, Kind kind) {

    public enum Kind {
        USER("User"), SERVICE_PRINCIPAL("Service principal"), GROUP("Group");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The name as grants and memberships are keyed. */
    public String key() {
        return key(name);
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
