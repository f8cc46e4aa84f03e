package dev.aslunit;

import dev.aslunit.internal.definition.State;
import java.util.List;

/**
 * A state of the definition as one execution saw it: every visit, in history order, over all scopes
 * (a state inside a Map is visited once per iteration). Facts about "the state" describe its last visit.
 */
public final class ExecutedState {

    private final Execution execution;
    private final String name;
    private final State definition;
    private final List<StateVisit> visits;
    private final String scope;

    ExecutedState(Execution execution, String name, State definition, List<StateVisit> visits) {
        this(execution, name, definition, visits, "");
    }

    private ExecutedState(Execution execution, String name, State definition, List<StateVisit> visits, String scope) {
        this.execution = execution;
        this.name = name;
        this.definition = definition;
        this.visits = List.copyOf(visits);
        this.scope = scope;
    }

    /**
     * The same state, narrowed to its visits in the Map iteration with this index (the nearest
     * enclosing Map's, in every run of that Map).
     */
    public ExecutedState inIteration(int index) {
        List<StateVisit> in = new java.util.ArrayList<>();
        for (StateVisit v : visits) {
            if (v.iterationIndex() == index) {
                in.add(v);
            }
        }
        return new ExecutedState(execution, name, definition, in, scope + " in iteration " + index);
    }

    /** How this view is narrowed, e.g. {@code " in iteration 2"}; empty for every visit. */
    public String scope() {
        return scope;
    }

    public Execution execution() {
        return execution;
    }

    public String name() {
        return name;
    }

    /** Whether the definition has a state of this name (at any depth). */
    public boolean exists() {
        return definition != null;
    }

    /** The state as defined, or {@code null} when the definition has no state of this name. */
    State definition() {
        return definition;
    }

    /** ASL's {@code Type}, or {@code null} for an unknown state. */
    public String type() {
        return definition == null ? null : definition.type();
    }

    public List<StateVisit> visits() {
        return visits;
    }

    public boolean wasEntered() {
        return !visits.isEmpty();
    }

    /** The last visit, or {@code null} when the state was never entered. */
    public StateVisit lastVisit() {
        return visits.isEmpty() ? null : visits.get(visits.size() - 1);
    }

    @Override
    public String toString() {
        return "state \"" + name + "\"" + scope + " of execution \"" + execution.name() + "\"";
    }
}
