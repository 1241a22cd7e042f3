package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.namespace.ColumnInfo;
import java.util.List;
import java.util.Map;

/**
 * The bodies of {@code /delta/preview/commits} ({@code all.yaml}: {@code DeltaCommit},
 * {@code DeltaGetCommits} and their parts), in the Unity Catalog API's snake case.
 */
final class PreviewCommitMessages {

    private PreviewCommitMessages() {
    }

    record CommitInfo(Long version, Long timestamp, String fileName, Long fileSize, Long fileModificationTimestamp) {

        DeltaMessages.Commit asCommit() {
            return new DeltaMessages.Commit(version, timestamp, fileName, fileSize, fileModificationTimestamp);
        }

        static CommitInfo of(DeltaMessages.Commit commit) {
            return new CommitInfo(commit.version(), commit.timestamp(), commit.fileName(), commit.fileSize(),
                    commit.fileModificationTimestamp());
        }
    }

    record Columns(List<ColumnInfo> columns) {
    }

    record Properties(Map<String, String> properties) {
    }

    /** The commit's changes to the table's metadata: its comment, columns and properties, each whole. */
    record Metadata(String description, Columns schema, Properties properties) {
    }

    /** {@code uniform} is read only to be refused, as on the Delta REST API. */
    record CommitRequest(String tableId, String tableUri, CommitInfo commitInfo, Long latestBackfilledVersion,
            Metadata metadata, Object uniform) {
    }

    record GetCommitsRequest(String tableId, String tableUri, Long startVersion, Long endVersion) {
    }

    record GetCommitsResponse(List<CommitInfo> commits, long latestTableVersion) {
    }
}
