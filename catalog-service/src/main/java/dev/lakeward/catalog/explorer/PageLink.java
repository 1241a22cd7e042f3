package dev.lakeward.catalog.explorer;

import dev.lakeward.catalog.search.SearchHit;
import dev.lakeward.policy.SecurableType;
import io.quarkus.qute.TemplateExtension;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Set;

/**
 * Where the explorer shows each object: {@code /explorer/data/<catalog>[/<schema>[/<table>]]},
 * {@code /explorer/volumes/<catalog>/<schema>/<volume>}, {@code /explorer/functions/<catalog>/<schema>/<function>}
 * and {@code /explorer/models/<catalog>/<schema>/<model>} (apart from tables, so that no literal segment meets a table's name), each name one encoded path
 * segment; and the tree's levels. Templates write {@code {uri:table(…)}}.
 */
@TemplateExtension(namespace = "uri")
public final class PageLink {

    /** The kinds of securable the explorer has a page for (and so shares from that page). */
    public static final Set<SecurableType> SHOWN = Set.of(SecurableType.CATALOG, SecurableType.SCHEMA,
            SecurableType.TABLE, SecurableType.VOLUME, SecurableType.FUNCTION, SecurableType.REGISTERED_MODEL);

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

    public static String volume(String catalog, String schema, String volume) {
        return UriBuilder.fromPath("/explorer/volumes/{c}/{s}/{v}").build(catalog, schema, volume).toString();
    }

    public static String function(String catalog, String schema, String function) {
        return UriBuilder.fromPath("/explorer/functions/{c}/{s}/{f}").build(catalog, schema, function).toString();
    }

    public static String model(String catalog, String schema, String model) {
        return UriBuilder.fromPath("/explorer/models/{c}/{s}/{m}").build(catalog, schema, model).toString();
    }

    /** The page of a securable of a {@link #SHOWN} kind by its full name, as the grants API names it. */
    public static String securable(SecurableType type, String fullName) {
        String[] parts = fullName.split("\\.", -1);
        return switch (type) {
            case CATALOG -> catalog(fullName);
            case SCHEMA -> schema(parts[0], parts[1]);
            case TABLE -> table(parts[0], parts[1], parts[2]);
            case VOLUME -> volume(parts[0], parts[1], parts[2]);
            case FUNCTION -> function(parts[0], parts[1], parts[2]);
            case REGISTERED_MODEL -> model(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("The explorer has no page for a " + type.apiName() + ".");
        };
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

    /** The next page of one kind a schema holds, in the tree. */
    public static String treeList(String catalog, String schema, String list, String pageToken) {
        return UriBuilder.fromPath("/explorer/tree").queryParam("catalog", catalog).queryParam("schema", schema)
                .queryParam("list", list).queryParam("page_token", pageToken).build().toString();
    }

    /** A level of the tree: a catalog's schemas or (with a schema) what the schema holds. */
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
