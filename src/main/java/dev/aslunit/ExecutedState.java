package dev.aslunit;

import dev.aslunit.definition.State;
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

    ExecutedState(Execution execution, String name, State definition, List<StateVisit> visits) {
        this.execution = execution;
        this.name = name;
        this.definition = definition;
        this.visits = List.copyOf(visits);
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
    public State definition() {
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
        return "state \"" + name + "\" of execution \"" + execution.name() + "\"";
    }
}
