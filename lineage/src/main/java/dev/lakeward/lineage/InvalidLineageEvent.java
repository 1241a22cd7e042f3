package dev.lakeward.lineage;

/** An event that is not a usable OpenLineage RunEvent; the message says what is wrong with it. */
public final class InvalidLineageEvent extends RuntimeException {

    public InvalidLineageEvent(String message) {
        super(message);
    }
}
