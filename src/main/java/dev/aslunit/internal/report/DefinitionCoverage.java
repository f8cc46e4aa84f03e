package dev.aslunit.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a test run exercised of one definition: every state with how often it was entered, every
 * transition with how often it was taken, every Retry rule with how often it retried and ran out,
 * every Map and Parallel state with its iterations and branches. An immutable snapshot.
 */
public final class DefinitionCoverage {

    /** A state: {@code parent} is the Map or Parallel it runs in ({@code null} at the top level). */
    public record StateCoverage(String name, String type, String parent, String pointer, String position, int entered) {
        public boolean covered() {
            return entered > 0;
        }
    }

    /**
     * A transition: {@code kind} is {@code next}, {@code choice} (rule {@code index}, 0-based),
     * {@code default} or {@code catch} (catcher {@code index}); {@code pointer} and {@code position}
     * locate the field that declares it.
     */
    public record TransitionCoverage(String from, String to, String kind, int index, String label, String pointer,
            String position, int taken) {
        public boolean covered() {
            return taken > 0;
        }

        /** {@code Check --rule 1--> Big}, as the reports list it. */
        public String describe() {
            return from + " --" + label + "--> " + to;
        }
    }

    /** A Retry rule: {@code retries} is how many retries it made in all, {@code exhausted} how often it ran out. */
    public record RetryCoverage(String state, int index, List<String> errorEquals, int maxAttempts, String pointer,
            String position, int retries, int exhausted) {
        public RetryCoverage {
            errorEquals = List.copyOf(errorEquals);
        }
    }

    /**
     * A Map or Parallel state: how often it ran, Map iterations (all, failed) and the most that ran
     * at once, and for a Parallel how often each branch ran.
     */
    public record ContainerCoverage(String state, String type, int runs, int iterations, int failedIterations,
            int maxConcurrency, List<Integer> branchRuns) {
        public ContainerCoverage {
            branchRuns = List.copyOf(branchRuns);
        }
    }

    private final String id;
    private final String name;
    private final WorkflowGraph graph;
    private final int executions;
    private final Map<String, Integer> statuses;
    private final List<StateCoverage> states;
    private final List<TransitionCoverage> transitions;
    private final List<RetryCoverage> retries;
    private final List<ContainerCoverage> containers;

    DefinitionCoverage(String id, String name, WorkflowGraph graph, int executions, Map<String, Integer> statuses,
            List<StateCoverage> states, List<TransitionCoverage> transitions, List<RetryCoverage> retries,
            List<ContainerCoverage> containers) {
        this.id = id;
        this.name = name;
        this.graph = graph;
        this.executions = executions;
        this.statuses = Map.copyOf(statuses);
        this.states = List.copyOf(states);
        this.transitions = List.copyOf(transitions);
        this.retries = List.copyOf(retries);
        this.containers = List.copyOf(containers);
    }

    /** A stable id, for anchors and file names: the definition's file (and pointer, in a template). */
    public String id() {
        return id;
    }

    /** The definition's file, or {@code inline definition N} for one given as a string. */
    public String name() {
        return name;
    }

    public int executions() {
        return executions;
    }

    /** Executions by final status ({@code SUCCEEDED}, {@code FAILED}, ...). */
    public Map<String, Integer> statuses() {
        return statuses;
    }

    public List<StateCoverage> states() {
        return states;
    }

    public List<TransitionCoverage> transitions() {
        return transitions;
    }

    public List<RetryCoverage> retries() {
        return retries;
    }

    public List<ContainerCoverage> containers() {
        return containers;
    }

    public int statesCovered() {
        return (int) states.stream().filter(StateCoverage::covered).count();
    }

    public int transitionsCovered() {
        return (int) transitions.stream().filter(TransitionCoverage::covered).count();
    }

    /** States entered over states defined; 1 for a definition without states. */
    public double stateRatio() {
        return ratio(statesCovered(), states.size());
    }

    /** Transitions taken over transitions defined; 1 for a definition without any. */
    public double transitionRatio() {
        return ratio(transitionsCovered(), transitions.size());
    }

    public List<StateCoverage> statesNeverEntered() {
        return states.stream().filter(s -> !s.covered()).toList();
    }

    public List<TransitionCoverage> transitionsNeverTaken() {
        return transitions.stream().filter(t -> !t.covered()).toList();
    }

    /** The Choice rules (not {@code Default}) that never decided a Choice. */
    public List<TransitionCoverage> choiceRulesNeverTrue() {
        return transitions.stream().filter(t -> !t.covered() && t.kind().equals("choice")).toList();
    }

    /** Every state, transition and Retry rule the run never exercised, one line each with its place. */
    public List<String> missed() {
        List<String> lines = new ArrayList<>();
        for (StateCoverage s : statesNeverEntered()) {
            lines.add("state " + s.name() + " never entered, " + where(s.pointer(), s.position()));
        }
        for (TransitionCoverage t : transitionsNeverTaken()) {
            lines.add("transition " + t.describe() + " never taken, " + where(t.pointer(), t.position()));
        }
        for (RetryCoverage r : retries) {
            if (r.retries() == 0) {
                lines.add("Retry " + r.errorEquals() + " of " + r.state() + " never fired, "
                        + where(r.pointer(), r.position()));
            }
        }
        return lines;
    }

    WorkflowGraph graph() {
        return graph;
    }

    static String where(String pointer, String position) {
        return pointer + (position == null ? "" : " (" + position + ")");
    }

    static double ratio(int covered, int total) {
        return total == 0 ? 1.0 : (double) covered / total;
    }
}
