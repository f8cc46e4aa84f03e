package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An attempt's items (or batches). An inline Map keeps them all (a redrive starts some again); a
 * Distributed Map reads the next one from its ItemReader when an iteration starts and keeps none,
 * so its memory does not grow with the item count. Only a tolerated failure percentage needs the
 * count before the reader is done: then the rest is read ahead, and an item that cannot be read
 * fails the run when its turn comes, as it would have without the count.
 */
final class MapItems {
    private final Iterator<JsonNode> source;
    private final List<JsonNode> kept;
    private final ArrayDeque<JsonNode> ahead = new ArrayDeque<>();
    private StateFailure unreadable;
    private int taken;

    MapItems(Iterator<JsonNode> source, boolean keep) {
        this.source = source;
        this.kept = keep ? new ArrayList<>() : null;
        if (keep) {
            source.forEachRemaining(kept::add);
        }
    }

    /** Whether item {@code index} exists; a Distributed Map asks only about the next one. */
    boolean has(int index) {
        return kept != null ? index < kept.size() : !ahead.isEmpty() || unreadable != null || source.hasNext();
    }

    JsonNode get(int index) {
        if (kept != null) {
            return kept.get(index);
        }
        if (ahead.isEmpty() && unreadable != null) {
            throw unreadable;
        }
        taken++;
        return ahead.isEmpty() ? source.next() : ahead.poll();
    }

    int size() {
        if (kept != null) {
            return kept.size();
        }
        if (unreadable == null) {
            try {
                source.forEachRemaining(ahead::add);
            } catch (StateFailure f) {
                unreadable = f;
            }
        }
        return taken + ahead.size();
    }
}
