package dev.lakeward.catalog.persistence;

import java.util.Locale;

/** Text a person typed, for SQL {@code LIKE ... escape '\'}: its {@code %}, {@code _} and {@code \} are characters, not patterns. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** The text lower-cased with LIKE's special characters escaped; wrap it in {@code %} as the match needs. */
    public static String literal(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
