package dev.lakeward.catalog.search;

import dev.lakeward.catalog.access.AccessControl;
import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.access.Metastore;
import dev.lakeward.catalog.edge.ClientText;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.persistence.Page;
import dev.lakeward.catalog.persistence.PageTokens;
import dev.lakeward.policy.Securable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * Search by name across the metastore: the catalogs, schemas, tables and columns whose names hold
 * the text the caller typed, as a whole, at their start or within them (in that order, then by
 * their own names, then catalogs before schemas, tables and columns; see {@link SearchKey}), of
 * only what the caller may see. Each chunk of matches is decided in one batch, a
 * column as its table; what is hidden leaves no trace: a page is full whenever more visible hits
 * exist, and its token continues after its last visible hit.
 */
@ApplicationScoped
public class CatalogSearch {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    /**
     * Each chunk's query costs about what it returns, plus its planning (it is planned for its text
     * every time, see {@link NameIndex}), so a caller who may see little of a match needs few, large
     * chunks: 1,000 names cost the query some 20 ms more than 51 over 100,000 tables, a reader who
     * may see one catalog in ten gets its first page in one, and deciding 10,000 checks takes a few
     * milliseconds.
     */
    private static final int FIRST_CHUNK = 1_000;
    private static final int LARGEST_CHUNK = 10_000;

    @Inject
    NameIndex index;

    @Inject
    AccessControl access;

    @Inject
    Metastore metastore;

    @Inject
    PageTokens pageTokens;

    /**
     * A page of hits for {@code query} (1 to 255 characters, not only spaces, no control
     * character), {@code pageSize} of them at most (1 to {@value #MAX_PAGE_SIZE}), after the hit
     * {@code pageToken} ends on (none for the first page).
     */
    public Page<SearchHit> search(Caller caller, String query, int pageSize, String pageToken) {
        String text = text(query);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidParameter("max_results must be from 1 to " + MAX_PAGE_SIZE + " (default "
                    + DEFAULT_PAGE_SIZE + "); got " + pageSize + ".");
        }
        Securable root = metastore.securable();
        Function<Candidate, String> key = candidate -> candidate.key().toString();
        return Page.filtered(pageTokens.request(pageSize, pageToken),
                (after, limit) -> index.matches(text, SearchKey.parse(after), limit),
                chunk -> access.visibleAtEveryLevel(caller, chunk, candidate -> candidate.securable(root)),
                key, key, FIRST_CHUNK, LARGEST_CHUNK)
                .map(Candidate::hit);
    }

    private static String text(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidParameter("query is required: the text to look for in catalog, schema, table and column"
                    + " names.");
        }
        if (query.length() > Names.MAX_NAME_LENGTH) {
            throw new InvalidParameter("query is " + query.length() + " characters long; at most "
                    + Names.MAX_NAME_LENGTH + " are allowed (no name is longer).");
        }
        ClientText.problem(query, ClientText.Kind.LINE).ifPresent(problem -> {
            throw new InvalidParameter("query contains " + problem + "; control characters are not allowed.");
        });
        return query;
    }
}
