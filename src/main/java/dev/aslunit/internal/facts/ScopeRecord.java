package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where states run: the execution's top level, one branch of a Parallel state's attempt, or one
 * iteration of a Map state's attempt. Variables assigned in a scope stay in it (AWS's scoping rule).
 * Read-only outside this package: {@link ExecutionRecord} fills it in.
 */
public final class ScopeRecord {

    final ScopeRecord parent;
    final VisitRecord container;
    final int index;
    final List<VisitRecord> visits = new ArrayList<>();
    final Map<String, JsonNode> variables;
    /** {@link #variables} as it stands, shared by the visits that exit before the next assignment. */
    private Map<String, JsonNode> snapshot;
    VisitRecord open;
    ExecutionStatus outcome = ExecutionStatus.RUNNING;

    ScopeRecord(ScopeRecord parent, VisitRecord container, int index) {
        this.parent = parent;
        this.container = container;
        this.index = index;
        this.variables = parent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parent.variables);
    }

    /** Adds the variables a state of this scope assigned. */
    void assign(Map<String, JsonNode> assigned) {
        variables.putAll(assigned);
        snapshot = null;
    }

    /**
     * The variables as they stand, unmodifiable. Every visit records them as it exits; one copy
     * serves all the visits between two assignments instead of a copy per visit.
     */
    Map<String, JsonNode> snapshot() {
        if (snapshot == null) {
            snapshot = variables.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
        return snapshot;
    }

    /** The scope around this one, or {@code null} at the top level. */
    public ScopeRecord parent() {
        return parent;
    }

    /** The Map or Parallel visit this scope is an iteration or branch of, or {@code null} at the top level. */
    public VisitRecord container() {
        return container;
    }

    /** The iteration's index, or the branch's number from 0; 0 at the top level. */
    public int index() {
        return index;
    }

    public boolean isMapIteration() {
        return container != null && "Map".equals(container.type);
    }

    /** The visits in this scope, in order. */
    public List<VisitRecord> visits() {
        return Collections.unmodifiableList(visits);
    }

    /** How a Map iteration ended; {@code RUNNING} until then, and for branches and the top level. */
    public ExecutionStatus outcome() {
        return outcome;
    }

    /** The states entered in this scope, in order. */
    public List<String> path() {
        List<String> path = new ArrayList<>(visits.size());
        for (VisitRecord v : visits) {
            path.add(v.state);
        }
        return List.copyOf(path);
    }

    public int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    /** {@code Process[2]} for a Map iteration, {@code Fan-out branch 1} for a Parallel branch, "" at the top. */
    public String label() {
        if (container == null) {
            return "";
        }
        String prefix = parent.label().isEmpty() ? "" : parent.label() + " > ";
        return prefix + container.state + (isMapIteration() ? "[" + index + "]" : " branch " + index);
    }
}
