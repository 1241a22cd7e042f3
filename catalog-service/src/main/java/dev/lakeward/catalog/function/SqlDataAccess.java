package dev.lakeward.catalog.function;

/** Unity Catalog's {@code sql_data_access}: what a function's body does with SQL data. */
public enum SqlDataAccess {
    CONTAINS_SQL,
    READS_SQL_DATA,
    /** The only one an EXTERNAL function may declare. */
    NO_SQL
}
