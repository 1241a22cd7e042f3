package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The protocol's names as Lakeward's: the path's {@code prefix} is the catalog (the warehouse), a
 * namespace has exactly one level, a Lakeward schema; a name of more levels is a 400.
 */
final class IcebergNames {

    /** How the path separates a namespace's levels (the spec's default, {@code %1F}). */
    private static final String SEPARATOR = "\u001f";

    private IcebergNames() {
    }

    static String catalog(String prefix) {
        return Names.identifier("prefix (the catalog)", prefix);
    }

    /**
     * The schema a namespace of the path names. One of several levels is refused for its form
     * alone, before any lookup, so that the answer tells nothing of the catalog.
     */
    static String schema(String catalog, String namespace) {
        if (namespace != null && namespace.contains(SEPARATOR)) {
            throw oneLevel(Names.printable(namespace.replace(SEPARATOR, ".")), namespace.split(SEPARATOR, -1).length);
        }
        return Names.identifier("namespace", namespace);
    }

    /** The schema a namespace of a request body names, to create or to address. */
    static String schema(String catalog, Namespace namespace) {
        if (namespace.levels().length != 1) {
            throw oneLevel(Names.printable(namespace.toString()), namespace.levels().length);
        }
        return schema(catalog, namespace.level(0));
    }

    private static InvalidParameter oneLevel(String namespace, int levels) {
        return new InvalidParameter("Namespace '" + namespace + "' has " + levels
                + " levels; a Lakeward namespace is a schema, with one level.");
    }

    static String fullName(String catalog, String schema, String table) {
        return catalog + "." + schema + "." + Names.identifier("table", table);
    }

    static TableIdentifier identifier(String schema, String table) {
        return TableIdentifier.of(Namespace.of(schema), table);
    }
}
