package dev.aslunit.internal.validation;

import dev.aslunit.internal.definition.Placeholder;
import static dev.aslunit.internal.definition.DefinitionReader.escape;
import static dev.aslunit.internal.validation.DiagnosticCode.DUPLICATE_STATE_NAME;
import static dev.aslunit.internal.validation.DiagnosticCode.INVALID_STATE_NAME;
import static dev.aslunit.internal.validation.DiagnosticCode.MISSING_END_STATE;
import static dev.aslunit.internal.validation.DiagnosticCode.MISSING_TRANSITION_TARGET;
import static dev.aslunit.internal.validation.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.QueryLanguage;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.json.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation run: walks the tree once, collecting every problem. It checks what ties the states
 * together (state names, transitions, reachability, a terminal state, Parallel branches as machines of
 * their own) and the fields every state shares, and hands each state's own checks to
 * {@link StateChecks}, {@link ChoiceChecks} and {@link MapChecks}; the allowed fields are
 * {@link StateFields}'.
 */
final class DefinitionChecks {

    private static final int MAX_STATE_NAME = 80;
    static final long MAX_SECONDS = 99_999_999L;

    private final SourceLocator locator;
    final ExpressionChecks expressions;
    private final MapChecks maps = new MapChecks(this);
    private final StateChecks states;
    private final List<Diagnostic> found = new ArrayList<>();
    private final Map<String, String> stateNames = new HashMap<>();
    /**
     * The top-level QueryLanguage: a state without its own takes this one, also inside a Parallel or
     * Map whose own QueryLanguage differs (a JSONata Map does not make its item processor JSONata).
     */
    QueryLanguage machineLanguage = QueryLanguage.JSONPATH;

    /** The states of one machine, and of the machines around it (to explain a Next that leaves its scope). */
    record Scope(Scope outer, Set<String> names, String description) {
    }

    DefinitionChecks(SourceLocator locator, StateMachineType type) {
        this.locator = locator;
        this.expressions = new ExpressionChecks(this::reportAt);
        this.states = new StateChecks(this, type);
    }

