package dev.aslunit;

import java.util.List;

/** One branch of a Parallel state's run, numbered from 0 in the definition's order. */
public final class ParallelBranch {

    private final Scope scope;

    ParallelBranch(Scope scope) {
        this.scope = scope;
    }

    public int index() {
        return scope.index;
    }

    /** The states this branch entered, in order. */
    public List<String> path() {
        return scope.path();
    }

    public List<StateVisit> visits() {
        return List.copyOf(scope.visits);
    }
}
