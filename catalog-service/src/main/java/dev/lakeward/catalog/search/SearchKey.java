package dev.lakeward.catalog.search;

import dev.lakeward.catalog.error.InvalidParameter;

/**
 * Where a hit sorts: how well its name matches (0 the whole name, 1 its start, 2 within it), then
 * its catalog, schema, table and column names, {@code ""} where a level does not apply (a catalog
 * sorts before its schemas). Unique per hit, so that a page continues exactly after its last.
 * Written into page tokens as {@code rank.catalog.schema.table.column}: only a column's name may
 * hold a dot, and it comes last.
 */
record SearchKey(int rank, String catalog, String schema, String table, String column) {

    /** Sorts before every hit: where the first page starts. */
    static final SearchKey FIRST = new SearchKey(-1, "", "", "", "");

    @Override
    public String toString() {
        return rank + "." + catalog + "." + schema + "." + table + "." + column;
    }

    /** The key a page token carried; a token of another listing (validly signed, but not a search's) is a 400. */
    static SearchKey parse(String key) {
        if (key.isEmpty()) {
            return FIRST;
        }
        String[] parts = key.split("\\.", 5);
        if (parts.length == 5 && parts[0].matches("[0-2]")) {
            return new SearchKey(Integer.parseInt(parts[0]), parts[1], parts[2], parts[3], parts[4]);
        }
        throw new InvalidParameter("page_token is not a token of a search; repeat the search without it.");
    }
}
