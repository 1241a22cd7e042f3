package dev.lakeward.catalog.persistence;

import dev.lakeward.catalog.error.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One page of a keyset listing: at most {@code size} items whose key sorts after {@code after}.
 * Keyset (not offset) paging keeps a listing stable while others insert: every item that existed
 * when the listing started is returned exactly once.
 *
 * @param size  how many items the page holds at most
 * @param after the key of the last item of the previous page, or {@code ""} for the first page
 */
public record PageRequest(int size, String after) {

    private static final String TOKEN_PREFIX = "k1:";

    /**
     * Reads Unity Catalog's {@code max_results} and {@code page_token}: absent or 0 means the
     * server's page size, above it is clamped to it, below 0 is refused.
     */
    public static PageRequest of(String maxResults, String pageToken, int serverMaxResults) {
        int requested = parseMaxResults(maxResults);
        int size = requested == 0 ? serverMaxResults : Math.min(requested, serverMaxResults);
        return new PageRequest(size, pageToken == null || pageToken.isEmpty() ? "" : decode(pageToken));
    }

    /** Parsed here rather than by JAX-RS, which answers a malformed number with a 404. */
    private static int parseMaxResults(String maxResults) {
        if (maxResults == null || maxResults.isEmpty()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(maxResults);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter("max_results must be a whole number, 0 or more; got '" + maxResults + "'.");
    }

    /** The token that continues a listing after the item with this key. */
    public static String tokenAfter(String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return decoded.substring(TOKEN_PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below, with the same message as a token of the wrong shape
        }
        throw new InvalidParameter("page_token is not a token this server issued.");
    }
}
