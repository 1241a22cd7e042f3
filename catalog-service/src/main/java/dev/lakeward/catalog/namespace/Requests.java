package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.InvalidParameter;
import java.util.List;
import java.util.Map;

/** The request bodies of the namespace API, field for field as Unity Catalog names them. */
public final class Requests {

    private Requests() {
    }

    /** An absent body reaches a resource as {@code null}; it is a client's mistake like any other. */
    static void require(Object body) {
        if (body == null) {
            throw new InvalidParameter("A JSON request body is required.");
        }
    }

    public record CreateCatalog(String name, String comment, Map<String, String> properties, String storageRoot) {
    }

    public record UpdateCatalog(String newName, String comment, Map<String, String> properties, String owner) {
    }

    public record CreateSchema(String name, String catalogName, String comment, Map<String, String> properties,
            String storageRoot) {
    }

    public record UpdateSchema(String newName, String comment, Map<String, String> properties, String owner) {
    }

    public record CreateTable(String name, String catalogName, String schemaName, TableType tableType,
            DataSourceFormat dataSourceFormat, List<ColumnInfo> columns, String storageLocation, String comment,
            Map<String, String> properties, String viewDefinition) {
    }
}
