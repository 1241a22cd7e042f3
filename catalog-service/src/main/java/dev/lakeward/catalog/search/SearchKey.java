package dev.lakeward.catalog.search;

import dev.lakeward.catalog.error.InvalidParameter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a hit sorts: how well its name matches (0 the whole name, 1 its start, 2 within it), then
 * its own name lowered (byte-wise), then its kind (a catalog before a schema, a table, a column of
 * the same name), then its id (a column's table's) and position (a column's, 0 for the rest), which
 * make it unique, so that a page continues exactly after its last. Not the full name: that would
 * need every match joined to its schema and catalog before the first could be answered (V15).
 * Written into page tokens as {@code rank.kind.position.id.name}: only the name may hold a dot, and
 * it comes last.
 */
record SearchKey(int rank, String name, int kind, UUID id, int position) {

    private static final UUID NO_ID = new UUID(0, 0);
    private static final Pattern TOKEN = Pattern.compile(
            "([0-2])\\.([0-3])\\.([0-9]{1,9})\\.(\\p{XDigit}{8}(?:-\\p{XDigit}{4}){3}-\\p{XDigit}{12})\\.(.*)",
            Pattern.DOTALL);

    /** Sorts before every hit: where the first page starts. */
    static final SearchKey FIRST = start(-1);

    /** Sorts before every hit of {@code rank}. */
    static SearchKey start(int rank) {
        return new SearchKey(rank, "", -1, NO_ID, -1);
    }

    @Override
    public String toString() {
        return rank + "." + kind + "." + position + "." + id + "." + name;
    }

    /** The key a page token carried; a token of another listing (validly signed, but not a search's) is a 400. */
    static SearchKey parse(String key) {
        if (key.isEmpty()) {
            return FIRST;
        }
        Matcher parts = TOKEN.matcher(key);
        if (parts.matches()) {
            return new SearchKey(Integer.parseInt(parts.group(1)), parts.group(5), Integer.parseInt(parts.group(2)),
                    UUID.fromString(parts.group(4)), Integer.parseInt(parts.group(3)));
        }
        throw new InvalidParameter("page_token is not a token of a search; repeat the search without it.");
    }
}
