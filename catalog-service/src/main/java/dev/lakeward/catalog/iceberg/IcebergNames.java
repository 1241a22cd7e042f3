package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.NotFound;
import dev.lakeward.policy.SecurableType;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The protocol's names as Lakeward's: the path's {@code prefix} is the catalog (the warehouse), a
 * namespace has exactly one level, a Lakeward schema; a name with more levels names nothing here.
 */
final class IcebergNames {

    /** How the path separates a namespace's levels (the spec's default, {@code %1F}). */
    private static final String SEPARATOR = "\u001f";

    private IcebergNames() {
    }

    static String catalog(String prefix) {
        return Names.identifier("prefix (the catalog)", prefix);
    }

    /** The schema a namespace of the path names; one of several levels exists nowhere. */
    static String schema(String catalog, String namespace) {
        if (namespace != null && namespace.contains(SEPARATOR)) {
            throw NotFound.securable(SecurableType.SCHEMA, catalog + "." + Names.printable(
                    namespace.replace(SEPARATOR, ".")));
        }
        return Names.identifier("namespace", namespace);
    }

    /** The schema a namespace of a request body names, to create or to address. */
    static String schema(String catalog, Namespace namespace) {
        if (namespace.levels().length != 1) {
            throw new InvalidParameter("Namespace '" + Names.printable(namespace.toString()) + "' has "
                    + namespace.levels().length + " levels; a Lakeward namespace is a schema, with one level.");
        }
        return schema(catalog, namespace.level(0));
    }

    static String fullName(String catalog, String schema, String table) {
        return catalog + "." + schema + "." + Names.identifier("table", table);
    }

    static TableIdentifier identifier(String schema, String table) {
        return TableIdentifier.of(Namespace.of(schema), table);
    }
}
