package dev.lakeward.catalog.search;

import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.TableType;

/**
 * One object whose name matches a search: a catalog, schema or table by its full name, or a
 * column by its table's full name and its own name. Fields that do not apply are absent.
 *
 * @param tableType        a table's, or a column's table's
 * @param dataSourceFormat the same
 * @param typeText         a column's type as written ({@code decimal(10,2)})
 * @param comment          the object's own comment
 */
public record SearchHit(Type type, String fullName, String columnName, TableType tableType,
        DataSourceFormat dataSourceFormat, String typeText, String comment) {

    /** What kind of object matched. */
    public enum Type {
        CATALOG, SCHEMA, TABLE, COLUMN
    }
}
