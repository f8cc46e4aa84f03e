package dev.aslunit;

import java.util.List;

/** One iteration of a Map state's run: its index, the states it entered, and how it ended. */
public final class MapIteration {

    private final Scope scope;

    MapIteration(Scope scope) {
        this.scope = scope;
    }

    public int index() {
        return scope.index;
    }

    /** The states this iteration entered, in order. */
    public List<String> path() {
        return scope.path();
    }

    /** SUCCEEDED, FAILED, ABORTED, or RUNNING while the iteration has not ended. */
    public TaskAttempt.Outcome outcome() {
        return scope.outcome;
    }

    public List<StateVisit> visits() {
        return List.copyOf(scope.visits);
    }
}
