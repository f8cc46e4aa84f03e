package dev.aslunit.internal.history;

import dev.aslunit.HistoryEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an execution's history: numbers events from 1 in the order they happen and names their
 * details field as AWS does ({@code PassStateEntered} → {@code stateEnteredEventDetails},
 * {@code TaskScheduled} → {@code taskScheduledEventDetails}).
 */
public final class HistoryRecorder {

    private final List<HistoryEvent> events = new ArrayList<>();
    private final List<HistoryEvent> view = Collections.unmodifiableList(events);

    /** Appends an event and returns its id; {@code details} may be {@code null}. */
    public long append(long previousEventId, Instant timestamp, String type, ObjectNode details) {
        long id = events.size() + 1L;
        events.add(new HistoryEvent(id, previousEventId, timestamp, type,
                details == null ? null : detailsField(type), details));
        return id;
    }

    /** The events so far, oldest first (a live, read-only view). */
    public List<HistoryEvent> events() {
        return view;
    }

    public int size() {
        return events.size();
    }

    /** AWS's name of the details member of {@code type}'s events. */
    public static String detailsField(String type) {
        // get first: computeIfAbsent locks the bin when the type is not its first entry, at every event
        String field = DETAILS_FIELDS.get(type);
        return field != null ? field : DETAILS_FIELDS.computeIfAbsent(type, HistoryRecorder::fieldOf);
    }

    /** A memo of a pure function over AWS's few dozen event types: no event pays for string building. */
    private static final Map<String, String> DETAILS_FIELDS = new ConcurrentHashMap<>();

    private static String fieldOf(String type) {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }
}
