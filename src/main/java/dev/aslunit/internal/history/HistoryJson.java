package dev.aslunit.internal.history;

import dev.aslunit.HistoryEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonWriting;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Events in the JSON shape of AWS's {@code GetExecutionHistory}. */
public final class HistoryJson {

    private HistoryJson() {
    }

    public static ObjectNode toJson(HistoryEvent e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("timestamp", e.timestamp().toString());
        o.put("type", e.type());
        o.put("id", e.id());
        o.put("previousEventId", e.previousEventId());
        if (e.details() != null) {
            o.set(e.detailsField(), e.details());
        }
        return o;
    }

    public static ArrayNode toJson(List<HistoryEvent> events) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(events.size());
        for (HistoryEvent e : events) {
            a.add(toJson(e));
        }
        return a;
    }

    /** Streams events as {@link #toJson(HistoryEvent)} shapes them, without building the trees. */
    public static EventWriter writer() {
        return new EventWriter();
    }

    /**
     * Writes the events of one history. Events written on the same virtual instant (most of them:
     * the clock only moves on waits, retries and task latency) share one formatted timestamp, as
     * formatting an {@link Instant} costs more than writing the rest of the event.
     */
    public static final class EventWriter {

        private Instant lastInstant;
        private String lastTimestamp;

        private EventWriter() {
        }

        public void write(JsonGenerator g, HistoryEvent e) throws IOException {
            if (!e.timestamp().equals(lastInstant)) {
                lastInstant = e.timestamp();
                lastTimestamp = lastInstant.toString();
            }
            g.writeStartObject();
            JsonWriting.fieldName(g, "timestamp");
            g.writeString(lastTimestamp);
            JsonWriting.fieldName(g, "type");
            g.writeString(e.type());
            JsonWriting.fieldName(g, "id");
            g.writeNumber(e.id());
            JsonWriting.fieldName(g, "previousEventId");
            g.writeNumber(e.previousEventId());
            if (e.details() != null) {
                JsonWriting.fieldName(g, e.detailsField());
                JsonWriting.write(g, e.details());
            }
            g.writeEndObject();
        }
    }
}
