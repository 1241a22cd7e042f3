package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.credentials.StorageLocation;

/**
 * Storage URLs as clients send them, read into their one canonical form ({@link StorageLocation})
 * at the edge: what tables, schemas and catalogs store, and what every comparison uses.
 */
public final class StorageLocations {

    private StorageLocations() {
    }

    /** The canonical location, or {@code null} for {@code null}; a URL that is not one place is a 400 naming the field. */
    public static StorageLocation parse(String field, String url) {
        if (url == null) {
            return null;
        }
        try {
            return StorageLocation.parse(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(field + ": " + e.getMessage()
                    + " Locations are s3://, gs://, abfss:// (abfs, wasbs, Azure https) or file:// URLs.");
        }
    }

    /** The canonical URL, or {@code null} for {@code null}. */
    public static String normalize(String field, String url) {
        StorageLocation location = parse(field, url);
        return location == null ? null : location.url();
    }

    /** Where a managed object with this id goes under a managed storage root. */
    public static StorageLocation managedLocation(String root, String kind, Object id) {
        return assignedArea(root).resolve(kind, id.toString());
    }

    /** The part of a managed storage root where the service assigns managed objects' locations. */
    static StorageLocation assignedArea(String root) {
        return StorageLocation.parse(root).resolve("__unitystorage");
    }
}
