package dev.lakeward.catalog.iceberg;

import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.edge.Names;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.Unavailable;
import dev.lakeward.catalog.namespace.StorageLocations;
import dev.lakeward.catalog.storage.S3Clients;
import dev.lakeward.catalog.storage.StorageVending;
import dev.lakeward.catalog.storage.StoreEndpoint;
import dev.lakeward.credentials.AccessLevel;
import dev.lakeward.credentials.StorageLocation;
import dev.lakeward.credentials.TemporaryCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.aws.s3.S3FileIOProperties;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.PositionOutputStream;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * An Iceberg table's metadata files, which the service reads and writes itself: each version a
 * new file under the table's {@code metadata/} folder (never the folder a table property names,
 * so that a commit cannot write outside the table's storage), named
 * {@code <version>-<uuid>.metadata.json} as Iceberg's catalogs name them. On {@code file://}
 * directly; on {@code s3://} through a credential the service mints for the table's location
 * alone (READ to read, READ_WRITE to write), by the storage credential and cache that vend to
 * engines. Other clouds are not served yet.
 */
@ApplicationScoped
public class MetadataFiles {

    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})-[^/]*\\.metadata\\.json$");

    @Inject
    StorageVending vending;

    @Inject
    LakewardConfig config;

    /**
     * The metadata at this location, with that location as its file's: read with a credential for
     * the table it lies in ({@code <table>/metadata/<file>}, the layout every stored file has).
     */
    TableMetadata read(String metadataLocation) {
        String table = tableLocation(metadataLocation);
        return using(table == null ? metadataLocation : table, AccessLevel.READ,
                io -> TableMetadataParser.read(io, metadataLocation));
    }

    /** Writes the metadata as the table's next version; answers it with its new file's location. */
    TableMetadata write(TableMetadata metadata) {
        String location = stripSlash(metadata.location()) + "/metadata/"
                + String.format("%05d-%s.metadata.json", nextVersion(metadata), UUID.randomUUID());
        String json = TableMetadataParser.toJson(metadata);
        using(metadata.location(), AccessLevel.READ_WRITE, io -> {
            try (PositionOutputStream out = io.newOutputFile(location).create()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + location, e);
            }
            return location;
        });
        return TableMetadataParser.fromJson(location, json);
    }

    /**
     * Refuses, before anything is created, a table location whose metadata the service cannot
     * keep: another store than {@code file://} and {@code s3://}, or an {@code s3://} location with
     * an escaped or blank character, whose key the store and a session scoped to the location would
     * spell differently. None (managed storage) is served.
     */
    static void requireServed(String location) {
        if (location == null) {
            return;
        }
        String scheme = StorageLocations.parse("location", location).scheme();
        if (!scheme.equals("file") && !scheme.equals("s3")) {
            throw IcebergFailure.unsupported("Iceberg tables are served on file:// and s3:// storage, not on "
                    + scheme + "://.");
        }
        // a local path is decoded by the file system alone; on S3 the key and the session's policy would differ
        if (scheme.equals("s3") && location.chars().anyMatch(c -> c == '%' || Character.isWhitespace(c))) {
            throw new InvalidParameter("An Iceberg table's s3:// location may not hold '%' or blank characters: '"
                    + Names.printable(location) + "'.");
        }
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

    /** The table's files opened for this use, closed after it; a store that fails is a 503. */
    private <T> T using(String tableLocation, AccessLevel access, Function<FileIO, T> use) {
        requireServed(tableLocation);
        if (StorageLocation.parse(tableLocation).scheme().equals("file")) {
            return use.apply(new LocalFileIO());
        }
        TemporaryCredential credential = vending.forService(tableLocation, access);
        if (!(credential.secret() instanceof TemporaryCredential.AwsSession session)) {
            throw new IllegalStateException("An s3:// location was vended " + credential.secret());
        }
        StoreEndpoint endpoint = vending.endpoint(tableLocation);
        try (FileIO io = new S3FileIO(() -> S3Clients.forSession(session, endpoint, config.storage().timeout()),
                new S3FileIOProperties())) {
            return use.apply(io);
        } catch (SdkException | UncheckedIOException failed) {
            throw new Unavailable("The store of '" + tableLocation + "' did not answer as asked: " + failed.getMessage());
        }
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
