package dev.lakeward.catalog.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakeward.catalog.delta.DeltaMessages.Clustering;
import dev.lakeward.catalog.delta.DeltaMessages.DomainMetadata;
import dev.lakeward.catalog.delta.DeltaMessages.Protocol;
import dev.lakeward.catalog.delta.DeltaMessages.RowTracking;
import dev.lakeward.catalog.delta.DeltaMessages.SuggestedProtocol;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a managed Delta table must be for Lakeward to coordinate its commits, and how its protocol
 * and domain metadata are kept: as the server-derived properties Unity Catalog's managed-table
 * protocol names ({@code delta.minReaderVersion}, {@code delta.feature.<name>},
 * {@code delta.clusteringColumns}, …), which clients must not write themselves. A table is
 * catalog-managed exactly when its properties carry {@code delta.feature.catalogManaged}.
 */
final class CatalogManagedContract {

    static final String TABLE_ID = "io.unitycatalog.tableId";
    static final String CATALOG_MANAGED = "catalogManaged";
    static final String LAST_UPDATE_VERSION = "delta.lastUpdateVersion";
    static final String LAST_COMMIT_TIMESTAMP = "delta.lastCommitTimestamp";
    private static final String MIN_READER = "delta.minReaderVersion";
    private static final String MIN_WRITER = "delta.minWriterVersion";
    private static final String FEATURE = "delta.feature.";
    private static final String SUPPORTED = "supported";
    private static final String CLUSTERING_COLUMNS = "delta.clusteringColumns";
    private static final String ROW_ID_HIGH_WATER_MARK = "delta.rowTracking.rowIdHighWaterMark";
    private static final String IN_COMMIT_TIMESTAMPS = "delta.enableInCommitTimestamps";
    private static final String UNIFORM_FORMATS = "delta.universalFormat.enabledFormats";
    /** The domains of the API, by the names its requests give them. */
    static final String CLUSTERING_DOMAIN = "delta.clustering";
    static final String ROW_TRACKING_DOMAIN = "delta.rowTracking";
    private static final List<String> DERIVED = List.of(MIN_READER, MIN_WRITER, CLUSTERING_COLUMNS,
            ROW_ID_HIGH_WATER_MARK, LAST_UPDATE_VERSION, LAST_COMMIT_TIMESTAMP);

    /**
     * Delta's own requirements of a catalog-managed table: the feature itself, in-commit
     * timestamps (its versions are ordered by them) and the vacuum check that keeps old engines
     * from deleting what the catalog still names. Nothing more is imposed on writers.
     */
    static final Protocol REQUIRED_PROTOCOL = new Protocol(3, 7,
            List.of(CATALOG_MANAGED, "vacuumProtocolCheck"),
            List.of(CATALOG_MANAGED, "inCommitTimestamp", "vacuumProtocolCheck"));
    static final SuggestedProtocol SUGGESTED_PROTOCOL = new SuggestedProtocol(
            List.of("deletionVectors", "v2Checkpoint"), List.of("deletionVectors", "v2Checkpoint"));
    static final Map<String, String> SUGGESTED_PROPERTIES = Map.of("delta.enableDeletionVectors", "true",
            "delta.checkpointPolicy", "v2");
    private static final int MAX_FEATURES = 100;
    private static final Pattern FEATURE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogManagedContract() {
    }

    static Map<String, String> requiredProperties(String tableId) {
        return Map.of(TABLE_ID, tableId, IN_COMMIT_TIMESTAMPS, "true");
    }

    static boolean isCatalogManaged(Map<String, String> properties) {
        return SUPPORTED.equals(properties.get(FEATURE + CATALOG_MANAGED));
    }

    /** Whether the key is one the server derives, which a client may not set or remove. */
    static boolean isDerived(String key) {
        return key.startsWith(FEATURE) || DERIVED.contains(key);
    }

    /** Refuses a property a client may not write (what the server derives), by the action that tried. */
    static void requireWritable(String action, String key) {
        if (isDerived(key)) {
            throw new InvalidParameter(action + ": '" + Names.printable(key) + "' is derived by the server from the"
                    + " table's protocol, domain metadata or commits; change those instead.");
        }
    }

    /** Replaces the protocol's projection in {@code properties} by {@code protocol}'s. */
    static void setProtocol(Map<String, String> properties, Protocol protocol) {
        Protocol valid = valid(protocol);
        properties.keySet().removeIf(key -> key.startsWith(FEATURE) || key.equals(MIN_READER) || key.equals(MIN_WRITER));
        properties.put(MIN_READER, valid.minReaderVersion().toString());
        properties.put(MIN_WRITER, valid.minWriterVersion().toString());
        TreeSet<String> features = new TreeSet<>();
        features.addAll(Objects.requireNonNullElse(valid.readerFeatures(), List.of()));
        features.addAll(Objects.requireNonNullElse(valid.writerFeatures(), List.of()));
        features.forEach(feature -> properties.put(FEATURE + feature, SUPPORTED));
    }

