package dev.aslunit.internal.report;

import dev.aslunit.internal.history.Durations;
import dev.aslunit.Execution;
import dev.aslunit.StateVisit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paints a definition with one execution: the path taken in green, the state that failed in red,
 * a caught failure in orange, states never entered greyed out; notes give the virtual time of the
 * first entry (from the execution's start), visits, attempts and retries, Map iterations, errors.
 */
final class ExecutionPaint implements Paint {

    private final Execution execution;
    private final WorkflowGraph graph;
    private final Map<Integer, Integer> taken = new HashMap<>();

    ExecutionPaint(Execution execution, WorkflowGraph graph) {
        this.execution = execution;
        this.graph = graph;
        for (StateVisit v : execution.visits()) {
            WorkflowGraph.Edge e = graph.taken(v);
            if (e != null) {
                taken.merge(e.id(), 1, Integer::sum);
            }
        }
    }

    @Override
    public String stateClass(String state) {
        List<StateVisit> visits = execution.state(state).visits();
        if (visits.isEmpty()) {
            return "unvisited";
        }
        StateVisit last = visits.get(visits.size() - 1);
        if (last.failed() && last.caughtBy() != null) {
            return "caught";
        }
        if (last.failed() || last.aborted()) {
            return "failed";
        }
        if (last.exited()) {
            return "ok";
        }
        return stoppedHere(last) ? "failed" : execution.isRunning() ? "running" : "ok";
    }

    @Override
    public List<String> notes(String state) {
        List<StateVisit> visits = execution.state(state).visits();
        List<String> notes = new ArrayList<>();
        if (visits.isEmpty()) {
            return notes;
        }
        StateVisit first = visits.get(0);
        StateVisit last = visits.get(visits.size() - 1);
        String when = "at +" + Durations.format(Duration.between(execution.startTime(), first.enteredAt()));
        if (visits.size() > 1) {
            when += ", " + visits.size() + " visits";
        } else if (first.duration() != null && !first.duration().isZero()) {
            when += ", took " + Durations.format(first.duration());
        }
        notes.add(when);
        int attempts = 0;
        String retried = null;
        for (StateVisit v : visits) {
            attempts = Math.max(attempts, v.attempts().size());
            if (v.retries() > 0) {
                retried = v.retriedErrors().get(0);
                WorkflowGraph.RetryUse use = graph.retriesIn(v);
                if (use.exhausted() != null) {
                    retried += " (retries ran out)";
                }
            }
        }
        if (retried != null) {
            notes.add(attempts + " attempts, retried " + retried);
        }
        if (last.type().equals("Map") && !last.iterations().isEmpty()) {
            notes.add(last.iterations().size() + " iterations");
        }
        if (last.failed() && last.caughtBy() != null) {
            notes.add("caught " + last.error() + " → " + last.caughtBy());
        } else if (last.failed()) {
            notes.add(last.error());
        } else if (stoppedHere(last)) {
            notes.add(execution.error());
        }
        return notes;
    }

    /** The execution failed while this visit was open (e.g. its output could not be processed): it stopped here. */
    private boolean stoppedHere(StateVisit visit) {
        return !visit.exited() && !visit.failed() && !execution.isRunning()
                && execution.status() != Execution.Status.SUCCEEDED
                && execution.error() != null;
    }

    @Override
    public String edgeClass(WorkflowGraph.Edge edge) {
        return taken.containsKey(edge.id()) ? "taken" : "unused";
    }

    @Override
    public String edgeLabel(WorkflowGraph.Edge edge) {
        int n = taken.getOrDefault(edge.id(), 0);
        String label = edge.kind() == WorkflowGraph.Kind.NEXT ? "" : edge.label();
        return n > 1 ? (label + " ×" + n).trim() : label;
    }
}
