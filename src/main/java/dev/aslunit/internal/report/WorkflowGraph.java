package dev.aslunit.internal.report;

import dev.aslunit.StateVisit;
import dev.aslunit.internal.definition.Catcher;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.Retrier;
import dev.aslunit.internal.facts.AttemptRecord;
import dev.aslunit.internal.facts.Records;
import dev.aslunit.internal.facts.VisitRecord;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A definition seen as a graph: every state at any depth, every transition a test can take (each
 * {@code Next}, each Choice rule and {@code Default}, each Catch) and every Retry rule, each with
 * its place in the definition. Built once per definition; immutable.
 */
final class WorkflowGraph {

    /** The kinds of transition, as the reports name them. */
    enum Kind { NEXT, CHOICE, DEFAULT, CATCH }

    /** One transition: {@code index} is the Choice rule's or Catch's position (0-based), else -1. */
    record Edge(int id, String from, String to, Kind kind, int index, String label, SourceLocation location) {
    }

    /** One Retry rule of a state. */
    record Retry(int id, String state, int index, Retrier retrier) {
        String label() {
            return String.join(", ", retrier.errorEquals()) + " (MaxAttempts " + retrier.maxAttempts() + ")";
        }
    }

    /** A state machine (the top level, a Parallel branch or a Map's item processor) and its states in order. */
    record Machine(StateMachineDefinition definition, List<String> states) {
    }

    private final StateMachineDefinition definition;
    private final Map<String, State> states = new LinkedHashMap<>();
    private final Map<String, List<Machine>> children = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, List<Edge>> edgesFrom = new LinkedHashMap<>();
    private final List<Retry> retries = new ArrayList<>();
    private final Map<String, List<Retry>> retriesOf = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Machine top;

    WorkflowGraph(StateMachineDefinition definition) {
        this.definition = definition;
        this.top = add(definition);
    }

    private Machine add(StateMachineDefinition machine) {
        List<String> names = new ArrayList<>(machine.states().keySet());
        for (State s : machine.states().values()) {
            states.put(s.name(), s);
            edgesFrom.put(s.name(), new ArrayList<>());
            if (s instanceof ChoiceState) {
                ChoiceState c = (ChoiceState) s;
                for (int i = 0; i < c.choices().size(); i++) {
                    ChoiceState.Choice choice = c.choices().get(i);
                    edge(s, choice.next(), Kind.CHOICE, i, "rule " + (i + 1),
                            choice.location() != null ? choice.location() : s.location());
                }
                if (c.defaultNext() != null) {
                    edge(s, c.defaultNext(), Kind.DEFAULT, -1, "Default", s.location());
                }
            } else if (s.transition() != null && s.transition().next() != null) {
                edge(s, s.transition().next(), Kind.NEXT, -1, "Next", s.location());
            }
            if (s instanceof State.Retryable) {
                List<Catcher> catchers = ((State.Retryable) s).catchers();
                for (int i = 0; i < catchers.size(); i++) {
                    Catcher c = catchers.get(i);
                    edge(s, c.next(), Kind.CATCH, i, "Catch " + String.join(", ", c.errorEquals()),
                            c.location() != null ? c.location() : s.location());
                }
                List<Retry> own = new ArrayList<>();
                List<Retrier> retriers = ((State.Retryable) s).retry();
                for (int i = 0; i < retriers.size(); i++) {
                    Retry r = new Retry(retries.size(), s.name(), i, retriers.get(i));
                    retries.add(r);
                    own.add(r);
                }
                retriesOf.put(s.name(), own);
            }
            List<Machine> nested = new ArrayList<>();
            if (s instanceof ParallelState) {
                for (StateMachineDefinition branch : ((ParallelState) s).branches()) {
                    nested.add(add(branch));
                }
            } else if (s instanceof MapState && ((MapState) s).itemProcessor() != null) {
                nested.add(add(((MapState) s).itemProcessor()));
            }
            if (!nested.isEmpty()) {
                children.put(s.name(), nested);
                for (Machine m : nested) {
                    for (String inner : m.states()) {
                        parents.putIfAbsent(inner, s.name());
                    }
                }
            }
        }
        return new Machine(machine, names);
    }

