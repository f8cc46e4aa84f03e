package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.HistoryEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of AWS's {@code GetExecutionHistory} ({@code aws stepfunctions
 * get-execution-history}, or the SDK's JSON): {@code {"events": [...]}} or the bare array, with
 * timestamps as ISO-8601 text or epoch seconds, and each event's details under its
 * {@code ...EventDetails} field.
 */
public final class AwsHistoryReader {

    private AwsHistoryReader() {
    }

    public static List<HistoryEvent> read(JsonNode json) {
        JsonNode events = json != null && json.isObject() ? json.get("events") : json;
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException("Not an execution history: expected {\"events\": [...]} as"
                    + " GetExecutionHistory returns it, or the array of events");
        }
        List<HistoryEvent> out = new ArrayList<>();
        for (JsonNode e : events) {
            String detailsField = null;
            ObjectNode details = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().endsWith("EventDetails") && f.getValue().isObject()) {
                    detailsField = f.getKey();
                    details = (ObjectNode) f.getValue();
                }
            }
            out.add(new HistoryEvent(e.path("id").asLong(), e.path("previousEventId").asLong(),
                    timestamp(e.get("timestamp"), e.path("id").asLong()), e.path("type").asText(), detailsField, details));
        }
        return out;
    }

    private static Instant timestamp(JsonNode value, long id) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("History event " + id + " has no timestamp");
        }
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("History event " + id + " has a timestamp that is neither ISO-8601 nor"
                    + " epoch seconds: " + value, e);
        }
    }
}
