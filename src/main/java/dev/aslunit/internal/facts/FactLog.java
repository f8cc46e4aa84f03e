package dev.aslunit.internal.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the engine writes the {@link Fact}s of one execution (or one Distributed Map child execution)
 * as they happen: a list append per fact, nothing derived until someone reads them. Written and read
 * on the thread that runs the execution.
 */
public final class FactLog {

    private final List<Fact> facts = new ArrayList<>();
    private final List<Fact> view = Collections.unmodifiableList(facts);
    private int visits;
    private int scopes;

    /** The number of the next state visit. */
    public int newVisit() {
        return ++visits;
    }

    /** The number of the next Map iteration or Parallel branch. */
    public int newScope() {
        return ++scopes;
    }

    public void add(Fact fact) {
        facts.add(fact);
    }

    /** The facts so far, oldest first (a live, read-only view). */
    public List<Fact> facts() {
        return view;
    }
}
