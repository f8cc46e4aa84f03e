package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.QueryLanguage;
import dev.aslunit.internal.definition.Retrier;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.path.ChoiceRuleEvaluator;
import dev.aslunit.internal.path.PathScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Reads a history recorded elsewhere (on AWS, or saved from an earlier run) into the {@link Fact}s
 * the engine would have written: the adapter that lets a recorded history be asserted on like a live
 * execution. Everything here is inference from AWS's events, which say less than the engine knows:
 *
 * <ul>
 *   <li>the events of Map iterations and Parallel branches carry no scope: state names are unique in
 *       a definition, so a state's place in the definition says which Map or Parallel it runs under,
 *       and {@code previousEventId} (which chains the events of one iteration or branch) says which
 *       run of it;</li>
 *   <li>a Map's or Parallel's retry writes no failure event: the next {@code MapStateStarted} ends
 *       the attempt before it;</li>
 *   <li>a Fail state's error is its definition's, when that is a literal;</li>
 *   <li>which retrier, catcher or Choice rule acted is not in the history: the retrier is the first
 *       whose {@code ErrorEquals} matches the attempt's error (AWS's rule), the catcher the first that
 *       matches and leads where the execution went; a Choice rule is the one leading there, and when
 *       several rules (or a rule and {@code Default}) lead there, a JSONPath Choice's rules are
 *       evaluated again on the state's input, else the first of them is taken.</li>
 * </ul>
 */
public final class AwsHistoryFacts {

    /** Where a state sits in the definition: under which Map or Parallel state, in which branch. */
    private record Placement(String container, int branch) {
    }

    private final List<Fact> facts = new ArrayList<>();
    private final ExecutionRecord record = new ExecutionRecord();
    private final Map<String, State> statesByName = new HashMap<>();
    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<Long, VisitRecord> visitOfEvent = new HashMap<>();
    private final Map<Long, ScopeRecord> scopeOfEvent = new HashMap<>();
    private final Map<Long, Instant> timeOfEvent = new HashMap<>();
    private final Map<VisitRecord, Integer> visitIds = new IdentityHashMap<>();
    private final Map<ScopeRecord, Integer> scopeIds = new IdentityHashMap<>();
    private final List<ScopeRecord> allScopes = new ArrayList<>();
    /** The error a {@code MapRunFailed} gave the Map's attempt, written when the attempt ends. */
    private final Map<VisitRecord, String[]> mapRunErrors = new IdentityHashMap<>();
    private final Map<String, List<ChoiceRuleEvaluator>> compiledChoices = new HashMap<>();
    private VisitRecord lastVisit;

    private AwsHistoryFacts(StateMachineDefinition definition) {
        scopeIds.put(record.top(), 0);
        if (definition != null) {
            place(definition, null, 0);
        }
    }

    /** The facts {@code history} tells of an execution of {@code definition} (which may be {@code null}). */
    public static List<Fact> read(StateMachineDefinition definition, List<HistoryEvent> history) {
        AwsHistoryFacts reader = new AwsHistoryFacts(definition);
        for (HistoryEvent event : history) {
            reader.apply(event);
        }
        reader.retriesExhausted();
        return List.copyOf(reader.facts);
    }

    private void place(StateMachineDefinition machine, String container, int branch) {
        for (State state : machine.states().values()) {
            statesByName.putIfAbsent(state.name(), state);
            placements.putIfAbsent(state.name(), new Placement(container, branch));
            if (state instanceof ParallelState) {
                List<StateMachineDefinition> branches = ((ParallelState) state).branches();
                for (int i = 0; i < branches.size(); i++) {
                    place(branches.get(i), state.name(), i);
                }
            } else if (state instanceof MapState && ((MapState) state).itemProcessor() != null) {
                place(((MapState) state).itemProcessor(), state.name(), -1);
            }
        }
    }

    private void add(Fact fact) {
        facts.add(fact);
        record.apply(fact);
    }

