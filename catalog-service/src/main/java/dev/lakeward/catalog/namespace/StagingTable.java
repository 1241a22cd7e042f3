package dev.lakeward.catalog.namespace;

/** A staging table as its creator reaches it: Unity Catalog's {@code StagingTableInfo}. */
public record StagingTable(String id, String name, String catalogName, String schemaName, String stagingLocation) {

    public String fullName() {
        return catalogName + "." + schemaName + "." + name;
    }
}
