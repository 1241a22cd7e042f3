package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.credentials.StorageLocation;

/**
 * Whether data may be stored at a location: no table's location overlaps another's, an external
 * table lies outside managed storage and needs {@code CREATE EXTERNAL TABLE} on the external location
 * that covers it, and new managed storage overlaps no table, volume or registered model. Asked here, where tables, schemas and
 * catalogs are created; answered in {@code storage}, where external locations are governed, so
 * that the arrow between the two packages runs one way. Each method returns normally or throws the
 * 4xx that says why not, naming only objects the caller may see.
 */
public interface StorageClaims {

    /** A table of this type (not a view) at this location; the caller may already create tables in its schema. */
    void admitTable(Caller caller, StorageLocation location, TableType type);

    /** A MANAGED table at the fresh location the service assigned it within managed storage. */
    void admitAssignedLocation(Caller caller, StorageLocation location);

    /** New managed storage (a catalog's or schema's) at this location. */
    void admitManagedStorage(StorageLocation location);
}
