package dev.aslunit;

import dev.aslunit.internal.facts.ScopeRecord;
import java.util.List;

/** One branch of a Parallel state's run, numbered from 0 in the definition's order. */
public final class ParallelBranch {

    private final ExecutionView view;
    private final ScopeRecord scope;

    ParallelBranch(ExecutionView view, ScopeRecord scope) {
        this.view = view;
        this.scope = scope;
    }

    public int index() {
        return scope.index();
    }

    /** The states this branch entered, in order. */
    public List<String> path() {
        return scope.path();
    }

    public List<StateVisit> visits() {
        return view.visits(scope.visits());
    }
}
