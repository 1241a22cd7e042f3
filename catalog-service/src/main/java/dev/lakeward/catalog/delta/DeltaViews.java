package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.delta.DeltaCommitLog.Position;
import dev.lakeward.catalog.delta.DeltaMessages.Commit;
import dev.lakeward.catalog.delta.DeltaMessages.DeltaTableType;
import dev.lakeward.catalog.delta.DeltaMessages.LoadTableResponse;
import dev.lakeward.catalog.delta.DeltaMessages.TableMetadata;
import dev.lakeward.catalog.error.UnsupportedFormat;
import dev.lakeward.catalog.namespace.DataSourceFormat;
import dev.lakeward.catalog.namespace.TableInfo;
import dev.lakeward.catalog.namespace.TableType;
import java.util.List;

/** A table as the Delta REST API answers it: its metadata, and for a catalog-managed one its commits. */
final class DeltaViews {

    private DeltaViews() {
    }

    /** The table, if the API serves it: MANAGED and EXTERNAL Delta tables; others are for the Unity Catalog API. */
    static TableInfo deltaTable(TableInfo table) {
        if (table.tableType() != TableType.MANAGED && table.tableType() != TableType.EXTERNAL
                || table.dataSourceFormat() != DataSourceFormat.DELTA) {
            throw new UnsupportedFormat("'" + table.fullName() + "' is a " + table.tableType() + " "
                    + (table.dataSourceFormat() == null ? "" : table.dataSourceFormat() + " ")
                    + "table; the Delta REST API serves MANAGED and EXTERNAL Delta tables: use the Unity Catalog API.");
        }
        return table;
    }

    /** Whether Lakeward ratifies the table's commits. */
    static boolean catalogManaged(TableInfo table) {
        return table.tableType() == TableType.MANAGED && CatalogManagedContract.isCatalogManaged(table.properties());
    }

    /** A table whose commits its writers make in storage: no commits, no latest version. */
    static LoadTableResponse of(TableInfo table) {
        return new LoadTableResponse(metadata(table), null, null);
    }

    /** A catalog-managed table with its unpublished commits, newest first, read with its metadata. */
    static LoadTableResponse of(TableInfo table, Position position, List<Commit> commits) {
        return new LoadTableResponse(metadata(table), commits, position.latestVersion());
    }

    /**
     * Changes with every change to the table's metadata and names the table: its id and when its
     * metadata last changed. Commits that change only data leave it as it is, as the protocol asks.
     */
    static String etag(TableInfo table) {
        return table.tableId() + "-" + Long.toString(table.updatedAt(), 36);
    }

    private static TableMetadata metadata(TableInfo table) {
        return new TableMetadata(etag(table), DeltaTableType.valueOf(table.tableType().name()), table.tableId(),
                table.storageLocation(), table.createdAt(), table.updatedAt(), DeltaSchemas.struct(table.columns()),
                DeltaSchemas.partitionColumns(table.columns()), table.properties(),
                number(table.properties().get(CatalogManagedContract.LAST_UPDATE_VERSION)),
                number(table.properties().get(CatalogManagedContract.LAST_COMMIT_TIMESTAMP)));
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
