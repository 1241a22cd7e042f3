package dev.lakeward.credentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A storage location as credentials are scoped to it: the scheme, the bucket or container (with
 * the Azure account, {@code container@account}), and the object-key prefix without leading or
 * trailing slashes. {@code s3a://} is read as {@code s3://}; Azure's {@code https://} blob and dfs
 * endpoints as {@code abfss://}; {@code wasb(s)://} keep their scheme.
 */
public record StorageLocation(String scheme, String bucket, String prefix) {

    private static final Set<String> SCHEMES = Set.of("s3", "gs", "abfss", "abfs", "wasbs", "wasb", "file");

    public StorageLocation {
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("Unsupported storage scheme '" + scheme + "'.");
        }
        prefix = trimSlashes(prefix);
    }

    /** Parses a location URL; anything that is not a storage URL Lakeward can scope is an {@link IllegalArgumentException}. */
    public static StorageLocation parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL.");
        }
        if (uri.getScheme() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + url + "' is not a storage URL without query or fragment.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.contains("/../") || path.endsWith("/..") || path.contains("/./")) {
            throw new IllegalArgumentException("'" + url + "' must not contain '.' or '..' segments.");
        }
        if (scheme.equals("file")) {
            return new StorageLocation("file", "", path);
        }
        String host = uri.getHost() == null ? uri.getAuthority() : uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' names no bucket or container.");
        }
        return switch (scheme) {
            case "s3", "s3a" -> new StorageLocation("s3", host, path);
            case "gs" -> new StorageLocation("gs", host, path);
            case "abfs", "abfss", "wasb", "wasbs" -> {
                String user = uri.getUserInfo();
                if (user == null || !host.contains(".")) {
                    throw new IllegalArgumentException("'" + url + "' must be <container>@<account>.<endpoint>/<path>.");
                }
                yield new StorageLocation(scheme, user + "@" + host.substring(0, host.indexOf('.')), path);
            }
            case "https" -> azureHttps(url, host, path);
            default -> throw new IllegalArgumentException("Unsupported storage scheme '" + scheme + "' in '" + url + "'.");
        };
    }

    /** {@code https://<account>.blob|dfs.core.windows.net/<container>/<path>}. */
    private static StorageLocation azureHttps(String url, String host, String path) {
        if (!host.endsWith(".blob.core.windows.net") && !host.endsWith(".dfs.core.windows.net")) {
            throw new IllegalArgumentException("'" + url + "' is not an Azure blob or dfs endpoint.");
        }
        String trimmed = trimSlashes(path);
        int slash = trimmed.indexOf('/');
        String container = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (container.isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' names no container.");
        }
        return new StorageLocation("abfss", container + "@" + host.substring(0, host.indexOf('.')),
                slash < 0 ? "" : trimmed.substring(slash + 1));
    }

    /** The container of an Azure location; its bucket for others. */
    public String container() {
        int at = bucket.indexOf('@');
        return at < 0 ? bucket : bucket.substring(0, at);
    }

    /** The Azure storage account, or empty elsewhere. */
    public String account() {
        int at = bucket.indexOf('@');
        return at < 0 ? "" : bucket.substring(at + 1);
    }

    /** Whether this location is {@code other} or lies below it (same bucket, prefix at a path boundary). */
    public boolean isWithin(StorageLocation other) {
        return family().equals(other.family()) && bucket.equals(other.bucket)
                && (other.prefix.isEmpty() || prefix.equals(other.prefix) || prefix.startsWith(other.prefix + "/"));
    }

    /** Whether one of the two lies within the other. */
    public boolean overlaps(StorageLocation other) {
        return isWithin(other) || other.isWithin(this);
    }

    /** The normalized URL, as the credential response names it. */
    public String url() {
        return switch (scheme) {
            case "file" -> "file:///" + prefix;
            case "abfss", "abfs", "wasbs", "wasb" -> scheme + "://" + container() + "@" + account()
                    + (scheme.startsWith("abfs") ? ".dfs" : ".blob") + ".core.windows.net/" + prefix;
            default -> scheme + "://" + bucket + "/" + prefix;
        };
    }

    /**
     * The URLs a catalog may have recorded for this location, without a trailing slash: one per
     * scheme that names the same store ({@code s3}/{@code s3a}, {@code abfss}/{@code abfs}).
     */
    public List<String> spellings() {
        String url = url();
        String rest = url.substring(url.indexOf("://"));
        String trimmed = rest.endsWith("/") && !rest.equals(":///") ? rest.substring(0, rest.length() - 1) : rest;
        List<String> schemes = switch (scheme) {
            case "s3" -> List.of("s3", "s3a");
            case "abfss", "abfs" -> List.of("abfss", "abfs");
            default -> List.of(scheme);
        };
        return schemes.stream().map(alias -> alias + trimmed).toList();
    }

    /** Azure's four schemes address one store. */
    private String family() {
        return scheme.startsWith("abfs") || scheme.startsWith("wasb") ? "azure" : scheme;
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