    List<Diagnostic> run(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            // AWS answers an empty definition with a schema failure at the root.
            report(SCHEMA_VALIDATION_FAILED, "", "The definition is empty; a state machine needs at least "
                    + "\"StartAt\" and \"States\"");
        } else if (!root.isObject()) {
            report(SCHEMA_VALIDATION_FAILED, "", "The definition must be a JSON object with \"StartAt\" and "
                    + "\"States\", not " + Json.describe(root));
        } else {
            machine(root, "", QueryLanguage.JSONPATH, null, "the state machine", StateFields.TOP_FIELDS);
        }
        return found;
    }

    void report(DiagnosticCode code, String pointer, String message) {
        found.add(new Diagnostic(code, message, locator.locate(pointer)));
    }

    /**
     * A problem AWS locates at {@code pointer} (an object) although it is written at {@code at} (one
     * of its fields): the diagnostic carries AWS's pointer and the field's line and column.
     */
    void reportAt(DiagnosticCode code, String pointer, String at, String message) {
        SourceLocation field = locator.locate(at);
        found.add(new Diagnostic(code, message,
                new SourceLocation(field.file(), pointer, field.line(), field.column())));
    }

    /**
     * A field the object at {@code p} may not have (unknown, of another state type, or one of two
     * exclusive fields): AWS's schema validation reports it at the object, {@code /States/A} for a
     * state, {@code /} for the top level.
     */
    void reportField(String p, String field, String message) {
        reportAt(SCHEMA_VALIDATION_FAILED, p, p + "/" + escape(field), message);
    }

    // ---------------------------------------------------------------- machines

    void machine(JsonNode m, String p, QueryLanguage inherited, Scope outer, String description,
            Set<String> allowed) {
        if (!m.isObject()) {
            report(SCHEMA_VALIDATION_FAILED, p, "Expected a state machine object with \"StartAt\" and \"States\", "
                    + "not " + Json.describe(m));
            return;
        }
        QueryLanguage ql = inherited;
        if (m.has("QueryLanguage") && allowed.contains("QueryLanguage")) {
            QueryLanguage own = queryLanguage(m.get("QueryLanguage"), p + "/QueryLanguage");
            ql = own == null ? inherited : own;
        }
        if (p.isEmpty()) {
            machineLanguage = ql;
        }
        unknownFields(m, p, allowed, description);
        required(m, p, "StartAt", "States");
        string(m, p, "Comment");
        string(m, p, "Version");
        if (m.has("TimeoutSeconds") && allowed.contains("TimeoutSeconds")) {
            integer(m.get("TimeoutSeconds"), p + "/TimeoutSeconds", "TimeoutSeconds", 1, MAX_SECONDS);
        }
        JsonNode startAt = m.get("StartAt");
        if (startAt != null && !startAt.isTextual()) {
            wrongType(p + "/StartAt", "StartAt", "a state name", startAt);
        }
        JsonNode states = m.get("States");
        if (states == null) {
            return;
        }
        if (!states.isObject()) {
            wrongType(p + "/States", "States", "an object of states", states);
            return;
        }
        if (states.isEmpty()) {
            report(SCHEMA_VALIDATION_FAILED, p + "/States", "\"States\" must contain at least one state");
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        states.fieldNames().forEachRemaining(names::add);
        Scope scope = new Scope(outer, names, description);
        boolean terminal = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String sp = p + "/States/" + escape(e.getKey());
            stateName(e.getKey(), sp);
            terminal |= state(e.getKey(), e.getValue(), sp, ql, scope);
        }
        if (!terminal) {
            report(MISSING_END_STATE, p + "/States", "Workflow has no terminal state: give the last state "
                    + "\"End\": true, or end with a Succeed or Fail state");
        }
        if (startAt != null && startAt.isTextual()) {
            if (names.contains(startAt.asText())) {
                reachability(startAt.asText(), states, p);
            } else {
                missingTarget(startAt.asText(), p + "/StartAt", "StartAt", scope);
            }
        }
    }

    private void reachability(String start, JsonNode states, String p) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!reached.add(name)) {
                continue;
            }
            JsonNode s = states.get(name);
            if (s == null || !s.isObject()) {
                continue;
            }
            addTarget(s.get("Next"), states, todo);
            addTarget(s.get("Default"), states, todo);
            for (String list : new String[] {"Choices", "Catch"}) {
                JsonNode entries = s.get(list);
                if (entries != null && entries.isArray()) {
                    entries.forEach(c -> addTarget(c.get("Next"), states, todo));
                }
            }
        }
        states.fields().forEachRemaining(e -> {
            String name = e.getKey();
            // A state that is not even an object has its own diagnostic; being unreachable is not news.
            if (!reached.contains(name) && e.getValue().isObject()) {
                report(MISSING_TRANSITION_TARGET, p + "/States/" + escape(name), "State \"" + name
                        + "\" is not reachable: no StartAt, Next, Default or Catch leads to it");
            }
        });
    }

    private static void addTarget(JsonNode target, JsonNode states, Deque<String> todo) {
        if (target != null && target.isTextual() && states.has(target.asText())) {
            todo.add(target.asText());
        }
    }

    private void missingTarget(String target, String p, String field, Scope scope) {
        for (Scope s = scope.outer(); s != null; s = s.outer()) {
            if (s.names().contains(target)) {
                report(MISSING_TRANSITION_TARGET, p, "Missing '" + field + "' target: \"" + target + "\" is outside "
                        + scope.description() + "; a transition cannot leave its Parallel branch or Map item "
                        + "processor: end it with \"End\": true and continue from the Parallel or Map state's Next");
                return;
            }
        }
        report(MISSING_TRANSITION_TARGET, p, "Missing '" + field + "' target: \"" + target + "\" is not a state of "
                + scope.description() + Suggestions.didYouMean(target, scope.names()));
    }

    void transitionTarget(JsonNode target, String p, String field, Scope scope) {
        if (target == null) {
            return;
        }
        if (!target.isTextual()) {
            wrongType(p, field, "a state name", target);
        } else if (!scope.names().contains(target.asText())) {
            missingTarget(target.asText(), p, field, scope);
        }
    }

    private void stateName(String name, String p) {
        if (name.isEmpty() || name.length() > MAX_STATE_NAME) {
            report(INVALID_STATE_NAME, p, "State name \"" + name + "\" must be 1 to " + MAX_STATE_NAME
                    + " characters long, not " + name.length());
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            report(INVALID_STATE_NAME, p, "State name \"" + name.replaceAll("\\p{Cntrl}", "?")
                    + "\" contains control characters");
        }
        String first = stateNames.putIfAbsent(name, p);
        if (first != null) {
            report(DUPLICATE_STATE_NAME, p, "Duplicate State name: \"" + name + "\" is also the name of "
                    + where(first) + "; state names must be unique in the whole state machine, "
                    + "including Parallel branches and Map item processors");
        }
    }

    // ---------------------------------------------------------------- states

    /** @return whether the state ends its machine */
    private boolean state(String name, JsonNode s, String p, QueryLanguage machineQl, Scope scope) {
        if (!s.isObject()) {
            report(SCHEMA_VALIDATION_FAILED, p, "State \"" + name + "\" must be an object with a \"Type\", not "
                    + Json.describe(s) + (StateFields.TOP_FIELDS.contains(name) ? "; \"" + name + "\" belongs at the top level, next to "
                            + "\"StartAt\", not inside \"States\"" : ""));
            return false;
        }
        JsonNode typeNode = s.get("Type");
        if (typeNode == null) {
            report(SCHEMA_VALIDATION_FAILED, p, "These fields are required: [Type]; state \"" + name
                    + "\" needs one of " + String.join(", ", StateFields.STATE_FIELDS.keySet().stream().sorted().toList()));
            return false;
        }
        String stateType = typeNode.isTextual() ? typeNode.asText() : null;
        if (stateType == null || !StateFields.STATE_FIELDS.containsKey(stateType)) {
            String guess = stateType == null ? null : Suggestions.closest(stateType, StateFields.STATE_FIELDS.keySet());
            report(SCHEMA_VALIDATION_FAILED, p + "/Type", "Unknown state type " + typeNode
                    + (guess == null ? "" : " (did you mean \"" + guess + "\"?)")
                    + "; the types are Task, Pass, Choice, Wait, Succeed, Fail, Parallel and Map");
            return false;
        }
        QueryLanguage ql = machineQl;
        if (s.has("QueryLanguage")) {
            QueryLanguage own = queryLanguage(s.get("QueryLanguage"), p + "/QueryLanguage");
            ql = own == null ? machineQl : own;
        }
        stateFields(stateType, s, p);
        string(s, p, "Comment");
        boolean terminal = transition(stateType, s, p, scope);
        commonDataFlow(s, p, ql);
        switch (stateType) {
            case "Task":
                states.task(s, p, ql);
                break;
            case "Pass":
                states.pass(s, p, ql);
                break;
            case "Choice":
                new ChoiceChecks(this).choice(s, p, ql, scope);
                break;
            case "Wait":
                states.waitState(s, p, ql);
                break;
            case "Fail":
                states.fail(s, p, ql);
                break;
            case "Parallel":
                parallel(s, p, ql, scope);
                break;
            case "Map":
                maps.map(s, p, ql, scope);
                break;
            default:
                break;
        }
        if (s.has("Retry") || s.has("Catch")) {
            states.retry(s.get("Retry"), p + "/Retry");
            states.catchers(s.get("Catch"), p + "/Catch", ql, scope);
        }
        return terminal || stateType.equals("Succeed") || stateType.equals("Fail");
    }

    /** Fields of another query language are {@link dev.aslunit.internal.jsonata.JsonataChecker}'s to report. */
    private void stateFields(String stateType, JsonNode s, String p) {
        Set<String> allowed = StateFields.STATE_FIELDS.get(stateType);
        s.fieldNames().forEachRemaining(field -> {
            if (!StateFields.COMMON.contains(field) && !allowed.contains(field)) {
                boolean elsewhere = StateFields.STATE_FIELDS.values().stream().anyMatch(f -> f.contains(field));
                reportField(p, field, "The field \"" + field + "\" is not supported "
                        + (elsewhere ? "in a " + stateType + " state" : "by Step Functions")
                        + Suggestions.didYouMean(field, allowed));
            }
        });
    }

    /** @return whether the state has {@code "End": true} */
    private boolean transition(String stateType, JsonNode s, String p, Scope scope) {
        if (!StateFields.STATE_FIELDS.get(stateType).contains("Next")) {
            if (stateType.equals("Choice")) {
                JsonNode dflt = s.get("Default");
                transitionTarget(dflt, p + "/Default", "Default", scope);
            }
            return false;
        }
        JsonNode next = s.get("Next");
        JsonNode end = s.get("End");
        if (end != null && !end.isBoolean()) {
            wrongType(p + "/End", "End", "true", end);
        }
        boolean ends = end != null && end.isBoolean() && end.asBoolean();
        if (next != null && ends) {
            report(SCHEMA_VALIDATION_FAILED, p, "\"Next\" and \"End\" are mutually exclusive; keep one");
        } else if (next == null && !ends) {
            report(SCHEMA_VALIDATION_FAILED, p, "A " + stateType + " state needs either \"Next\" or \"End\": true");
        }
        transitionTarget(next, p + "/Next", "Next", scope);
        return ends;
    }

    private void commonDataFlow(JsonNode s, String p, QueryLanguage ql) {
        for (String field : new String[] {"InputPath", "OutputPath"}) {
            JsonNode v = s.get(field);
            if (v != null && !v.isNull()) {
                expressions.path(v, p + "/" + field, field, false);
            }
        }
        JsonNode resultPath = s.get("ResultPath");
        if (resultPath != null && !resultPath.isNull()) {
            expressions.path(resultPath, p + "/ResultPath", "ResultPath", true);
        }
        JsonNode parameters = s.get("Parameters");
        if (parameters != null && ql == QueryLanguage.JSONPATH) {
            expressions.payloadTemplate(parameters, p + "/Parameters");
        }
        JsonNode selector = s.get("ResultSelector");
        if (selector != null && ql == QueryLanguage.JSONPATH) {
            objectOnly(selector, p + "/ResultSelector", "ResultSelector");
            expressions.payloadTemplate(selector, p + "/ResultSelector");
        }
        JsonNode arguments = s.get("Arguments");
        if (arguments != null && ql == QueryLanguage.JSONATA) {
            if (!arguments.isObject() && !ExpressionChecks.isJsonata(arguments)) {
                wrongType(p + "/Arguments", "Arguments", "an object or a {% %} expression", arguments);
            }
            expressions.jsonataTemplate(arguments, p + "/Arguments");
        }
        JsonNode output = s.get("Output");
        if (output != null && ql == QueryLanguage.JSONATA) {
            expressions.jsonataTemplate(output, p + "/Output");
        }
        assign(s.get("Assign"), p + "/Assign", ql);
    }

    void assign(JsonNode assign, String p, QueryLanguage ql) {
        if (assign == null) {
            return;
        }
        if (!assign.isObject()) {
            wrongType(p, "Assign", "an object of variable names and values", assign);
            return;
        }
        if (ql == QueryLanguage.JSONATA) {
            expressions.jsonataTemplate(assign, p);
        } else {
            expressions.payloadTemplate(assign, p);
        }
    }

    private void parallel(JsonNode s, String p, QueryLanguage ql, Scope scope) {
        required(s, p, "Branches");
        JsonNode branches = s.get("Branches");
        if (branches == null) {
            return;
        }
        if (!branches.isArray() || branches.isEmpty()) {
            wrongType(p + "/Branches", "Branches", "a non-empty array of state machines", branches);
            return;
        }
        String name = lastToken(p);
        for (int i = 0; i < branches.size(); i++) {
            machine(branches.get(i), p + "/Branches/" + i, machineLanguage, scope,
                    "Parallel branch " + i + " of \"" + name + "\"", StateFields.BRANCH_FIELDS);
        }
    }

    // ---------------------------------------------------------------- Retry and Catch

    // ---------------------------------------------------------------- field helpers

    private QueryLanguage queryLanguage(JsonNode v, String p) {
        QueryLanguage ql = v.isTextual() ? QueryLanguage.fromAsl(v.asText()) : null;
        if (ql == null) {
            wrongType(p, "QueryLanguage", "\"JSONPath\" or \"JSONata\"", v);
        }
        return ql;
    }

    void unknownFields(JsonNode node, String p, Set<String> allowed, String what) {
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                reportField(p, field, "The field \"" + field
                        + "\" is not supported in " + what + Suggestions.didYouMean(field, allowed));
            }
        });
    }

    void required(JsonNode node, String p, String... fields) {
        List<String> missing = new ArrayList<>();
        for (String f : fields) {
            if (!node.has(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            report(SCHEMA_VALIDATION_FAILED, p, "These fields are required: " + missing);
        }
    }

    void exclusive(JsonNode node, String p, String a, String b) {
        if (node.has(a) && node.has(b)) {
            reportField(p, b, "\"" + a + "\" and \"" + b + "\" are mutually exclusive; keep one");
        }
    }

    private void string(JsonNode node, String p, String field) {
        JsonNode v = node.get(field);
        if (v != null && !v.isTextual()) {
            wrongType(p + "/" + field, field, "a string", v);
        }
    }

    void objectOnly(JsonNode v, String p, String field) {
        if (!v.isObject()) {
            wrongType(p, field, "an object", v);
        }
    }

    void pathField(JsonNode s, String p, String field, QueryLanguage ql) {
        JsonNode v = s.get(field);
        if (v != null && ql == QueryLanguage.JSONPATH) {
            expressions.path(v, p + "/" + field, field, false);
        }
    }

    void optionalInteger(JsonNode node, String p, String field, long min, long max) {
        JsonNode v = node.get(field);
        if (v != null) {
            integer(v, p + "/" + field, field, min, max);
        }
    }

    /** @return the value when it is an integer in range, else {@code null} after reporting */
    Long integer(JsonNode v, String p, String field, long min, long max) {
        if (Placeholder.is(v)) {
            return null; // left opaque on purpose; the loader reports it unless allowed
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            wrongType(p, field, "an integer", v);
            return null;
        }
        long value = v.asLong();
        if (value < min || value > max) {
            report(SCHEMA_VALIDATION_FAILED, p, field + " must be between " + min + " and " + max + ", not " + value);
            return null;
        }
        return value;
    }

    void number(JsonNode s, String p, String field, QueryLanguage ql, long min, long max, boolean integral) {
        JsonNode v = s.get(field);
        if (v == null) {
            return;
        }
        if (ql == QueryLanguage.JSONATA && ExpressionChecks.isJsonata(v)) {
            expressions.jsonataTemplate(v, p + "/" + field);
        } else if (integral) {
            integer(v, p + "/" + field, field, min, max);
        } else if (!Placeholder.is(v) && (!v.isNumber() || v.asDouble() < min || v.asDouble() > max)) {
            report(SCHEMA_VALIDATION_FAILED, p + "/" + field, field + " must be a number between " + min + " and "
                    + max + ", not " + v);
        }
    }

    void wrongType(String p, String field, String expected, JsonNode actual) {
        report(SCHEMA_VALIDATION_FAILED, p, field + " must be " + expected + ", not " + Json.describe(actual));
    }


    String where(String pointer) {
        var at = locator.locate(pointer);
        return pointer + (at.hasLineAndColumn() ? " (line " + at.line() + ")" : "");
    }

    static boolean isTimestamp(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }
}
