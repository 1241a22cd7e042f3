package dev.lakeward.catalog.persistence;

import java.util.List;
import java.util.function.Function;

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
        return new Page<>(items, PageRequest.tokenAfter(key.apply(items.get(items.size() - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextPageToken);
    }
}
