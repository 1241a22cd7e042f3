package dev.lakeward.catalog.persistence;

/**
 * One page of a keyset listing: at most {@code size} items whose key sorts after {@code after}.
 * Keyset (not offset) paging keeps a listing stable while others insert: every item that existed
 * when the listing started is returned exactly once. Made by {@link PageTokens#request}.
 *
 * @param size   how many items the page holds at most
 * @param after  the key of the last item of the previous page, or {@code ""} for the first page
 * @param tokens what issues the token of the next page
 */
public record PageRequest(int size, String after, PageTokens tokens) {

    /** The token that continues a listing after the item with this key. */
    public String tokenAfter(String key) {
        return tokens.after(key);
    }
}