    /** Sets the domains given in {@code updates}, leaving the others as they are. */
    static void setDomains(Map<String, String> properties, DomainMetadata updates) {
        if (updates == null || updates.clustering() == null && updates.rowTracking() == null) {
            throw new InvalidParameter("domain metadata names no domain: give " + CLUSTERING_DOMAIN + " or "
                    + ROW_TRACKING_DOMAIN + ".");
        }
        if (updates.clustering() != null) {
            properties.put(CLUSTERING_COLUMNS, clusteringColumns(updates.clustering()));
        }
        if (updates.rowTracking() != null) {
            RowTracking rowTracking = updates.rowTracking();
            if (rowTracking.rowIdHighWaterMark() == null || rowTracking.rowIdHighWaterMark() < 0) {
                throw new InvalidParameter(ROW_TRACKING_DOMAIN + ".rowIdHighWaterMark is required and may not be negative.");
            }
            properties.put(ROW_ID_HIGH_WATER_MARK, rowTracking.rowIdHighWaterMark().toString());
        }
    }

    static void removeDomain(Map<String, String> properties, String domain) {
        switch (Objects.requireNonNullElse(domain, "")) {
            case CLUSTERING_DOMAIN -> properties.remove(CLUSTERING_COLUMNS);
            case ROW_TRACKING_DOMAIN -> properties.remove(ROW_ID_HIGH_WATER_MARK);
            default -> throw unknownDomain(domain);
        }
    }

    static InvalidParameter unknownDomain(String domain) {
        return new InvalidParameter("'" + Names.printable(String.valueOf(domain)) + "' is no domain this API carries: "
                + CLUSTERING_DOMAIN + " and " + ROW_TRACKING_DOMAIN + " are.");
    }

    /** The catalog's record of the last commit that changed the table's metadata. */
    static void recordMetadataCommit(Map<String, String> properties, long version, long timestampMs) {
        properties.put(LAST_UPDATE_VERSION, Long.toString(version));
        properties.put(LAST_COMMIT_TIMESTAMP, Long.toString(timestampMs));
    }

    /**
     * Refuses a catalog-managed table's state that breaks the contract: the required features
     * and versions, in-commit timestamps on, its own id. Checked after every change, so no update
     * drops what makes the table catalog-managed.
     */
    static void requireSatisfiedBy(Map<String, String> properties, String tableId) {
        if (number(properties.get(MIN_READER)) < REQUIRED_PROTOCOL.minReaderVersion()
                || number(properties.get(MIN_WRITER)) < REQUIRED_PROTOCOL.minWriterVersion()) {
            throw new InvalidParameter("A managed Delta table needs at least reader version "
                    + REQUIRED_PROTOCOL.minReaderVersion() + " and writer version " + REQUIRED_PROTOCOL.minWriterVersion() + ".");
        }
        TreeSet<String> missing = new TreeSet<>();
        for (List<String> features : List.of(REQUIRED_PROTOCOL.readerFeatures(), REQUIRED_PROTOCOL.writerFeatures())) {
            features.stream().filter(feature -> !SUPPORTED.equals(properties.get(FEATURE + feature))).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new InvalidParameter("A managed Delta table needs the table features " + missing
                    + "; the protocol given does not name them.");
        }
        if (!"true".equals(properties.get(IN_COMMIT_TIMESTAMPS))) {
            throw new InvalidParameter("A managed Delta table needs " + IN_COMMIT_TIMESTAMPS + " = true.");
        }
        if (!tableId.equals(properties.get(TABLE_ID))) {
            throw new InvalidParameter(TABLE_ID + " must be the table's id, " + tableId + ".");
        }
    }

    /** Refuses UniForm: Lakeward keeps no Iceberg conversion state for a Delta table. */
    static void refuseUniform(boolean given, Map<String, String> properties) {
        String formats = properties.get(UNIFORM_FORMATS);
        if (given || formats != null && formats.toLowerCase(Locale.ROOT).contains("iceberg")) {
            throw new InvalidParameter("UniForm (Iceberg conversion of a Delta table) is not served by Lakeward;"
                    + " create the table without " + UNIFORM_FORMATS + " and uniform.");
        }
    }

    private static Protocol valid(Protocol protocol) {
        if (protocol == null || protocol.minReaderVersion() == null || protocol.minWriterVersion() == null) {
            throw new InvalidParameter("protocol needs min-reader-version and min-writer-version.");
        }
        if (protocol.minReaderVersion() < 1 || protocol.minReaderVersion() > 3
                || protocol.minWriterVersion() < 1 || protocol.minWriterVersion() > 7) {
            throw new InvalidParameter("protocol: Delta reader versions are 1 to 3, writer versions 1 to 7.");
        }
        for (List<String> features : Arrays.asList(protocol.readerFeatures(), protocol.writerFeatures())) {
            if (features == null) {
                continue;
            }
            if (features.size() > MAX_FEATURES) {
                throw new InvalidParameter("protocol names " + features.size() + " features; at most " + MAX_FEATURES + ".");
            }
            for (String feature : features) {
                if (feature == null || !FEATURE_NAME.matcher(feature).matches()) {
                    throw new InvalidParameter("protocol: '" + Names.printable(String.valueOf(feature))
                            + "' is no table feature name.");
                }
            }
        }
        return protocol;
    }

    private static String clusteringColumns(Clustering clustering) {
        List<List<String>> columns = clustering.clusteringColumns();
        if (columns == null || columns.size() > MAX_FEATURES
                || columns.stream().anyMatch(path -> path == null || path.isEmpty() || path.contains(null))) {
            throw new InvalidParameter(CLUSTERING_DOMAIN + ".clusteringColumns must list column paths, each a non-empty"
                    + " list of field names (at most " + MAX_FEATURES + ").");
        }
        try {
            return JSON.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
