package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.ClientText.Kind;
import dev.lakeward.catalog.error.InvalidParameter;
import java.util.List;

/** The explorer's form fields, judged by the edge's rules as query parameters and JSON strings are. */
final class FormText {

    private FormText() {
    }

    /** A one-line field: no control character. */
    static String line(String field, String value) {
        return judged(field, value, Kind.LINE);
    }

    static List<String> lines(String field, List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> line(field, v)).toList();
    }

    /** A whole number a page was asked with; absent when not given. */
    static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameter(field + " must be a whole number, not '" + ClientText.printable(value) + "'.");
        }
    }

    /** A comment: tab and line breaks kept, no other control character. */
    static String freeText(String field, String value) {
        return judged(field, value, Kind.FREE_TEXT);
    }

    private static String judged(String field, String value, Kind kind) {
        ClientText.problem(value, kind).ifPresent(problem -> {
            throw new InvalidParameter(ClientText.fieldMessage(field, problem));
        });
        return value;
    }
}
