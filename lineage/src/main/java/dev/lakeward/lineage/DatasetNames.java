package dev.lakeward.lineage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What an OpenLineage dataset name can say about a catalog table: the storage location it was
 * read from or written to ({@code s3://bucket} + {@code /path}, {@code file} + {@code /path},
 * {@code abfss://…}, {@code gs://…}), or a {@code catalog.schema.table} name (as Unity Catalog
 * integrations report, under a {@code unitycatalog://} or any other namespace).
 */
public final class DatasetNames {

    private DatasetNames() {
    }

    /** The storage URL the dataset names, normalized as catalog locations are (no trailing slash). */
    public static Optional<String> storageLocation(DatasetRef dataset) {
        String namespace = dataset.namespace();
        String name = dataset.name();
        String url;
        if (namespace.equals("file")) {
            url = "file://" + (name.startsWith("/") ? quoted(name) : "/" + quoted(name));
        } else if (namespace.matches("(?i)(s3|s3a|gs|abfs|abfss)://[^/]+/?")) {
            String root = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
            url = root.substring(0, root.indexOf(':')).toLowerCase(Locale.ROOT) + root.substring(root.indexOf(':'))
                    + (name.startsWith("/") ? quoted(name) : "/" + quoted(name));
        } else {
            return Optional.empty();
        }
        while (url.endsWith("/") && !url.endsWith("://") && !url.endsWith(":///")) {
            url = url.substring(0, url.length() - 1);
        }
        return Optional.of(url);
    }

    /**
     * The name as a URL's path. OpenLineage names a file by its raw path, so a space, {@code #},
     * {@code ?}, {@code [} or a {@code %} that starts no escape is part of the file's name, not
     * URL syntax: quoted, it stays in the location it names (a volume's, say) instead of making
     * the URL unreadable. An escape ({@code %41}) is kept, read as locations read it.
     */
    private static String quoted(String name) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean escape = c == '%' && i + 2 < name.length() && isHex(name.charAt(i + 1))
                    && isHex(name.charAt(i + 2));
            if (escape || c > ' ' && c < 0x7f && "\"#%<>?[\\]^`{|}".indexOf(c) < 0) {
                path.append(c);
            } else if (c >= 0x80 && !Character.isSpaceChar(c) && !Character.isISOControl(c)) {
                path.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    path.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return path.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The {@code catalog.schema.table} the dataset names, lower-cased, if its name has that form. */
    public static Optional<String> tableName(DatasetRef dataset) {
        String name = dataset.name();
        if (name.contains("/") || name.split("\\.", -1).length != 3 || name.contains("..")
                || name.startsWith(".") || name.endsWith(".")) {
            return Optional.empty();
        }
        return Optional.of(name.toLowerCase(Locale.ROOT));
    }
}
