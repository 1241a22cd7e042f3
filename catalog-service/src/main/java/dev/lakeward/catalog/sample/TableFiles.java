package dev.lakeward.catalog.sample;

import dev.lakeward.catalog.error.FailedPrecondition;
import dev.lakeward.catalog.storage.S3Clients;
import dev.lakeward.catalog.storage.StoreEndpoint;
import dev.lakeward.credentials.TemporaryCredential;
import java.time.Duration;

/**
 * A table's files as a sample read opens them: with the credential vended for the table, as an
 * engine would hold it, and nothing more. {@code file://} needs none; {@code s3://} gets an S3
 * client with that session alone, at the store's endpoint; the other clouds are not read yet.
 */
final class TableFiles {

    private TableFiles() {
    }

    /** Refuses, before anything is vended, a location whose store sample reads cannot open. */
    static void requireReadable(String table, String scheme) {
        if (!scheme.equals("file") && !scheme.equals("s3")) {
            throw new FailedPrecondition("Table '" + table + "' is stored on " + scheme + "://, which is not"
                    + " supported for sample reads yet: they read file:// and s3:// tables.");
        }
    }

    /**
     * The table's files through its credential; on {@code file://}, where no store scopes the
     * credential, confined to the table's own directory by the file access itself.
     */
    static ReadOnlyFileIO open(String location, TemporaryCredential credential, StoreEndpoint endpoint, Duration timeout) {
        return switch (credential.secret()) {
            case TemporaryCredential.None none -> new LocalFileIO(LocalFileIO.path(location));
            case TemporaryCredential.AwsSession session -> new S3FileIO(S3Clients.forSession(session, endpoint, timeout));
            case TemporaryCredential.AzureSas sas -> throw new FailedPrecondition(
                    "Azure storage is not supported for sample reads yet.");
            case TemporaryCredential.GcpToken token -> throw new FailedPrecondition(
                    "Google Cloud Storage is not supported for sample reads yet.");
        };
    }
}
