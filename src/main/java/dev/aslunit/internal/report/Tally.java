package dev.aslunit.internal.report;

import dev.aslunit.internal.pipeline.Models;
import dev.aslunit.Execution;
import dev.aslunit.MapIteration;
import dev.aslunit.ParallelBranch;
import dev.aslunit.StateVisit;
import dev.aslunit.TaskAttempt;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.engine.EndedChild;
import dev.aslunit.internal.definition.State;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counts of one definition over a run; executions of parallel tests add to it under its lock. */
final class Tally {

    final String id;
    final String name;
    final WorkflowGraph graph;
    private final Map<String, Integer> stateIndex = new LinkedHashMap<>();
    private final int[] entered;
    private final int[] taken;
    private final int[] retried;
    private final int[] exhausted;
    private final int[] containerRuns;
    private final int[] iterations;
    private final int[] failedIterations;
    private final int[] maxConcurrency;
    private final Map<String, int[]> branchRuns = new LinkedHashMap<>();
    private final Map<Execution.Status, Integer> statuses = new LinkedHashMap<>();
    private int executions;

    Tally(String id, String name, WorkflowGraph graph) {
        this.id = id;
        this.name = name;
        this.graph = graph;
        for (String s : graph.states().keySet()) {
            stateIndex.put(s, stateIndex.size());
        }
        int n = stateIndex.size();
        entered = new int[n];
        containerRuns = new int[n];
        iterations = new int[n];
        failedIterations = new int[n];
        maxConcurrency = new int[n];
        taken = new int[graph.edges().size()];
        retried = new int[graph.retries().size()];
        exhausted = new int[graph.retries().size()];
        for (State s : graph.states().values()) {
            if (s.type().equals("Parallel")) {
                branchRuns.put(s.name(), new int[graph.children(s.name()).size()]);
            }
        }
    }

    synchronized void add(Execution execution) {
        executions++;
        statuses.merge(execution.status(), 1, Integer::sum);
        addVisits(execution);
        // a Distributed Map's iterations are child executions, which its own visit does not list
        execution.childExecutions().forEach((mapState, children) -> {
            for (Execution child : children) {
                addIteration(mapState, child);
            }
        });
    }

    /** One child execution of the Distributed Map state {@code mapState} that its parent did not keep. */
    synchronized void addChild(String mapState, EndedChild child) {
        if (graph.state(mapState) instanceof MapState) {
            MapState map = (MapState) graph.state(mapState);
            addIteration(mapState, Models.ended(mapState, map.itemProcessor(), child.history(), child.facts()));
        }
    }

    /** One child execution of the Distributed Map state {@code mapState}: one of its iterations. */
    synchronized void addIteration(String mapState, Execution child) {
        Integer i = stateIndex.get(mapState);
        if (i != null) {
            iterations[i]++;
            if (child.status() == Execution.Status.FAILED) {
                failedIterations[i]++;
            }
        }
        addVisits(child);
    }

    private void addVisits(Execution execution) {
        for (StateVisit v : execution.visits()) {
            Integer i = stateIndex.get(v.stateName());
            if (i == null) {
                continue;
            }
            entered[i]++;
            WorkflowGraph.Edge e = graph.taken(v);
            if (e != null) {
                taken[e.id()]++;
            }
            WorkflowGraph.RetryUse use = graph.retriesIn(v);
            for (int r = 0; r < use.fired().length; r++) {
                retried[use.rules().get(r).id()] += use.fired()[r];
            }
            if (use.exhausted() != null) {
                exhausted[use.exhausted().id()]++;
            }
            if (v.type().equals("Map")) {
                containerRuns[i]++;
                List<MapIteration> its = v.iterations();
                iterations[i] += its.size();
                for (MapIteration it : its) {
                    if (it.outcome() == TaskAttempt.Outcome.FAILED) {
                        failedIterations[i]++;
                    }
                }
                maxConcurrency[i] = Math.max(maxConcurrency[i], v.maxConcurrencyObserved());
            } else if (v.type().equals("Parallel")) {
                containerRuns[i]++;
                int[] runs = branchRuns.get(v.stateName());
                for (ParallelBranch b : v.branches()) {
                    if (runs != null && b.index() < runs.length && !b.path().isEmpty()) {
                        runs[b.index()]++;
                    }
                }
            }
        }
    }

    synchronized DefinitionCoverage snapshot() {
        List<DefinitionCoverage.StateCoverage> states = new ArrayList<>();
        for (Map.Entry<String, Integer> s : stateIndex.entrySet()) {
            State state = graph.state(s.getKey());
            int i = s.getValue();
            states.add(new DefinitionCoverage.StateCoverage(state.name(), state.type(), graph.parentOf(state.name()),
                    WorkflowGraph.pointer(state), WorkflowGraph.position(state.location()), entered[i]));
        }
        List<DefinitionCoverage.TransitionCoverage> transitions = new ArrayList<>();
        for (WorkflowGraph.Edge e : graph.edges()) {
            transitions.add(new DefinitionCoverage.TransitionCoverage(e.from(), e.to(),
                    e.kind().name().toLowerCase(java.util.Locale.ROOT), e.index(), e.label(),
                    e.location() != null ? e.location().pointer() : null, WorkflowGraph.position(e.location()),
                    taken[e.id()]));
        }
        List<DefinitionCoverage.RetryCoverage> retries = new ArrayList<>();
        for (WorkflowGraph.Retry r : graph.retries()) {
            retries.add(new DefinitionCoverage.RetryCoverage(r.state(), r.index(), r.retrier().errorEquals(),
                    r.retrier().maxAttempts(), r.retrier().location() != null ? r.retrier().location().pointer() : null,
                    WorkflowGraph.position(r.retrier().location()), retried[r.id()], exhausted[r.id()]));
        }
        List<DefinitionCoverage.ContainerCoverage> containers = new ArrayList<>();
        for (Map.Entry<String, Integer> s : stateIndex.entrySet()) {
            State state = graph.state(s.getKey());
            int i = s.getValue();
            if (state.type().equals("Map") || state.type().equals("Parallel")) {
                int[] runs = branchRuns.get(state.name());
                List<Integer> branches = new ArrayList<>();
                if (runs != null) {
                    for (int r : runs) {
                        branches.add(r);
                    }
                }
                containers.add(new DefinitionCoverage.ContainerCoverage(state.name(), state.type(), containerRuns[i],
                        iterations[i], failedIterations[i], maxConcurrency[i], branches));
            }
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (Execution.Status st : Execution.Status.values()) {
            if (statuses.containsKey(st)) {
                byStatus.put(st.name(), statuses.get(st));
            }
        }
        return new DefinitionCoverage(id, name, graph, executions, byStatus, states, transitions, retries, containers);
    }
}
