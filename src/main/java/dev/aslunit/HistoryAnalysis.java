package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.FailState;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.history.HistoryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the facts tests assert on from an AWS-format history alone: visits per scope, attempts and
 * backoff, catches, Choice decisions, variables, Map iterations and Parallel branches.
 *
 * <p>AWS's events of Map iterations and Parallel branches carry no scope; state names are unique in
 * a definition, so a state's place in the definition says which Map or Parallel it runs under, and
 * {@code previousEventId} (which chains the events of one iteration or branch) says which run of it.
 */
final class HistoryAnalysis {

    /** Where a state sits in the definition: under which Map or Parallel state, in which branch. */
    private record Placement(String container, int branch) {
    }

    final Scope top = new Scope(null, null, 0);
    final List<StateVisit> visits = new ArrayList<>();
    final Map<String, List<StateVisit>> visitsByState = new LinkedHashMap<>();
    final List<String> entered = new ArrayList<>();
    final Map<String, State> statesByName = new LinkedHashMap<>();

    private final Map<String, Placement> placements = new HashMap<>();
    private final Map<Long, StateVisit> visitOfEvent = new HashMap<>();
    private final Map<Long, Scope> scopeOfEvent = new HashMap<>();
    private final Map<Long, java.time.Instant> timeOfEvent = new HashMap<>();
    private final List<Scope> allScopes = new ArrayList<>();
    private StateVisit lastVisit;

