package dev.aslunit.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.Execution;
import dev.aslunit.StateVisit;
import dev.aslunit.internal.facts.AttemptRecord;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Records;
import dev.aslunit.internal.facts.ScopeRecord;
import dev.aslunit.internal.facts.VisitRecord;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TestState requests that re-run an execution's path on an endpoint, one per state visit and, for
 * a state that AWS retries (Task, Map, Parallel), one per attempt; and the visits TestState cannot
 * re-run faithfully, each with the reason. Everything comes from the engine's records of the run.
 */
final class Walk {

    /** One visit or attempt of the path: a request to make, or why none is made ({@code call} {@code null}). */
    record Step(String state, String place, StateCall call, String notVerified) {
    }

    /** Text in a state's own fields that TestState would evaluate otherwise than the run did. */
    private static final String[][] UNREPEATABLE = {
        {"$$.Map", "it reads the Map's item from the context object, which TestState cannot be given"},
        {"$states.context.Map", "it reads the Map's item from the context object, which TestState cannot be given"},
        {"States.UUID", "it draws random values"},
        {"States.MathRandom", "it draws random values"},
        {"$uuid(", "it draws random values"},
        {"$random(", "it draws random values"},
        {"$now(", "it reads the clock"},
        {"$millis(", "it reads the clock"},
    };

    private final String definitionText;
    private final String roleArn;
    private final Map<String, JsonNode> states = new LinkedHashMap<>();

    Walk(JsonNode definition, String roleArn) {
        this.definitionText = Json.write(definition);
        this.roleArn = roleArn;
        index(definition);
    }

    /** Every state of the definition, nested ones included, in the definition's order. */
    List<String> stateNames() {
        return List.copyOf(states.keySet());
    }

    private void index(JsonNode machine) {
        JsonNode children = machine.path("States");
        children.fields().forEachRemaining(e -> {
            states.putIfAbsent(e.getKey(), e.getValue());
            JsonNode state = e.getValue();
            state.path("Branches").forEach(this::index);
            if (state.has("ItemProcessor")) {
                index(state.get("ItemProcessor"));
            } else if (state.has("Iterator")) {
                index(state.get("Iterator"));
            }
        });
    }

    List<Step> steps(Execution execution) {
        List<Step> out = new ArrayList<>();
        for (StateVisit visit : execution.visits()) {
            steps(execution, Records.of(visit), out);
        }
        return out;
    }

    private void steps(Execution run, VisitRecord v, List<Step> out) {
        String execution = run.name();
        String scope = v.scope().label().isEmpty() ? "" : "in " + v.scope().label();
        String place = place(v.state(), scope, "");
        JsonNode state = states.get(v.state());
        String reason = notVerified(v, state);
        boolean readsContext = false;
        if (reason == null && state != null) {
            String own = ownFields(state);
            readsContext = own.contains("$$") || own.contains("$states.context");
            if (readsContext && ContextObject.redriven(run)) {
                reason = "it reads the context object, which a redrive changed during the run";
            } else if (readsContext && requestless(state).contains("Task.Token")) {
                reason = "it reads the task token beyond its request, and the run keeps no spent token";
            }
        }
        if (reason != null) {
            out.add(new Step(v.state(), place, null, reason));
            return;
        }
        String input = Json.write(v.input());
        String variables = variables(v);
        boolean retried = "Task".equals(v.type()) || "Map".equals(v.type()) || "Parallel".equals(v.type());
        if (!retried && readsContext) {
            // TestState takes a context only together with a mock (API reference, TestState "context")
            out.add(new Step(v.state(), place, null, "it reads the context object, which TestState takes only with"
                    + " a mocked Task, Map or Parallel"));
            return;
        }
        if (!retried) {
            out.add(new Step(v.state(), place, new StateCall(execution, v.state(), place, definitionText, input,
                    variables, null, null, null, null, null, null, null, roleArn, outcome(v)), null));
            return;
        }
        List<AttemptRecord> attempts = v.attempts();
        for (int k = 0; k < attempts.size(); k++) {
            AttemptRecord a = attempts.get(k);
            boolean last = k == attempts.size() - 1;
            String at = attempts.size() == 1 ? place
                    : place(v.state(), scope, "attempt " + (k + 1) + " of " + attempts.size());
            String result = null;
            if (!a.failed()) {
                result = last ? result(v, a) : null;
                if (result == null) {
                    out.add(new Step(v.state(), at, null, a.outcome() == ExecutionStatus.SUCCEEDED
                            ? "its answer was not recorded" : "the attempt did not end"));
                    continue;
                }
            }
            Integer retryCount = a.failed() && a.retrier() >= 0 ? retriesBefore(attempts, k) : null;
            String causedBy = a.failed() && last ? causedBy(v, a) : null;
            Integer mapFailures = "Map".equals(v.type()) && !a.failed() && last ? toleratedFailures(v) : null;
            Answer expected = a.retried()
                    ? new Answer("RETRIABLE", null, null, a.error(), a.cause())
                    : outcome(v);
            out.add(new Step(v.state(), at, new StateCall(execution, v.state(), at, definitionText, input, variables,
                    result, a.failed() ? a.error() : null, a.failed() ? a.cause() : null, retryCount, causedBy,
                    mapFailures, readsContext ? ContextObject.of(run, v, k) : null, roleArn, expected), null));
        }
    }

    /** {@code Charge}, {@code Charge (attempt 2 of 3)}, {@code Reserve (in EachItem[1], attempt 1 of 2)}. */
    private static String place(String state, String scope, String attempt) {
        String detail = scope.isEmpty() ? attempt : attempt.isEmpty() ? scope : scope + ", " + attempt;
        return detail.isEmpty() ? state : state + " (" + detail + ")";
    }

