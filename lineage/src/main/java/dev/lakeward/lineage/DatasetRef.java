package dev.lakeward.lineage;

import java.util.Objects;

/**
 * A dataset as OpenLineage names it: a namespace (a storage root such as {@code s3://bucket}, a
 * scheme such as {@code file}, or a catalog URI) and a name within it.
 */
public record DatasetRef(String namespace, String name) {

    public DatasetRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }
}
