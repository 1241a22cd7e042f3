package dev.lakeward.catalog.namespace;

/** A table column as Unity Catalog describes it. */
public record ColumnInfo(
        String name,
        String typeText,
        String typeJson,
        ColumnTypeName typeName,
        Integer typePrecision,
        Integer typeScale,
        String typeIntervalType,
        Integer position,
        String comment,
        Boolean nullable,
        Integer partitionIndex) {
}
