package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where states run: the execution's top level, one branch of a Parallel state's attempt, or one
 * iteration of a Map state's attempt. Variables assigned in a scope stay in it (AWS's scoping rule).
 */
final class Scope {

    final Scope parent;
    final StateVisit container;
    final int index;
    final List<StateVisit> visits = new ArrayList<>();
    final Map<String, JsonNode> variables;
    StateVisit open;
    TaskAttempt.Outcome outcome = TaskAttempt.Outcome.RUNNING;

    Scope(Scope parent, StateVisit container, int index) {
        this.parent = parent;
        this.container = container;
        this.index = index;
        this.variables = parent == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parent.variables);
    }

    List<String> path() {
        List<String> path = new ArrayList<>(visits.size());
        for (StateVisit v : visits) {
            path.add(v.stateName());
        }
        return List.copyOf(path);
    }

    int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    /** {@code Process[2]} for a Map iteration, {@code Fan-out/branch 1} for a Parallel branch, "" at the top. */
    String label() {
        if (container == null) {
            return "";
        }
        String prefix = parent.label().isEmpty() ? "" : parent.label() + " > ";
        return prefix + container.stateName() + ("Map".equals(container.type())
                ? "[" + index + "]" : " branch " + index);
    }
}
