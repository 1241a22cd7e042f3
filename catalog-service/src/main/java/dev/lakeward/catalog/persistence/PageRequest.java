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
    public static PageRequest of(Integer maxResults, String pageToken, int serverMaxResults) {
        if (maxResults != null && maxResults < 0) {
            throw new InvalidParameter("max_results must be 0 or more, got " + maxResults + ".");
        }
        int size = maxResults == null || maxResults == 0 ? serverMaxResults : Math.min(maxResults, serverMaxResults);
        return new PageRequest(size, pageToken == null || pageToken.isEmpty() ? "" : decode(pageToken));
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