    private void apply(HistoryEvent e) {
        timeOfEvent.put(e.id(), e.timestamp());
        String type = e.type();
        ObjectNode d = e.details();
        if (type.endsWith("StateEntered")) {
            entered(e, type.substring(0, type.length() - "StateEntered".length()));
        } else if (type.endsWith("StateExited")) {
            exited(e);
        } else if (type.equals("MapStateStarted") || type.equals("ParallelStateStarted")) {
            VisitRecord v = containerVisit(e, type.startsWith("Map") ? "Map" : "Parallel");
            if (v != null) {
                int id = visitIds.get(v);
                AttemptRecord previous = v.lastAttempt();
                if (previous != null && previous.outcome() == ExecutionStatus.RUNNING) {
                    add(new Fact.AttemptEnded(id, timeOfEvent.getOrDefault(e.previousEventId(), e.timestamp()),
                            ExecutionStatus.FAILED, null, null));
                }
                retried(v, e.timestamp());
                add(new Fact.AttemptStarted(id, e.timestamp(), null, null));
                if (v.type().equals("Parallel") && statesByName.get(v.state()) instanceof ParallelState) {
                    int n = ((ParallelState) statesByName.get(v.state())).branches().size();
                    for (int i = 0; i < n; i++) {
                        newScope(v, i);
                    }
                }
                visitOfEvent.put(e.id(), v);
                scopeOfEvent.put(e.id(), v.scope());
            }
        } else if (type.equals("MapIterationStarted")) {
            VisitRecord v = namedVisit(e, text(d, "name"));
            if (v != null) {
                ScopeRecord s = newScope(v, d.path("index").asInt());
                scopeOfEvent.put(e.id(), s);
                visitOfEvent.put(e.id(), v);
            }
        } else if (type.startsWith("MapIteration")) {
            ScopeRecord s = iterationScope(e, text(d, "name"), d.path("index").asInt());
            if (s != null) {
                add(new Fact.ScopeEnded(scopeIds.get(s), outcome(type.substring("MapIteration".length()))));
                scopeOfEvent.put(e.id(), s.container().scope());
                visitOfEvent.put(e.id(), s.container());
            }
        } else if (type.startsWith("MapState") || type.startsWith("ParallelState") || type.startsWith("MapRun")) {
            VisitRecord v = containerVisit(e, type.startsWith("Parallel") ? "Parallel" : "Map");
            if (v != null) {
                track(e, v);
                int id = visitIds.get(v);
                if (type.startsWith("MapRun") && type.endsWith("Failed") && v.lastAttempt() != null) {
                    mapRunErrors.put(v, new String[] {text(d, "error"), text(d, "cause")});
                } else if (!type.startsWith("MapRun") && v.lastAttempt() != null) {
                    String[] error = mapRunErrors.remove(v);
                    add(new Fact.AttemptEnded(id, e.timestamp(), outcome(type.substring(type.indexOf("State") + "State".length())),
                            error == null ? null : error[0], error == null ? null : error[1]));
                }
                if (type.endsWith("Aborted") && !type.startsWith("MapRun")) {
                    add(new Fact.Aborted(id, e.timestamp()));
                }
            }
        } else if (type.equals("EvaluationFailed")) {
            VisitRecord v = visitOfEvent.get(e.previousEventId());
            if (v == null || (d != null && d.hasNonNull("state") && !v.state().equals(text(d, "state")))) {
                v = lastOpenVisitNamed(text(d, "state"));
            }
            if (v != null) {
                track(e, v);
                add(new Fact.Failed(visitIds.get(v), text(d, "error"), text(d, "cause")));
            }
        } else if (isAttemptStart(type)) {
            VisitRecord v = ownerVisit(e);
            if (v != null) {
                track(e, v);
                retried(v, e.timestamp());
                add(new Fact.AttemptStarted(visitIds.get(v), e.timestamp(), text(d, "resource"),
                        fromHistory(d == null ? null : d.has("parameters") ? d.get("parameters") : d.get("input"))));
            }
        } else if (type.equals("ExecutionStarted")) {
            add(new Fact.Started(e.timestamp(), fromHistory(d == null ? null : d.get("input"))));
        } else if (type.equals("ExecutionRedriven")) {
            add(new Fact.Redriven(e.timestamp()));
        } else if (isExecutionEnd(type)) {
            boolean succeeded = type.equals("ExecutionSucceeded");
            add(new Fact.Ended(status(type), e.timestamp(), succeeded ? fromHistory(d == null ? null : d.get("output")) : null,
                    succeeded ? null : text(d, "error"), succeeded ? null : causeText(d)));
        } else if (!type.startsWith("Execution")) {
            taskEvent(e, type, d);
        }
    }

