package dev.lakeward.catalog.delta;

import dev.lakeward.catalog.access.Caller;
import dev.lakeward.catalog.config.LakewardConfig;
import dev.lakeward.catalog.delta.DeltaCommitLog.Position;
import dev.lakeward.catalog.delta.DeltaMessages.Commit;
import dev.lakeward.catalog.error.InvalidParameter;
import dev.lakeward.catalog.error.ResourceExhausted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * The rules by which a catalog-managed table's commits are ratified, whichever API proposes them
 * (the Delta REST API's add-commit, the preview commits API): the caller holds the table's commit
 * log row ({@link DeltaCommitLog#lockForUpdate}). A version is ratified once, at the latest + 1,
 * with a later in-commit timestamp, while fewer than the bound of commits await publication.
 */
@ApplicationScoped
class CommitRatification {

    @Inject
    DeltaCommitLog log;

    @Inject
    LakewardConfig config;

    /**
     * Whether the proposal is one ratified already, resent by a writer that lost the answer: the
     * same version and file. Another file at a taken version lost the race.
     */
    boolean isReplay(UUID tableId, Position position, Commit commit, String table) {
        if (commit.version() > position.latestVersion()) {
            return false;
        }
        if (log.fileAt(tableId, commit.version()).filter(commit.fileName()::equals).isPresent()) {
            return true;
        }
        throw CommitConflict.version("Version " + commit.version() + " of '" + table + "' is taken (the latest is "
                + position.latestVersion() + "); reload the table and retry.");
    }

    /** Published versions reported: the commits up to them are forgotten; one reported before changes nothing. */
    Position publish(UUID tableId, Position position, long published) {
        if (published > position.latestVersion()) {
            throw new InvalidParameter("Version " + published + " is reported published but is not ratified; the"
                    + " latest is " + position.latestVersion() + ".");
        }
        if (published <= position.backfilledVersion()) {
            return position;
        }
        log.published(tableId, published);
        return new Position(position.latestVersion(), position.latestTimestamp(), published);
    }

    Position ratify(Caller caller, UUID tableId, Position position, Commit commit) {
        if (commit.version() != position.latestVersion() + 1) {
            throw CommitConflict.version("Version " + commit.version() + " does not follow the latest, "
                    + position.latestVersion() + "; reload the table and retry.");
        }
        int bound = config.delta().maxUnbackfilledCommits();
        if (position.unpublished() >= bound) {
            throw new ResourceExhausted("The table holds " + position.unpublished() + " ratified commits not yet"
                    + " published to _delta_log, the most allowed (" + bound + "): publish them and report the"
                    + " latest published version before committing again.");
        }
        if (commit.timestamp() <= position.latestTimestamp()) {
            throw new InvalidParameter("The commit's timestamp " + commit.timestamp() + " is not after version "
                    + position.latestVersion() + "'s (" + position.latestTimestamp() + "): in-commit timestamps increase.");
        }
        log.ratify(tableId, commit, caller.name());
        return new Position(commit.version(), commit.timestamp(), position.backfilledVersion());
    }
}
