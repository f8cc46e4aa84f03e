package dev.aslunit;

import dev.aslunit.internal.facts.ScopeRecord;
import java.util.List;

/** One iteration of a Map state's run: its index, the states it entered, and how it ended. */
public final class MapIteration {

    private final ExecutionView view;
    private final ScopeRecord scope;

    MapIteration(ExecutionView view, ScopeRecord scope) {
        this.view = view;
        this.scope = scope;
    }

    public int index() {
        return scope.index();
    }

    /** The states this iteration entered, in order. */
    public List<String> path() {
        return scope.path();
    }

    /** SUCCEEDED, FAILED, ABORTED, or RUNNING while the iteration has not ended. */
    public TaskAttempt.Outcome outcome() {
        return TaskAttempt.Outcome.valueOf(scope.outcome().name());
    }

    public List<StateVisit> visits() {
        return view.visits(scope.visits());
    }
}
