package dev.lakeward.lineage;

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
            url = "file://" + (name.startsWith("/") ? name : "/" + name);
        } else if (namespace.matches("(?i)(s3|s3a|gs|abfs|abfss)://[^/]+/?")) {
            String root = namespace.endsWith("/") ? namespace.substring(0, namespace.length() - 1) : namespace;
            url = root.substring(0, root.indexOf(':')).toLowerCase(Locale.ROOT) + root.substring(root.indexOf(':'))
                    + (name.startsWith("/") ? name : "/" + name);
        } else {
            return Optional.empty();
        }
        while (url.endsWith("/") && !url.endsWith("://") && !url.endsWith(":///")) {
            url = url.substring(0, url.length() - 1);
        }
        return Optional.of(url);
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
