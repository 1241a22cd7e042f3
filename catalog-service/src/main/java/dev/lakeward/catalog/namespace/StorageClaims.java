package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.credentials.StorageLocation;

/**
 * Whether data may be stored at a location: no location of a table, volume or registered model
 * overlaps another's, an external table or volume lies outside managed storage and needs {@code
 * CREATE EXTERNAL TABLE} ({@code CREATE EXTERNAL VOLUME}) on the external location that covers it,
 * and new managed storage covers no table, volume or model. Asked where tables, schemas, catalogs,
 * volumes and models are created; answered in {@code storage}, where external locations are
 * governed, so that the arrows between the packages run one way. Each method returns normally or
 * throws the 4xx that says why not, naming only objects the caller may see.
 */
public interface StorageClaims {

    /** A table of this type (not a view) at this location; the caller may already create tables in its schema. */
    void admitTable(Caller caller, StorageLocation location, TableType type);

    /**
     * An EXTERNAL volume at this location; the caller may already create volumes in its schema.
     * Needs {@code CREATE EXTERNAL VOLUME} on the covering external location, as {@link #admitTable}
     * needs {@code CREATE EXTERNAL TABLE}.
     */
    void admitExternalVolume(Caller caller, StorageLocation location);

    /** A MANAGED table, volume or registered model at the fresh location the service assigned it within managed storage. */
    void admitAssignedLocation(Caller caller, StorageLocation location);

    /** New managed storage (a catalog's or schema's) at this location. */
    void admitManagedStorage(StorageLocation location);
}
