package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.search.SearchHit;
import io.quarkus.qute.TemplateExtension;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Where the explorer shows each object: {@code /explorer/data/<catalog>[/<schema>[/<table>]]},
 * each name one encoded path segment; and the tree's levels. Templates write {@code {uri:table(…)}}.
 */
@TemplateExtension(namespace = "uri")
public final class PageLink {

    private PageLink() {
    }

    public static String catalog(String catalog) {
        return UriBuilder.fromPath("/explorer/data/{c}").build(catalog).toString();
    }

    public static String schema(String catalog, String schema) {
        return UriBuilder.fromPath("/explorer/data/{c}/{s}").build(catalog, schema).toString();
    }

    public static String table(String catalog, String schema, String table) {
        return UriBuilder.fromPath("/explorer/data/{c}/{s}/{t}").build(catalog, schema, table).toString();
    }

    /** The page of a table by its three-part name; {@code null} when the name is not one. */
    public static String table(String fullName) {
        String[] parts = fullName.split("\\.", -1);
        return parts.length == 3 ? table(parts[0], parts[1], parts[2]) : null;
    }

    /** The page of a search hit: a catalog's, a schema's, a table's, or a column's table's columns. */
    public static String hit(SearchHit hit) {
        String[] parts = hit.fullName().split("\\.", -1);
        return switch (hit.type()) {
            case CATALOG -> catalog(parts[0]);
            case SCHEMA -> schema(parts[0], parts[1]);
            case TABLE -> table(parts[0], parts[1], parts[2]);
            case COLUMN -> tab(table(parts[0], parts[1], parts[2]), "columns");
        };
    }

    /** The page of a table's tab. */
    public static String tab(String tableLink, String tab) {
        return UriBuilder.fromUri(tableLink).queryParam("tab", tab).build().toString();
    }

    /** A level of the tree: a catalog's schemas or (with a schema) a schema's tables. */
    public static String children(String catalog, String schema) {
        return tree(catalog, schema, null);
    }

    /** A level of the tree, from {@code pageToken} on: a catalog's schemas, a schema's tables, or (neither given) the catalogs. */
    public static String tree(String catalog, String schema, String pageToken) {
        UriBuilder tree = UriBuilder.fromPath("/explorer/tree");
        if (catalog != null) {
            tree.queryParam("catalog", catalog);
        }
        if (schema != null) {
            tree.queryParam("schema", schema);
        }
        if (pageToken != null) {
            tree.queryParam("page_token", pageToken);
        }
        return tree.build().toString();
    }
}
