package dev.aslunit.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateVisit;
import dev.aslunit.TaskAttempt;
import dev.aslunit.internal.definition.Catcher;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.QueryLanguage;
import dev.aslunit.internal.definition.Retrier;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.path.ChoiceRuleEvaluator;
import dev.aslunit.internal.path.PathScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

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
    private final Map<String, List<ChoiceRuleEvaluator>> reevaluable = new LinkedHashMap<>();
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
                compileAmbiguous(c);
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
     * The transition a visit took: the Catch that moved it on, the Choice rule or Default that picked
     * its next state, or its Next; {@code null} when it ended its machine or the history ends there.
     * The history does not say which Choice rule held, only where the execution went: when several
     * rules (or a rule and Default) lead to the same state, a JSONPath Choice's rules are evaluated
     * again on the state's input; when that cannot tell (JSONata, InputPath, variables, the context
     * object), the first of them is counted.
     */
    Edge taken(StateVisit visit) {
        String next = visit.next();
        if (next == null) {
            return null;
        }
        List<Edge> out = edgesFrom(visit.stateName());
        if (visit.caughtBy() != null) {
            Edge fallback = null;
            for (Edge e : out) {
                if (e.kind() == Kind.CATCH && e.to().equals(next)) {
                    Catcher c = ((State.Retryable) state(e.from())).catchers().get(e.index());
                    if (matches(c.errorEquals(), visit.error())) {
                        return e;
                    }
                    fallback = fallback == null ? e : fallback;
                }
            }
            if (fallback != null) {
                return fallback;
            }
        }
        Edge decided = decidedRule(visit, out);
        if (decided != null) {
            return decided;
        }
        for (Kind kind : new Kind[] {Kind.CHOICE, Kind.NEXT, Kind.DEFAULT}) {
            for (Edge e : out) {
                if (e.kind() == kind && e.to().equals(next)) {
                    return e;
                }
            }
        }
        return null;
    }

    /** The Choice rule (or Default) that held on the visit's input, when the target alone is ambiguous. */
    private Edge decidedRule(StateVisit visit, List<Edge> out) {
        List<ChoiceRuleEvaluator> rules = reevaluable.get(visit.stateName());
        if (rules == null || visit.input() == null) {
            return null;
        }
        PathScope scope = new InputOnly(visit.input());
        Kind kind = Kind.DEFAULT;
        int index = -1;
        try {
            for (int i = 0; i < rules.size() && kind == Kind.DEFAULT; i++) {
                if (rules.get(i).test(scope)) {
                    kind = Kind.CHOICE;
                    index = i;
                }
            }
        } catch (RuntimeException cannotTell) {
            return null;
        }
        for (Edge e : out) {
            if (e.kind() == kind && e.index() == index && e.to().equals(visit.next())) {
                return e;
            }
        }
        return null;
    }

    /** Rules read only {@code $}: the context object and variables are not in the history's Choice input. */
    private record InputOnly(JsonNode input) implements PathScope {
        @Override
        public JsonNode context() {
            throw new IllegalStateException("$$ is not recorded");
        }

        @Override
        public JsonNode variable(String name) {
            throw new IllegalStateException("$" + name + " is not recorded");
        }

        @Override
        public RandomGenerator random() {
            throw new IllegalStateException("no randomness in a Choice rule");
        }
    }

    /** JSONPath Choices without InputPath whose targets repeat: their rules, compiled once to tell them apart. */
    private void compileAmbiguous(ChoiceState c) {
        java.util.Set<String> targets = new java.util.HashSet<>();
        boolean ambiguous = false;
        for (ChoiceState.Choice choice : c.choices()) {
            ambiguous |= !targets.add(choice.next());
        }
        ambiguous |= c.defaultNext() != null && targets.contains(c.defaultNext());
        if (!ambiguous || c.queryLanguage() != QueryLanguage.JSONPATH || !"$".equals(c.inputPath())) {
            return;
        }
        List<ChoiceRuleEvaluator> rules = new ArrayList<>();
        try {
            for (ChoiceState.Choice choice : c.choices()) {
                rules.add(ChoiceRuleEvaluator.compile(choice.rule()));
            }
        } catch (RuntimeException invalid) {
            return;
        }
        reevaluable.put(c.name(), rules);
    }

    /**
     * The Retry rule that retried each failed attempt of a visit (AWS takes the first rule whose
     * ErrorEquals matches), and the rule that ran out of attempts, if the last attempt failed with an
     * error a rule matches and that rule had already retried MaxAttempts times.
     */
    RetryUse retriesIn(StateVisit visit) {
        List<Retry> own = retriesOf(visit.stateName());
        int[] fired = new int[own.size()];
        List<TaskAttempt> attempts = visit.attempts();
        for (int i = 0; i < attempts.size() - 1; i++) {
            Retry r = firstMatching(own, attempts.get(i).error());
            if (r != null) {
                fired[r.index()]++;
            }
        }
        Retry exhausted = null;
        TaskAttempt last = visit.lastAttempt();
        if (last != null && last.failed()) {
            Retry r = firstMatching(own, last.error());
            if (r != null && fired[r.index()] >= r.retrier().maxAttempts()) {
                exhausted = r;
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

    private static Retry firstMatching(List<Retry> rules, String error) {
        for (Retry r : rules) {
            if (matches(r.retrier().errorEquals(), error)) {
                return r;
            }
        }
        return null;
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

    /** Whether a Retry's or Catch's {@code ErrorEquals} matches an error, with AWS's wildcard rules. */
    static boolean matches(List<String> errorEquals, String error) {
        if (error == null) {
            return false;
        }
        for (String e : errorEquals) {
            if (e.equals(error) || e.equals("States.ALL")
                    || (e.equals("States.TaskFailed") && !error.equals("States.Timeout")
                            && !error.equals("States.HeartbeatTimeout"))) {
                return true;
            }
        }
        return false;
    }
}
