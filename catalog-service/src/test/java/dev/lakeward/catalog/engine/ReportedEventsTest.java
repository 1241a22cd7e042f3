package dev.lakeward.catalog.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakeward.proto.v1.ReportLineageRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

/** A lineage stream's events are held within their bound, and a stream past it stores nothing, its end included. */
class ReportedEventsTest {

    private static final ReportLineageRequest EVENT = ReportLineageRequest.newBuilder()
            .setOpenLineageEventJson("{\"eventType\": \"COMPLETE\"}").build();

    @Test
    void eventsWithinTheBoundAreHeldInOrder() {
        ReportedEvents events = new ReportedEvents(3L * EVENT.getSerializedSize());
        for (int i = 0; i < 3; i++) {
            events.add(EVENT);
        }
        assertThat(events.atEnd()).hasValueSatisfying(held -> assertThat(held).hasSize(3)
                .containsOnly(EVENT.getOpenLineageEventJson()));
    }

    @Test
    void theEventPastTheBoundRefusesTheWholeStreamOnce() {
        ReportedEvents events = new ReportedEvents(3L * EVENT.getSerializedSize());
        for (int i = 0; i < 3; i++) {
            events.add(EVENT);
        }
        assertThatThrownBy(() -> events.add(EVENT)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(e.getStatus().getDescription()).startsWith("A ReportLineage stream carries at most "
                    + 3 * EVENT.getSerializedSize() + " bytes (lakeward.lineage.stream-max-size)");
        });
        // the call is answered: what the client still sends is dropped, and its end stores nothing
        events.add(EVENT);
        assertThat(events.atEnd()).isEmpty();
    }
}
