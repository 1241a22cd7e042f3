package dev.lakeward.catalog.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Items of one page and the token of the next, {@code null} when this page is the last. */
public record Page<T>(List<T> items, String nextPageToken) {

    /**
     * Builds a page from a query that fetched up to {@code request.size() + 1} rows in key order:
     * the extra row only tells that another page exists.
     */
    public static <T> Page<T> fromLookahead(List<T> fetched, PageRequest request, Function<T, String> key) {
        if (fetched.size() <= request.size()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.size());
        return new Page<>(items, request.tokenAfter(key.apply(items.get(items.size() - 1))));
    }

    /**
     * A keyset page of only the rows the caller may see: fetches rows after the key in chunks,
     * keeps the visible ones (one authorization batch per chunk) until the page is full or the
     * rows run out, so that a page is full whenever more visible rows exist.
     *
     * @param fetch   up to {@code limit} rows whose key sorts after {@code after}, in key order
     * @param visible the visible rows of a chunk, in order
     */
    public static <T> Page<T> filtered(PageRequest request, BiFunction<String, Integer, List<T>> fetch,
            UnaryOperator<List<T>> visible, Function<T, String> key) {
        return filtered(request, fetch, visible, key, key);
    }

    /**
     * {@link #filtered} for rows that become the page's items as they are filtered (names read
     * from an index, then the remembered objects they name): {@code rowKey} continues the scan,
     * {@code itemKey} the next page.
     */
    public static <T, R> Page<R> filtered(PageRequest request, BiFunction<String, Integer, List<T>> fetch,
            Function<List<T>, List<R>> visible, Function<T, String> rowKey, Function<R, String> itemKey) {
        return filtered(request, fetch, visible, rowKey, itemKey, request.size() + 1, request.size() + 1);
    }

    /**
     * {@link #filtered} for a fetch that costs about the same whatever its limit (a search sorts
     * every match to return the first): chunks start at {@code firstChunk} (at least one above the
     * page size) and double up to {@code largestChunk}, so that a caller who may see few of many
     * rows waits for a few queries, not for one per page's worth of hidden rows.
     */
    public static <T, R> Page<R> filtered(PageRequest request, BiFunction<String, Integer, List<T>> fetch,
            Function<List<T>, List<R>> visible, Function<T, String> rowKey, Function<R, String> itemKey,
            int firstChunk, int largestChunk) {
        List<R> page = new ArrayList<>(request.size());
        int chunkSize = Math.max(firstChunk, request.size() + 1);
        String after = request.after();
        while (true) {
            List<T> chunk = fetch.apply(after, chunkSize);
            for (R item : visible.apply(chunk)) {
                if (page.size() == request.size()) {
                    return new Page<>(page, request.tokenAfter(itemKey.apply(page.get(page.size() - 1))));
                }
                page.add(item);
            }
            if (chunk.size() < chunkSize) {
                return new Page<>(page, null);
            }
            after = rowKey.apply(chunk.get(chunk.size() - 1));
            chunkSize = Math.max(chunkSize, Math.min(chunkSize * 2, largestChunk));
        }
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextPageToken);
    }
}
