package dev.lakeward.catalog.iceberg;

import dev.lakeward.credentials.StorageLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * An Iceberg table's metadata files, which the service reads and writes itself: each version a
 * new file under the table's {@code metadata/} folder (never the folder a table property names,
 * so that a commit cannot write outside the table's storage), named
 * {@code <version>-<uuid>.metadata.json} as Iceberg's catalogs name them. Storage on
 * {@code file://} only, for now.
 */
final class MetadataFiles {

    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})-[^/]*\\.metadata\\.json$");

    private MetadataFiles() {
    }

    /** The metadata at this location, with that location as its file's. */
    static TableMetadata read(String metadataLocation) {
        return TableMetadataParser.read(io(metadataLocation), metadataLocation);
    }

    /** Writes the metadata as the table's next version; answers it with its new file's location. */
    static TableMetadata write(TableMetadata metadata) {
        String location = stripSlash(metadata.location()) + "/metadata/"
                + String.format("%05d-%s.metadata.json", nextVersion(metadata), UUID.randomUUID());
        String json = TableMetadataParser.toJson(metadata);
        try (PositionOutputStream out = io(location).newOutputFile(location).create()) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + location, e);
        }
        return TableMetadataParser.fromJson(location, json);
    }

    /** The table folder a metadata file of the usual layout lies in, {@code <table>/metadata/<file>}. */
    static String tableLocation(String metadataLocation) {
        int file = metadataLocation.lastIndexOf('/');
        int folder = file <= 0 ? -1 : metadataLocation.lastIndexOf('/', file - 1);
        if (folder <= 0 || !metadataLocation.substring(folder, file).equals("/metadata")
                || !metadataLocation.endsWith(".metadata.json")) {
            return null;
        }
        return metadataLocation.substring(0, folder);
    }

    static FileIO io(String location) {
        String scheme = StorageLocation.parse(location).scheme();
        if (!scheme.equals("file")) {
            throw IcebergFailure.unsupported("Iceberg tables are served on file:// storage only yet, not on "
                    + scheme + "://.");
        }
        return new LocalFileIO();
    }

    /** One more than the version of the file it follows, from the metadata log. */
    private static int nextVersion(TableMetadata metadata) {
        List<TableMetadata.MetadataLogEntry> previous = metadata.previousFiles();
        if (previous.isEmpty()) {
            return 0;
        }
        Matcher version = VERSION.matcher(previous.getLast().file());
        return version.find() ? Integer.parseInt(version.group(1)) + 1 : previous.size();
    }

    private static String stripSlash(String location) {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
}