    private void taskEvent(HistoryEvent e, String type, ObjectNode d) {
        VisitRecord v = ownerVisit(e);
        if (v == null) {
            return;
        }
        track(e, v);
        int id = visitIds.get(v);
        if (type.endsWith("ScheduleFailed")) {
            // the call never got scheduled: still an attempt, failed at once
            retried(v, e.timestamp());
            add(new Fact.AttemptStarted(id, e.timestamp(), null, null));
        }
        AttemptRecord a = v.lastAttempt();
        if (a != null && a.outcome() == ExecutionStatus.RUNNING) {
            ExecutionStatus outcome = type.endsWith("Succeeded") ? ExecutionStatus.SUCCEEDED
                    : type.endsWith("TimedOut") ? ExecutionStatus.TIMED_OUT
                    : type.endsWith("Failed") ? ExecutionStatus.FAILED : null;
            if (outcome != null) {
                boolean failed = outcome != ExecutionStatus.SUCCEEDED;
                add(new Fact.AttemptEnded(id, e.timestamp(), outcome, failed ? text(d, "error") : null,
                        failed ? causeText(d) : null));
            }
        }
        if (type.endsWith("StateAborted")) {
            add(new Fact.Aborted(id, e.timestamp()));
        }
    }

    private void entered(HistoryEvent e, String type) {
        String name = e.stateName();
        ScopeRecord scope = scopeFor(e, name);
        VisitRecord before = scope.visits.isEmpty() ? null : scope.visits.get(scope.visits.size() - 1);
        int id = visitIds.size() + 1;
        add(new Fact.Entered(id, scopeIds.get(scope), name, type, e.timestamp(),
                fromHistory(e.details() == null ? null : e.details().get("input"))));
        VisitRecord v = record.visit(id);
        visitIds.put(v, id);
        track(e, v);
        lastVisit = v;
        if (before != null && name.equals(before.next())) {
            decided(before);
        }
        if (statesByName.get(name) instanceof FailState fail && fail.error() != null && fail.error().isTextual()
                && !fail.error().asText().startsWith("{%")) {
            add(new Fact.Failed(id, fail.error().asText(),
                    fail.cause() != null && fail.cause().isTextual() && !fail.cause().asText().startsWith("{%")
                            ? fail.cause().asText() : null));
        }
    }

    private void exited(HistoryEvent e) {
        String name = e.stateName();
        ScopeRecord scope = scopeFor(e, name);
        VisitRecord v = scope.open != null && scope.open.state().equals(name) ? scope.open : null;
        if (v == null) {
            v = lastOpenVisitNamed(name);
        }
        if (v == null) {
            return;
        }
        ObjectNode d = e.details();
        JsonNode assigned = d == null ? null : d.get("assignedVariables");
        Map<String, JsonNode> vars = null;
        if (assigned != null && assigned.isObject()) {
            Map<String, JsonNode> read = new java.util.LinkedHashMap<>();
            assigned.fields().forEachRemaining(f -> read.put(f.getKey(), fromHistory(f.getValue())));
            vars = read;
        }
        add(new Fact.Exited(visitIds.get(v), e.timestamp(), fromHistory(d == null ? null : d.get("output")), vars));
        track(e, v);
    }

    /** The retrier that retried {@code v}'s failed attempt, now that another attempt starts at {@code at}. */
    private void retried(VisitRecord v, Instant at) {
        AttemptRecord last = v.lastAttempt();
        if (last != null && last.failed() && last.error() != null && last.retrier() < 0
                && statesByName.get(v.state()) instanceof State.Retryable state) {
            int i = firstMatching(state.retry(), last.error());
            if (i >= 0) {
                add(new Fact.Retried(visitIds.get(v), i, last.endedAt() == null ? Duration.ZERO
                        : Duration.between(last.endedAt(), at)));
            }
        }
    }

    /** The retrier that matched a visit's last failed attempt after it had retried {@code MaxAttempts} times. */
    private void retriesExhausted() {
        for (VisitRecord v : record.visits()) {
            AttemptRecord last = v.lastAttempt();
            if (last == null || !last.failed() || last.error() == null
                    || !(statesByName.get(v.state()) instanceof State.Retryable state)) {
                continue;
            }
            int i = firstMatching(state.retry(), last.error());
            int retried = 0;
            for (AttemptRecord a : v.attempts()) {
                retried += a.retrier() == i && a.retried() ? 1 : 0;
            }
            if (i >= 0 && retried >= state.retry().get(i).maxAttempts()) {
                add(new Fact.Retried(visitIds.get(v), i, null));
            }
        }
    }