    private void edge(State from, String to, Kind kind, int index, String label, SourceLocation location) {
        Edge e = new Edge(edges.size(), from.name(), to, kind, index, label, location);
        edges.add(e);
        edgesFrom.get(from.name()).add(e);
    }

    StateMachineDefinition definition() {
        return definition;
    }

    Machine top() {
        return top;
    }

    /** Every state at any depth, in definition order (a container before the states inside it). */
    Map<String, State> states() {
        return Collections.unmodifiableMap(states);
    }

    State state(String name) {
        return states.get(name);
    }

    /** The branches of a Parallel state or the item processor of a Map state; empty for the others. */
    List<Machine> children(String state) {
        return children.getOrDefault(state, List.of());
    }

    /** The Map or Parallel state a state runs in, or {@code null} at the top level. */
    String parentOf(String state) {
        return parents.get(state);
    }

    List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    List<Edge> edgesFrom(String state) {
        return edgesFrom.getOrDefault(state, List.of());
    }

    List<Retry> retries() {
        return Collections.unmodifiableList(retries);
    }

    List<Retry> retriesOf(String state) {
        return retriesOf.getOrDefault(state, List.of());
    }

    /**
     * The transition a visit took, as its record says: the Catch that moved it on, the Choice rule or
     * Default that picked its next state, or its Next; {@code null} when it ended its machine or the
     * execution stopped there.
     */
    Edge taken(StateVisit visit) {
        VisitRecord r = Records.of(visit);
        if (r.next() == null) {
            return null;
        }
        Kind kind = Kind.NEXT;
        int index = -1;
        if (r.caughtBy() != null && r.catcher() >= 0) {
            kind = Kind.CATCH;
            index = r.catcher();
        } else if (r.choiceRule() != VisitRecord.NO_RULE) {
            kind = r.choiceRule() == VisitRecord.DEFAULT_RULE ? Kind.DEFAULT : Kind.CHOICE;
            index = r.choiceRule();
        }
        List<Edge> out = edgesFrom(visit.stateName());
        for (Edge e : out) {
            if (e.kind() == kind && (kind == Kind.NEXT || kind == Kind.DEFAULT || e.index() == index)
                    && e.to().equals(r.next())) {
                return e;
            }
        }
        // a recorded history that names no rule or catcher: the first transition leading there
        for (Edge e : out) {
            if (e.to().equals(r.next())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The Retry rule that retried each failed attempt of a visit, and the rule that matched its last
     * failed attempt with no attempts left, as its record says.
     */
    RetryUse retriesIn(StateVisit visit) {
        List<Retry> own = retriesOf(visit.stateName());
        int[] fired = new int[own.size()];
        Retry exhausted = null;
        for (AttemptRecord a : Records.of(visit).attempts()) {
            if (a.retried() && a.retrier() < own.size()) {
                fired[a.retrier()]++;
            } else if (a.retriesExhausted() && a.retrier() < own.size()) {
                exhausted = own.get(a.retrier());
            }
        }
        return new RetryUse(own, fired, exhausted);
    }

    /** What one visit did with its state's Retry rules. */
    record RetryUse(List<Retry> rules, int[] fired, Retry exhausted) {
        int total() {
            int n = 0;
            for (int f : fired) {
                n += f;
            }
            return n;
        }
    }

    /** {@code /States/X} (or deeper), as the definition's source map has it. */
    static String pointer(State s) {
        return s.location() != null ? s.location().pointer() : "/States/" + s.name();
    }

    /** {@code file:line:col}, the file alone, or {@code null} when the definition came from a string. */
    static String position(SourceLocation at) {
        if (at == null || at.file() == null) {
            return null;
        }
        return at.hasLineAndColumn() ? at.file() + ":" + at.line() + ":" + at.column() : at.file();
    }
}
