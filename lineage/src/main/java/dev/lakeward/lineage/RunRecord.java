package dev.lakeward.lineage;

import java.time.Instant;
import java.util.UUID;

/** The run of a job that an event reports, and how it stands. */
public record RunRecord(UUID runId, String jobNamespace, String jobName, RunState state, Instant eventTime) {

    public enum RunState {
        START, RUNNING, COMPLETE, ABORT, FAIL, OTHER
    }
}
