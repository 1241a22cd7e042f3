package dev.lakeward.catalog.engine;

import dev.lakeward.proto.v1.ReportLineageRequest;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events of one client-streamed {@code ReportLineage}, held until the client ends the stream,
 * within {@code lakeward.lineage.stream-max-size} bytes as sent. Past it the stream is refused
 * whole: what was held is let go, and what the client still sends, its end included, is dropped,
 * so nothing of that stream is stored. Not thread-safe: gRPC hands one call's messages over one
 * at a time.
 */
final class ReportedEvents {

    private final long maxSize;
    private final List<String> events = new ArrayList<>();
    private long size;
    private boolean refused;

    ReportedEvents(long maxSize) {
        this.maxSize = maxSize;
    }

    /** Holds the event; the one that passes the bound is answered RESOURCE_EXHAUSTED, once. */
    void add(ReportLineageRequest request) {
        if (refused) {
            return;
        }
        size += request.getSerializedSize();
        if (size > maxSize) {
            refused = true;
            events.clear();
            // RESOURCE_EXHAUSTED, as grpc-java answers a message beyond its own size limit
            throw Status.RESOURCE_EXHAUSTED.withDescription("A ReportLineage stream carries at most " + maxSize
                    + " bytes (lakeward.lineage.stream-max-size); this one carried more, so none of its events"
                    + " was stored: report them in smaller streams.").asRuntimeException();
        }
        events.add(request.getOpenLineageEventJson());
    }

    /** What to store now that the client ended the stream: nothing if it was refused. */
    Optional<List<String>> atEnd() {
        return refused ? Optional.empty() : Optional.of(events);
    }

    /** The client gave the stream up. */
    void discard() {
        events.clear();
    }
}
