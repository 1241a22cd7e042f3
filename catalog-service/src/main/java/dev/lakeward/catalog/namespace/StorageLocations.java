package dev.lakeward.catalog.namespace;

import dev.lakeward.catalog.error.InvalidParameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Storage URLs as tables, schemas and catalogs record them: absolute, of a scheme Lakeward can vend
 * credentials for, without {@code ..} segments, query or fragment, and without a trailing slash,
 * so that one prefix check decides whether a path lies under a location.
 */
public final class StorageLocations {

    private static final Set<String> SCHEMES = Set.of("s3", "s3a", "gs", "abfs", "abfss", "file");

    private StorageLocations() {
    }

    /** The normalized URL, or {@code null} for {@code null}. */
    public static String normalize(String field, String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidParameter(field + " '" + Names.printable(url) + "' is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            throw new InvalidParameter(field + " '" + Names.printable(url) + "' must start with one of "
                    + SCHEMES.stream().sorted().map(s -> s + "://").toList() + ".");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (uri.isOpaque() || uri.getQuery() != null || uri.getFragment() != null
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            throw new InvalidParameter(field + " '" + Names.printable(url)
                    + "' must be a plain location: no '..' or '.' segments, query or fragment.");
        }
        if (!"file".equals(scheme) && (uri.getAuthority() == null || uri.getAuthority().isEmpty())) {
            throw new InvalidParameter(field + " '" + Names.printable(url) + "' names no bucket or container.");
        }
        String normalized = scheme + url.substring(url.indexOf(':'));
        while (normalized.endsWith("/") && !normalized.endsWith("://") && !normalized.endsWith(":///")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    /** Where a managed object with this id goes under a managed storage root. */
    static String managedLocation(String root, String kind, Object id) {
        return root + "/__unitystorage/" + kind + "/" + id;
    }
}
