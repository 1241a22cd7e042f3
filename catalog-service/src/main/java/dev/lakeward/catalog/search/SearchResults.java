package dev.lakeward.catalog.search;

import java.util.List;

/** A page of search hits and the token of the next, absent on the last page. */
public record SearchResults(List<SearchHit> results, String nextPageToken) {
}
