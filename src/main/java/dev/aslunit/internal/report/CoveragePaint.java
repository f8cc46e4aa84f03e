package dev.aslunit.internal.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Paints a definition with a run's coverage: entered states and taken transitions green, the rest red and dashed. */
final class CoveragePaint implements Paint {

    private final Map<String, DefinitionCoverage.StateCoverage> states = new HashMap<>();
    private final Map<String, List<String>> notes = new HashMap<>();
    private final DefinitionCoverage coverage;

    CoveragePaint(DefinitionCoverage coverage) {
        this.coverage = coverage;
        for (DefinitionCoverage.StateCoverage s : coverage.states()) {
            states.put(s.name(), s);
            List<String> lines = new ArrayList<>();
            lines.add(s.covered() ? "entered " + s.entered() + "×" : "never entered");
            notes.put(s.name(), lines);
        }
        for (DefinitionCoverage.RetryCoverage r : coverage.retries()) {
            notes.get(r.state()).add("Retry " + (r.index() + 1) + ": " + r.retries() + " retries"
                    + (r.exhausted() > 0 ? ", ran out " + r.exhausted() + "×" : ""));
        }
        for (DefinitionCoverage.ContainerCoverage c : coverage.containers()) {
            if (c.type().equals("Map")) {
                notes.get(c.state()).add(c.iterations() + " iterations"
                        + (c.failedIterations() > 0 ? ", " + c.failedIterations() + " failed" : ""));
            } else {
                List<String> runs = new ArrayList<>();
                for (int r : c.branchRuns()) {
                    runs.add(Integer.toString(r));
                }
                notes.get(c.state()).add("branch runs " + String.join("/", runs));
            }
        }
    }

    @Override
    public String stateClass(String state) {
        DefinitionCoverage.StateCoverage s = states.get(state);
        return s != null && s.covered() ? "covered" : "uncovered";
    }

    @Override
    public List<String> notes(String state) {
        return notes.getOrDefault(state, List.of());
    }

    @Override
    public String edgeClass(WorkflowGraph.Edge edge) {
        return coverage.transitions().get(edge.id()).covered() ? "taken" : "untaken";
    }

    @Override
    public String edgeLabel(WorkflowGraph.Edge edge) {
        int taken = coverage.transitions().get(edge.id()).taken();
        return (edge.kind() == WorkflowGraph.Kind.NEXT ? "" : edge.label() + " ") + "×" + taken;
    }
}