    /** Why TestState cannot re-run this visit as the execution ran it, or {@code null} when it can. */
    private static String notVerified(VisitRecord v, JsonNode state) {
        if (state == null) {
            return "the definition has no such state";
        }
        if (v.aborted()) {
            return "it was stopped because a sibling branch or iteration failed";
        }
        if (!v.exited() && !v.failed()) {
            return "it had not ended when the test ended";
        }
        String own = ownFields(state);
        for (String[] unrepeatable : UNREPEATABLE) {
            if (own.contains(unrepeatable[0])) {
                return unrepeatable[1] + " (" + unrepeatable[0] + ")";
            }
        }
        if ("Map".equals(v.type())) {
            if (state.has("ItemReader") || state.has("ResultWriter")
                    || "DISTRIBUTED".equals(state.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText())) {
                return "a Distributed Map runs its items as child executions, which TestState does not";
            }
        }
        return null;
    }

    /** The state's JSON without the state machines nested in it (a Map's processor, a Parallel's branches). */
    private static String ownFields(JsonNode state) {
        if (!state.isObject()) {
            return state.toString();
        }
        ObjectNode own = ((ObjectNode) state).deepCopy();
        own.remove(List.of("ItemProcessor", "Iterator", "Branches"));
        return own.toString();
    }

    /** The state's own fields less its request ({@code Parameters}, {@code Arguments}), which a mocked answer makes moot. */
    private static String requestless(JsonNode state) {
        ObjectNode own = ((ObjectNode) state).deepCopy();
        own.remove(List.of("ItemProcessor", "Iterator", "Branches", "Parameters", "Arguments"));
        return own.toString();
    }

    /** How many of a Map's iterations failed within its tolerance; {@code null} for none. */
    private static Integer toleratedFailures(VisitRecord v) {
        long failed = v.iterations().stream().filter(s -> s.outcome() == ExecutionStatus.FAILED).count();
        return failed == 0 ? null : (int) failed;
    }

    /** How the visit ended, as TestState reports a state's end. */
    private static Answer outcome(VisitRecord v) {
        if (v.failed()) {
            return v.caughtBy() != null
                    ? new Answer("CAUGHT_ERROR", text(v.output()), v.next(), v.error(), v.cause())
                    : new Answer("FAILED", null, null, v.error(), v.cause());
        }
        return new Answer("SUCCEEDED", text(v.output()), v.next(), null, null);
    }

    /**
     * What the state's resource answered: a Task's result; a Map's iterations' or a Parallel's branches'
     * outputs, in order. {@code null} when the records do not hold it.
     */
    private static String result(VisitRecord v, AttemptRecord a) {
        if ("Task".equals(v.type())) {
            return a.result() == null ? null : Json.write(a.result());
        }
        List<ScopeRecord> scopes = new ArrayList<>("Map".equals(v.type()) ? v.iterations() : v.children());
        scopes.sort(Comparator.comparingInt(ScopeRecord::index));
        ArrayNode results = Json.nodes().arrayNode();
        for (ScopeRecord s : scopes) {
            List<VisitRecord> visits = s.visits();
            VisitRecord end = visits.isEmpty() ? null : visits.get(visits.size() - 1);
            if (end != null && s.isMapIteration() && s.outcome() == ExecutionStatus.FAILED) {
                // a failure the Map tolerated stands in its results as the error output
                ObjectNode error = results.addObject();
                if (end.error() != null) {
                    error.put("Error", end.error());
                }
                error.put("Cause", end.cause() == null ? "" : end.cause());
                continue;
            }
            if (end == null || !end.exited() || end.output() == null) {
                return null;
            }
            results.add(end.output());
        }
        return Json.write(results);
    }

    /** How often the retrier that matched attempt {@code k}'s error retried before it. */
    private static int retriesBefore(List<AttemptRecord> attempts, int k) {
        int retrier = attempts.get(k).retrier();
        int count = 0;
        for (int j = 0; j < k; j++) {
            if (attempts.get(j).retrier() == retrier && attempts.get(j).retried()) {
                count++;
            }
        }
        return count;
    }

    /** The state inside a Map or Parallel whose failure became its attempt's error. */
    private static String causedBy(VisitRecord v, AttemptRecord a) {
        for (ScopeRecord s : v.children()) {
            for (VisitRecord inner : s.visits()) {
                if (inner.failed() && inner.caughtBy() == null && a.error().equals(inner.error())) {
                    return inner.state();
                }
            }
        }
        return null;
    }

    /** The variables in scope when the state was entered, as a JSON object's text, or {@code null} for none. */
    private static String variables(VisitRecord v) {
        Map<String, JsonNode> before = variablesBefore(v);
        if (before.isEmpty()) {
            return null;
        }
        ObjectNode object = Json.nodes().objectNode();
        before.forEach(object::set);
        return Json.write(object);
    }

    private static Map<String, JsonNode> variablesBefore(VisitRecord v) {
        List<VisitRecord> scope = v.scope().visits();
        for (int i = 0; i < scope.size(); i++) {
            if (scope.get(i) == v) {
                if (i > 0) {
                    return scope.get(i - 1).variablesAfter();
                }
                break;
            }
        }
        VisitRecord container = v.scope().container();
        return container == null ? Map.of() : variablesBefore(container);
    }

    private static String text(JsonNode node) {
        return node == null ? null : Json.write(node);
    }
}
