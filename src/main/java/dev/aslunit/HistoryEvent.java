package dev.aslunit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, in the shape of AWS's {@code GetExecutionHistory}:
 * {@code type} (e.g. {@code TaskStateEntered}), {@code id}, {@code previousEventId}, a virtual
 * {@code timestamp}, and the details object under AWS's field name ({@code detailsField}, e.g.
 * {@code stateEnteredEventDetails}), or {@code null} for the few types that have none.
 * The details object belongs to the event: nobody mutates it after the event is written.
 */
public record HistoryEvent(
        long id,
        long previousEventId,
        Instant timestamp,
        String type,
        String detailsField,
        ObjectNode details) {

    /** The {@code name} in the details (the state's name for state events), or {@code null}. */
    public String stateName() {
        return details != null && details.hasNonNull("name") ? details.get("name").asText() : null;
    }
}
