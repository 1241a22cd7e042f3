package dev.lakeward.catalog.edge;

import dev.lakeward.catalog.error.InvalidParameter;
import java.util.Optional;

/**
 * What characters a client's text may hold. Every string that arrives (query parameters, path
 * parameters, the headers Lakeward reads, JSON and protobuf strings) is judged here once, at the
 * edge; names are judged again, more strictly, where they are created, so that two names can never
 * look alike while being different strings. Nothing is normalized: a refused character is a 400
 * naming it as {@code U+XXXX}.
 */
public final class ClientText {

    /** How strict the judgement is. */
    public enum Kind {
        /** Query and path parameters, headers, JSON keys: no control character at all. */
        LINE,
        /** JSON and protobuf string values (comments, descriptions…): tab, line feed and carriage return are kept. */
        FREE_TEXT,
        /** Names of objects and principals: also nothing invisible, no bidi control, no special space or separator. */
        NAME
    }

    private static final String NAME_RULE = "names may not contain control, invisible, bidirectional-control,"
            + " non-breaking or special space, or line/paragraph separator characters";

    private ClientText() {
    }

    /**
     * The first character the value may not hold, described for a message
     * ({@code "U+0000 (a control character) at position 3"}), or empty when the value is acceptable.
     */
    public static Optional<String> problem(String value, Kind kind) {
        if (value == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int i = 0; i < value.length(); position++) {
            int cp = value.codePointAt(i);
            String what = refusal(cp, kind);
            if (what != null) {
                return Optional.of(String.format("U+%04X (%s) at position %d", cp, what, position));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** Whether the character is one that text of this kind may not hold. */
    public static boolean refuses(int codePoint, Kind kind) {
        return refusal(codePoint, kind) != null;
    }

    /** Refuses a name ({@code what} is how the message calls it, e.g. "catalog name") that holds a character a name may not. */
    public static String requireName(String what, String value) {
        problem(value, Kind.NAME).ifPresent(problem -> {
            throw new InvalidParameter(nameMessage(what, problem));
        });
        return value;
    }

    /** The message for a string field of a body (JSON or protobuf) that holds a refused character. */
    public static String fieldMessage(String field, String problem) {
        return "Field '" + field + "' contains " + problem + "; text may hold tab, line feed and carriage return"
                + " but no other control character.";
    }

    /** The message for a name that holds a refused character, for callers that answer in another shape (SCIM). */
    public static String nameMessage(String what, String problem) {
        return what + " contains " + problem + "; " + NAME_RULE + ".";
    }

    /** The value as it can be shown in a message: what a name may not hold escaped as {@code \\uXXXX}, long values cut. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(cp -> {
            if (refuses(cp, Kind.NAME)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > 80 ? out + "…" : out.toString();
    }

    private static String refusal(int cp, Kind kind) {
        if (Character.isISOControl(cp)) {
            boolean layout = cp == '\t' || cp == '\n' || cp == '\r';
            return layout && kind == Kind.FREE_TEXT ? null : "a control character";
        }
        if (Character.getType(cp) == Character.SURROGATE) {
            return "an unpaired surrogate";
        }
        if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
            return "a noncharacter";
        }
        if (kind != Kind.NAME) {
            return null;
        }
        if (isBidiControl(cp)) {
            return "a bidirectional control character";
        }
        return switch (Character.getType(cp)) {
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line or paragraph separator";
            case Character.SPACE_SEPARATOR -> cp == ' ' ? null : "a non-breaking or special space";
            case Character.FORMAT -> "an invisible formatting character";
            default -> isInvisible(cp) ? "an invisible character" : null;
        };
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** Letters and marks that render as nothing: fillers, the combining grapheme joiner, variation selectors, the blank braille cell. */
    private static boolean isInvisible(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 || cp == 0x2800
                || cp == 0x3164 || cp == 0xFFA0 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
