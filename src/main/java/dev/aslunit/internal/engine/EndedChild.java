package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.Fact;
import dev.aslunit.HistoryEvent;
import java.util.List;

/** A Distributed Map's child execution as a listener receives it: its history and what the engine recorded of it. */
public record EndedChild(List<HistoryEvent> history, List<Fact> facts) {
}
