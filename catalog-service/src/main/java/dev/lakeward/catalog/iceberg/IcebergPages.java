package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.persistence.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The protocol's paging ({@code pageToken}, {@code pageSize}) over Lakeward's listings, each page
 * filtered for the caller in one batch. A client that sends no {@code pageToken} gets every item
 * in one answer, as the spec requires of servers that page; it is read page by page all the same.
 */
final class IcebergPages {

    private IcebergPages() {
    }

    /**
     * @param list a Lakeward listing: its page of at most {@code maxResults} after {@code pageToken}
     */
    static <T> Page<T> read(String pageToken, String pageSize, BiFunction<String, String, Page<T>> list) {
        String maxResults = pageSize(pageSize);
        if (pageToken != null) {
            return list.apply(maxResults, pageToken);
        }
        List<T> all = new ArrayList<>();
        String next = "";
        do {
            Page<T> page = list.apply(maxResults, next);
            all.addAll(page.items());
            next = page.nextPageToken();
        } while (next != null);
        return new Page<>(all, null);
    }

    private static String pageSize(String pageSize) {
        if (pageSize == null || pageSize.isEmpty()) {
            return null;
        }
        try {
            if (Integer.parseInt(pageSize) >= 1) {
                return pageSize;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidParameter("pageSize must be a whole number from 1 to " + Integer.MAX_VALUE + ", not '"
                + Names.printable(pageSize) + "'.");
    }
}
