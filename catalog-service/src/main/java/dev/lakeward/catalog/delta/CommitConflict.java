package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.error.Conflict;

/**
 * An update refused for the table's state, not its shape: another writer won the version, or a
 * requirement the writer read no longer holds. The client reloads the table and retries.
 */
final class CommitConflict extends Conflict {

    private final String type;

    private CommitConflict(String type, String message) {
        super(message);
        this.type = type;
    }

    static CommitConflict version(String message) {
        return new CommitConflict("CommitVersionConflictException", message);
    }

    static CommitConflict requirement(String message) {
        return new CommitConflict("UpdateRequirementConflictException", message);
    }

    /** The Delta REST API's error type. */
    String type() {
        return type;
    }
}
