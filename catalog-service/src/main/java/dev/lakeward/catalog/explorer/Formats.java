package dev.lakeward.catalog.explorer;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write values: times as UTC to the minute, absent ones as a dash. */
@TemplateExtension
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** A value for a query string. */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String time(Long epochMillis) {
        return epochMillis == null ? "—" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