    HistoryAnalysis(StateMachineDefinition definition, List<HistoryEvent> history) {
        if (definition != null) {
            place(definition, null, 0);
        }
        for (HistoryEvent event : history) {
            apply(event);
        }
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

    private void apply(HistoryEvent e) {
        timeOfEvent.put(e.id(), e.timestamp());
        String type = e.type();
        ObjectNode d = e.details();
        if (type.endsWith("StateEntered")) {
            entered(e, type.substring(0, type.length() - "StateEntered".length()));
        } else if (type.endsWith("StateExited")) {
            exited(e);
        } else if (type.equals("MapStateStarted") || type.equals("ParallelStateStarted")) {
            StateVisit v = containerVisit(e, type.startsWith("Map") ? "Map" : "Parallel");
            if (v != null) {
                TaskAttempt previous = v.lastAttempt();
                if (previous != null && previous.outcome() == TaskAttempt.Outcome.RUNNING) {
                    // AWS writes no MapStateFailed between attempts: the retry's start ends the previous one
                    previous.outcome = TaskAttempt.Outcome.FAILED;
                    previous.endedAt = timeOfEvent.getOrDefault(e.previousEventId(), e.timestamp());
                }
                startAttempt(v, e, null);
                v.children.clear();
                v.openChildren = 0;
                v.maxConcurrencyObserved = 0;
                if (v.type().equals("Parallel") && statesByName.get(v.stateName()) instanceof ParallelState) {
                    int n = ((ParallelState) statesByName.get(v.stateName())).branches().size();
                    for (int i = 0; i < n; i++) {
                        newScope(v, i);
                    }
                }
                visitOfEvent.put(e.id(), v);
                scopeOfEvent.put(e.id(), v.scope);
            }
        } else if (type.equals("MapIterationStarted")) {
            StateVisit v = namedVisit(e, text(d, "name"));
            if (v != null) {
                Scope s = newScope(v, d.path("index").asInt());
                v.openChildren++;
                v.maxConcurrencyObserved = Math.max(v.maxConcurrencyObserved, v.openChildren);
                scopeOfEvent.put(e.id(), s);
                visitOfEvent.put(e.id(), v);
            }
        } else if (type.startsWith("MapIteration")) {
            Scope s = iterationScope(e, text(d, "name"), d.path("index").asInt());
            if (s != null) {
                s.outcome = outcome(type.substring("MapIteration".length()));
                s.container.openChildren--;
                scopeOfEvent.put(e.id(), s.container.scope);
                visitOfEvent.put(e.id(), s.container);
            }
        } else if (type.startsWith("MapState") || type.startsWith("ParallelState") || type.startsWith("MapRun")) {
            StateVisit v = containerVisit(e, type.startsWith("Parallel") ? "Parallel" : "Map");
            if (v != null) {
                track(e, v);
                TaskAttempt a = v.lastAttempt();
                if (type.startsWith("MapRun") && type.endsWith("Failed") && a != null) {
                    a.error = text(d, "error");
                    a.cause = text(d, "cause");
                } else if (!type.startsWith("MapRun") && a != null) {
                    end(a, e, outcome(type.substring(type.indexOf("State") + "State".length())));
                    if (a.failed()) {
                        propagate(v, a.error, a.cause);
                    }
                }
                if (type.endsWith("Aborted") && !type.startsWith("MapRun")) {
                    v.aborted = true;
                }
            }
        } else if (type.equals("EvaluationFailed")) {
            StateVisit v = visitOf(e.previousEventId());
            if (v == null || (d != null && d.hasNonNull("state") && !v.stateName().equals(text(d, "state")))) {
                v = lastOpenVisitNamed(text(d, "state"));
            }
            if (v != null) {
                track(e, v);
                v.error = text(d, "error");
                v.cause = text(d, "cause");
                propagate(v, v.error, v.cause);
            }
        } else if (isAttemptStart(type)) {
            StateVisit v = ownerVisit(e);
            if (v != null) {
                track(e, v);
                startAttempt(v, e, text(d, "resource"));
            }
        } else if (!type.startsWith("Execution")) {
            StateVisit v = ownerVisit(e);
            if (v != null) {
                track(e, v);
                if (type.endsWith("ScheduleFailed")) {
                    // the call never got scheduled: still an attempt, failed at once
                    startAttempt(v, e, null);
                }
                TaskAttempt a = v.lastAttempt();
                if (a != null && a.outcome() == TaskAttempt.Outcome.RUNNING) {
                    if (type.endsWith("Succeeded")) {
                        end(a, e, TaskAttempt.Outcome.SUCCEEDED);
                    } else if (type.endsWith("TimedOut")) {
                        end(a, e, TaskAttempt.Outcome.TIMED_OUT);
                    } else if (type.endsWith("Failed")) {
                        end(a, e, TaskAttempt.Outcome.FAILED);
                    }
                    if (a.failed()) {
                        a.error = text(d, "error");
                        a.cause = causeText(d);
                        propagate(v, a.error, a.cause);
                    }
                }
                if (type.endsWith("StateAborted")) {
                    v.aborted = true;
                    if (a != null && a.outcome() == TaskAttempt.Outcome.RUNNING) {
                        end(a, e, TaskAttempt.Outcome.ABORTED);
                    }
                }
            }
        }
    }

    private void entered(HistoryEvent e, String type) {
        String name = e.stateName();
        Scope scope = scopeFor(e, name);
        StateVisit previous = scope.visits.isEmpty() ? null : scope.visits.get(scope.visits.size() - 1);
        if (previous != null && previous.exited && previous.next == null) {
            previous.next = name;
        }
        StateVisit v = new StateVisit(name, type, scope, e.timestamp(),
                JsonValues.fromHistory(e.details() == null ? null : e.details().get("input")));
        scope.visits.add(v);
        scope.open = v;
        visits.add(v);
        visitsByState.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        entered.add(name);
        track(e, v);
        lastVisit = v;
        State state = statesByName.get(name);
        if (state instanceof FailState) {
            FailState fail = (FailState) state;
            if (fail.error() != null && fail.error().isTextual() && !fail.error().asText().startsWith("{%")) {
                v.error = fail.error().asText();
                v.cause = fail.cause() != null && fail.cause().isTextual() ? fail.cause().asText() : null;
                propagate(v, v.error, v.cause);
            }
        }
    }

    private void exited(HistoryEvent e) {
        String name = e.stateName();
        Scope scope = scopeFor(e, name);
        StateVisit v = scope.open != null && scope.open.stateName().equals(name) ? scope.open : null;
        if (v == null) {
            v = lastOpenVisitNamed(name);
        }
        if (v == null) {
            return;
        }
        ObjectNode d = e.details();
        v.exited = true;
        v.exitedAt = e.timestamp();
        v.output = JsonValues.fromHistory(d == null ? null : d.get("output"));
        JsonNode assigned = d == null ? null : d.get("assignedVariables");
        if (assigned != null && assigned.isObject()) {
            Map<String, JsonNode> vars = new LinkedHashMap<>();
            assigned.fields().forEachRemaining(f -> vars.put(f.getKey(), JsonValues.fromHistory(f.getValue())));
            v.assignedVariables = java.util.Collections.unmodifiableMap(vars);
            v.scope.variables.putAll(vars);
        }
        v.variablesAfter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v.scope.variables));
        if (v.scope.open == v) {
            v.scope.open = null;
        }
        track(e, v);
    }

    private static boolean isAttemptStart(String type) {
        return type.equals("TaskScheduled") || type.equals("LambdaFunctionScheduled")
                || type.equals("ActivityScheduled");
    }

    private void startAttempt(StateVisit v, HistoryEvent e, String resource) {
        TaskAttempt previous = v.lastAttempt();
        Duration delay = previous == null || previous.endedAt() == null
                ? null : Duration.between(previous.endedAt(), e.timestamp());
        v.attempts.add(new TaskAttempt(v.attempts.size() + 1, e.timestamp(), resource, delay));
    }

    private static void end(TaskAttempt a, HistoryEvent e, TaskAttempt.Outcome outcome) {
        a.outcome = outcome;
        a.endedAt = e.timestamp();
    }

    private static TaskAttempt.Outcome outcome(String suffix) {
        switch (suffix) {
            case "Succeeded":
                return TaskAttempt.Outcome.SUCCEEDED;
            case "Failed":
                return TaskAttempt.Outcome.FAILED;
            case "Aborted":
                return TaskAttempt.Outcome.ABORTED;
            default:
                return TaskAttempt.Outcome.RUNNING;
        }
    }

    /** A failure inside a Map iteration or Parallel branch becomes the error of the container's attempt. */
    private static void propagate(StateVisit v, String error, String cause) {
        StateVisit container = v.scope.container;
        if (container != null && container.lastAttempt() != null && error != null) {
            container.lastAttempt().error = error;
            container.lastAttempt().cause = cause;
        }
    }

    private Scope newScope(StateVisit container, int index) {
        Scope s = new Scope(container.scope, container, index);
        container.children.add(s);
        allScopes.add(s);
        return s;
    }

    private void track(HistoryEvent e, StateVisit v) {
        visitOfEvent.put(e.id(), v);
        scopeOfEvent.putIfAbsent(e.id(), v.scope);
    }

    private StateVisit visitOf(long eventId) {
        return visitOfEvent.get(eventId);
    }

    /** The visit a task event belongs to: its predecessor's, else the most recently entered open one. */
    private StateVisit ownerVisit(HistoryEvent e) {
        StateVisit v = visitOf(e.previousEventId());
        return v != null ? v : lastVisit;
    }

    /** The nearest Map or Parallel visit the event's predecessor runs in (or is). */
    private StateVisit containerVisit(HistoryEvent e, String type) {
        StateVisit v = visitOf(e.previousEventId());
        while (v != null && !v.type().equals(type)) {
            v = v.scope.container;
        }
        if (v == null && e.stateName() != null) {
            v = lastOpenVisitNamed(e.stateName());
        }
        if (v == null) {
            for (int i = visits.size() - 1; i >= 0 && v == null; i--) {
                if (visits.get(i).type().equals(type) && !visits.get(i).exited) {
                    v = visits.get(i);
                }
            }
        }
        return v;
    }

    private StateVisit namedVisit(HistoryEvent e, String name) {
        StateVisit v = visitOf(e.previousEventId());
        while (v != null && !v.stateName().equals(name)) {
            v = v.scope.container;
        }
        return v != null ? v : lastOpenVisitNamed(name);
    }

    private Scope iterationScope(HistoryEvent e, String mapName, int index) {
        Scope s = scopeOfEvent.get(e.previousEventId());
        for (; s != null; s = s.parent) {
            if (s.container != null && s.container.stateName().equals(mapName) && s.index == index) {
                return s;
            }
        }
        StateVisit map = lastOpenVisitNamed(mapName);
        if (map != null) {
            for (int i = map.children.size() - 1; i >= 0; i--) {
                if (map.children.get(i).index == index) {
                    return map.children.get(i);
                }
            }
        }
        return null;
    }

    private StateVisit lastOpenVisitNamed(String name) {
        List<StateVisit> named = visitsByState.get(name);
        if (named == null) {
            return null;
        }
        for (int i = named.size() - 1; i >= 0; i--) {
            if (!named.get(i).exited) {
                return named.get(i);
            }
        }
        return named.get(named.size() - 1);
    }

    /** The scope a state event belongs to, from the state's place in the definition and the event chain. */
    private Scope scopeFor(HistoryEvent e, String stateName) {
        Placement p = placements.get(stateName);
        if (p == null || p.container() == null) {
            return top;
        }
        for (Scope s = scopeOfEvent.get(e.previousEventId()); s != null; s = s.parent) {
            if (matches(s, p)) {
                return s;
            }
        }
        StateVisit before = visitOf(e.previousEventId());
        for (StateVisit v = before; v != null; v = v.scope.container) {
            if (v.stateName().equals(p.container()) && p.branch() >= 0 && p.branch() < v.children.size()) {
                return v.children.get(p.branch());
            }
        }
        for (int i = allScopes.size() - 1; i >= 0; i--) {
            Scope s = allScopes.get(i);
            if (matches(s, p) && s.outcome == TaskAttempt.Outcome.RUNNING) {
                return s;
            }
        }
        return top;
    }

    private static boolean matches(Scope s, Placement p) {
        return s.container != null && s.container.stateName().equals(p.container())
                && (p.branch() < 0 || s.index == p.branch());
    }

    static String text(JsonNode d, String field) {
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
}
