package dev.lakeward.catalog.namespace;

import java.util.List;
import java.util.Map;

public record TableInfo(
        String name,
        String catalogName,
        String schemaName,
        String fullName,
        TableType tableType,
        DataSourceFormat dataSourceFormat,
        List<ColumnInfo> columns,
        String storageLocation,
        String comment,
        Map<String, String> properties,
        String owner,
        Long createdAt,
        String createdBy,
        Long updatedAt,
        String updatedBy,
        String tableId,
        String viewDefinition) {
}
