package dev.lakeward.catalog.namespace;

import java.util.List;

/** The list and summary bodies of the namespace API. */
public final class Responses {

    private Responses() {
    }

    public record ListCatalogsResponse(List<CatalogInfo> catalogs, String nextPageToken) {
    }

    public record ListSchemasResponse(List<SchemaInfo> schemas, String nextPageToken) {
    }

    public record ListTablesResponse(List<TableInfo> tables, String nextPageToken) {
    }

    public record TableSummary(String fullName, TableType tableType) {
    }

    public record ListTableSummariesResponse(List<TableSummary> tables, String nextPageToken) {
    }

    public record TableExistsResponse(boolean tableExists) {
    }

    public record MetastoreSummary(String metastoreId, String name, String storageRoot, String owner,
            Long createdAt) {
    }
}