    private static int firstMatching(List<Retrier> retriers, String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (ErrorEquals.matches(retriers.get(i).errorEquals(), error)) {
                return i;
            }
        }
        return -1;
    }

    /** Which Choice rule or catcher sent {@code v} to its next state. */
    private void decided(VisitRecord v) {
        State state = statesByName.get(v.state());
        if (state instanceof ChoiceState choice) {
            int rule = rule(choice, v.input(), v.next());
            if (rule != VisitRecord.NO_RULE) {
                add(new Fact.Chose(visitIds.get(v), rule, v.next()));
            }
        } else if (v.caughtBy() != null && state instanceof State.Retryable retryable) {
            int fallback = -1;
            for (int i = 0; i < retryable.catchers().size(); i++) {
                dev.aslunit.internal.definition.Catcher c = retryable.catchers().get(i);
                if (v.next().equals(c.next())) {
                    if (ErrorEquals.matches(c.errorEquals(), v.error())) {
                        add(new Fact.Caught(visitIds.get(v), i, v.next()));
                        return;
                    }
                    fallback = fallback < 0 ? i : fallback;
                }
            }
            if (fallback >= 0) {
                add(new Fact.Caught(visitIds.get(v), fallback, v.next()));
            }
        }
    }

    /** The rule (or Default) of {@code choice} that led to {@code next}. */
    private int rule(ChoiceState choice, JsonNode input, String next) {
        int first = VisitRecord.NO_RULE;
        int leadingThere = 0;
        for (int i = 0; i < choice.choices().size(); i++) {
            if (next.equals(choice.choices().get(i).next())) {
                first = first == VisitRecord.NO_RULE ? i : first;
                leadingThere++;
            }
        }
        if (next.equals(choice.defaultNext())) {
            first = first == VisitRecord.NO_RULE ? VisitRecord.DEFAULT_RULE : first;
            leadingThere++;
        }
        if (leadingThere > 1) {
            int held = held(choice, input);
            if (held != VisitRecord.NO_RULE
                    && next.equals(held == VisitRecord.DEFAULT_RULE ? choice.defaultNext() : choice.choices().get(held).next())) {
                return held;
            }
        }
        return first;
    }

    /**
     * The rule that holds on the Choice's input, evaluated again; {@code NO_RULE} when that cannot
     * tell: JSONata, an {@code InputPath}, or a rule reading variables or the context object, which
     * the history does not record.
     */
    private int held(ChoiceState choice, JsonNode input) {
        if (input == null || choice.queryLanguage() != QueryLanguage.JSONPATH || !"$".equals(choice.inputPath())) {
            return VisitRecord.NO_RULE;
        }
        List<ChoiceRuleEvaluator> rules = compiledChoices.computeIfAbsent(choice.name(), k -> {
            List<ChoiceRuleEvaluator> compiled = new ArrayList<>();
            try {
                for (ChoiceState.Choice c : choice.choices()) {
                    compiled.add(ChoiceRuleEvaluator.compile(c.rule()));
                }
            } catch (RuntimeException invalid) {
                return List.of();
            }
            return compiled;
        });
        if (rules.isEmpty()) {
            return VisitRecord.NO_RULE;
        }
        PathScope scope = new InputOnly(input);
        try {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).test(scope)) {
                    return i;
                }
            }
        } catch (RuntimeException cannotTell) {
            return VisitRecord.NO_RULE;
        }
        return VisitRecord.DEFAULT_RULE;
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

    private static boolean isAttemptStart(String type) {
        return type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled")
                || type.equals("ActivityScheduled");
    }

    private static boolean isExecutionEnd(String type) {
        return type.equals("ExecutionSucceeded") || type.equals("ExecutionFailed") || type.equals("ExecutionTimedOut")
                || type.equals("ExecutionAborted");
    }

    private static ExecutionStatus status(String terminalType) {
        switch (terminalType) {
            case "ExecutionSucceeded":
                return ExecutionStatus.SUCCEEDED;
            case "ExecutionFailed":
                return ExecutionStatus.FAILED;
            case "ExecutionTimedOut":
                return ExecutionStatus.TIMED_OUT;
            default:
                return ExecutionStatus.ABORTED;
        }
    }

    private static ExecutionStatus outcome(String suffix) {
        switch (suffix) {
            case "Succeeded":
                return ExecutionStatus.SUCCEEDED;
            case "Failed":
                return ExecutionStatus.FAILED;
            case "Aborted":
                return ExecutionStatus.ABORTED;
            default:
                return ExecutionStatus.RUNNING;
        }
    }

    private ScopeRecord newScope(VisitRecord container, int index) {
        int id = scopeIds.size();
        add(new Fact.ScopeOpened(id, scopeIds.get(container.scope()), visitIds.get(container), index));
        ScopeRecord s = record.scope(id);
        scopeIds.put(s, id);
        allScopes.add(s);
        return s;
    }

    private void track(HistoryEvent e, VisitRecord v) {
        visitOfEvent.put(e.id(), v);
        scopeOfEvent.putIfAbsent(e.id(), v.scope());
    }

    /** The visit a task event belongs to: its predecessor's, else the most recently entered one. */
    private VisitRecord ownerVisit(HistoryEvent e) {
        VisitRecord v = visitOfEvent.get(e.previousEventId());
        return v != null ? v : lastVisit;
    }

    /** The nearest Map or Parallel visit the event's predecessor runs in (or is). */
    private VisitRecord containerVisit(HistoryEvent e, String type) {
        VisitRecord v = visitOfEvent.get(e.previousEventId());
        while (v != null && !v.type().equals(type)) {
            v = v.scope().container();
        }
        if (v == null && e.stateName() != null) {
            v = lastOpenVisitNamed(e.stateName());
        }
        List<VisitRecord> visits = record.visits();
        for (int i = visits.size() - 1; i >= 0 && v == null; i--) {
            if (visits.get(i).type().equals(type) && !visits.get(i).exited()) {
                v = visits.get(i);
            }
        }
        return v;
    }

    private VisitRecord namedVisit(HistoryEvent e, String name) {
        VisitRecord v = visitOfEvent.get(e.previousEventId());
        while (v != null && !v.state().equals(name)) {
            v = v.scope().container();
        }
        return v != null ? v : lastOpenVisitNamed(name);
    }

    private ScopeRecord iterationScope(HistoryEvent e, String mapName, int index) {
        for (ScopeRecord s = scopeOfEvent.get(e.previousEventId()); s != null; s = s.parent()) {
            if (s.container() != null && s.container().state().equals(mapName) && s.index() == index) {
                return s;
            }
        }
        VisitRecord map = lastOpenVisitNamed(mapName);
        if (map != null) {
            for (int i = map.children.size() - 1; i >= 0; i--) {
                if (map.children.get(i).index() == index) {
                    return map.children.get(i);
                }
            }
        }
        return null;
    }

    private VisitRecord lastOpenVisitNamed(String name) {
        List<VisitRecord> named = record.namedVisits(name);
        if (named == null) {
            return null;
        }
        for (int i = named.size() - 1; i >= 0; i--) {
            if (!named.get(i).exited()) {
                return named.get(i);
            }
        }
        return named.get(named.size() - 1);
    }

    /** The scope a state event belongs to, from the state's place in the definition and the event chain. */
    private ScopeRecord scopeFor(HistoryEvent e, String stateName) {
        Placement p = placements.get(stateName);
        if (p == null || p.container() == null) {
            return record.top();
        }
        for (ScopeRecord s = scopeOfEvent.get(e.previousEventId()); s != null; s = s.parent()) {
            if (matches(s, p)) {
                return s;
            }
        }
        for (VisitRecord v = visitOfEvent.get(e.previousEventId()); v != null; v = v.scope().container()) {
            if (v.state().equals(p.container()) && p.branch() >= 0 && p.branch() < v.children.size()) {
                return v.children.get(p.branch());
            }
        }
        for (int i = allScopes.size() - 1; i >= 0; i--) {
            ScopeRecord s = allScopes.get(i);
            if (matches(s, p) && s.outcome() == ExecutionStatus.RUNNING) {
                return s;
            }
        }
        return record.top();
    }

    private static boolean matches(ScopeRecord s, Placement p) {
        return s.container() != null && s.container().state().equals(p.container())
                && (p.branch() < 0 || s.index() == p.branch());
    }

    private static String text(JsonNode d, String field) {
        return d != null && d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    /** A cause as AWS prints it: text stays text, JSON a Lambda put there is shown as JSON. */
    private static String causeText(JsonNode d) {
        if (d == null || !d.hasNonNull("cause")) {
            return null;
        }
        JsonNode cause = d.get("cause");
        return cause.isTextual() ? cause.asText() : cause.toString();
    }

    /**
     * A value of a history event's details: AWS writes {@code input}, {@code output} and the values of
     * {@code assignedVariables} as JSON text; a value that is not JSON text is taken as it is.
     */
    public static JsonNode fromHistory(JsonNode value) {
        if (value != null && value.isTextual()) {
            try {
                return dev.aslunit.internal.json.JsonReading.tree(value.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return value;
            }
        }
        return value;
    }
}
