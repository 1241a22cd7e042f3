package dev.lakeward.credentials;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A storage location in its one canonical form: the scheme, the bucket or container (with the
 * Azure account, {@code container@account}), and the object-key prefix, decoded, without empty
 * segments or leading and trailing slashes. Every spelling of one place parses to the same value,
 * so that one comparison decides overlap, vending scope and lineage matching:
 * <ul>
 *   <li>scheme aliases: {@code s3a://}, {@code s3n://} are {@code s3://}; {@code abfs://},
 *       {@code wasb(s)://} and Azure's {@code https://} blob and dfs endpoints are {@code abfss://}
 *       (one account's blob and dfs endpoints address the same data);</li>
 *   <li>{@code file:/x}, {@code file:///x} and {@code file://localhost/x} are one place;</li>
 *   <li>percent-escapes are decoded, duplicate and trailing slashes dropped, and buckets, containers
 *       and accounts (case-insensitive in every store) lower-cased.</li>
 * </ul>
 * What could name two places, or none, is refused: {@code .} and {@code ..} segments (also
 * encoded), an encoded {@code /} or {@code \}, control characters, malformed escapes, a query or
 * fragment, a port or user where the scheme has none.
 */
public record StorageLocation(String scheme, String bucket, String prefix) {

    private static final Set<String> SCHEMES = Set.of("s3", "gs", "abfss", "file");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");

    public StorageLocation {
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("Unsupported storage scheme '" + scheme + "'.");
        }
        bucket = bucket.toLowerCase(Locale.ROOT);
        prefix = String.join("/", segments(prefix));
    }

    /** Parses a location URL; anything that is not a storage URL Lakeward can scope is an {@link IllegalArgumentException}. */
    public static StorageLocation parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + printable(url) + "' is not a URL: " + e.getReason() + ".");
        }
        if (uri.getScheme() == null || uri.isOpaque()) {
            throw new IllegalArgumentException("'" + printable(url) + "' is not an absolute storage URL.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + printable(url) + "' must have no query or fragment.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String path = decodedPath(url, uri.getRawPath() == null ? "" : uri.getRawPath());
        if (scheme.equals("file")) {
            String authority = uri.getRawAuthority();
            if (authority != null && !authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
                throw new IllegalArgumentException("'" + printable(url) + "' names host '" + authority
                        + "': file locations are on this machine (file:///path).");
            }
            return new StorageLocation("file", "", path);
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String user = at < 0 ? null : authority.substring(0, at);
        String host = authority.substring(at + 1);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + printable(url) + "' names no bucket or container"
                    + (host.contains(":") ? " (a port is not part of one)" : "") + ".");
        }
        return switch (scheme) {
            case "s3", "s3a", "s3n", "gs" -> {
                if (user != null) {
                    throw new IllegalArgumentException("'" + printable(url) + "' must be " + scheme + "://<bucket>/<path>.");
                }
                yield new StorageLocation(scheme.startsWith("s3") ? "s3" : "gs", host, path);
            }
            case "abfs", "abfss", "wasb", "wasbs" -> {
                if (user == null || !HOST.matcher(user).matches() || !host.contains(".")) {
                    throw new IllegalArgumentException("'" + printable(url) + "' must be <container>@<account>.<endpoint>/<path>.");
                }
                yield new StorageLocation("abfss", user + "@" + host.substring(0, host.indexOf('.')), path);
            }
            case "https" -> azureHttps(url, host, path);
            default -> throw new IllegalArgumentException("Unsupported storage scheme '" + scheme + "' in '"
                    + printable(url) + "'.");
        };
    }

    /** {@code https://<account>.blob|dfs.core.windows.net/<container>/<path>}. */
    private static StorageLocation azureHttps(String url, String host, String path) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".blob.core.windows.net") && !lower.endsWith(".dfs.core.windows.net")) {
            throw new IllegalArgumentException("'" + printable(url) + "' is not an Azure blob or dfs endpoint.");
        }
        int slash = path.indexOf('/');
        String container = slash < 0 ? path : path.substring(0, slash);
        if (container.isEmpty()) {
            throw new IllegalArgumentException("'" + printable(url) + "' names no container.");
        }
        return new StorageLocation("abfss", container + "@" + host.substring(0, host.indexOf('.')),
                slash < 0 ? "" : path.substring(slash + 1));
    }

    /** The path's segments decoded one by one, so that an encoded {@code /} cannot pass for a separator. */
    private static String decodedPath(String url, String rawPath) {
        List<String> decoded = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment = percentDecode(url, raw);
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + printable(url) + "' must not contain '.' or '..' segments.");
            }
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("'" + printable(url) + "' has an encoded '/' or '\\' in a segment,"
                        + " which stores read as a separator.");
            }
            for (int i = 0; i < segment.length(); i++) {
                if (Character.isISOControl(segment.charAt(i))) {
                    throw new IllegalArgumentException("'" + printable(url) + "' holds control character U+"
                            + String.format("%04X", (int) segment.charAt(i)) + ".");
                }
            }
            decoded.add(segment);
        }
        return String.join("/", decoded);
    }

    private static String percentDecode(String url, String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (c == '%') {
                int value = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new IllegalArgumentException("'" + printable(url) + "' has a malformed percent-escape.");
                }
                bytes.write(value);
                i += 3;
            } else {
                int end = i;
                while (end < raw.length() && raw.charAt(end) != '%') {
                    end++;
                }
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("'" + printable(url) + "' has percent-escapes that are not UTF-8.");
        }
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        return digit < 0 ? -256 : digit;
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

    /** Whether this location is {@code other} or lies below it (same store, prefix at a path boundary). */
    public boolean isWithin(StorageLocation other) {
        return scheme.equals(other.scheme) && bucket.equals(other.bucket)
                && (other.prefix.isEmpty() || prefix.equals(other.prefix) || prefix.startsWith(other.prefix + "/"));
    }

    /** Whether one of the two lies within the other. */
    public boolean overlaps(StorageLocation other) {
        return isWithin(other) || other.isWithin(this);
    }

    /** This location and each one above it, up to the bucket (or the file system's root), nearest first. */
    public List<StorageLocation> ancestors() {
        List<String> segments = segments(prefix);
        List<StorageLocation> ancestors = new ArrayList<>();
        for (int end = segments.size(); end >= 0; end--) {
            ancestors.add(new StorageLocation(scheme, bucket, String.join("/", segments.subList(0, end))));
        }
        return ancestors;
    }

    /** The location below this one named by these path segments (each taken literally). */
    public StorageLocation resolve(String... children) {
        List<String> segments = new ArrayList<>(segments(prefix));
        for (String child : children) {
            if (child.isEmpty() || child.equals(".") || child.equals("..") || child.contains("/")) {
                throw new IllegalArgumentException("'" + printable(child) + "' is not one path segment.");
            }
            segments.add(child);
        }
        return new StorageLocation(scheme, bucket, String.join("/", segments));
    }

    /**
     * The canonical URL: what catalogs store and compare, and what credentials name. Segments are
     * percent-encoded where a URL needs it (and {@code %} itself), so that {@link #parse} reads the
     * URL back to this location; no trailing slash, except for the file system's root.
     */
    public String url() {
        String path = encodedPath();
        return switch (scheme) {
            case "file" -> "file:///" + path;
            case "abfss" -> "abfss://" + container() + "@" + account() + ".dfs.core.windows.net"
                    + (path.isEmpty() ? "" : "/" + path);
            default -> scheme + "://" + bucket + (path.isEmpty() ? "" : "/" + path);
        };
    }

    @Override
    public String toString() {
        return url();
    }

    private String encodedPath() {
        StringBuilder out = new StringBuilder(prefix.length());
        for (byte b : prefix.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x80 || c == '/' || isUnreservedOrSubDelim(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        // bytes above 0x7f were copied one by one; read them back as the UTF-8 they are
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static boolean isUnreservedOrSubDelim(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** The text with control characters shown as escapes, for messages. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
