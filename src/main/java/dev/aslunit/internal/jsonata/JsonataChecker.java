package dev.aslunit.internal.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.QueryLanguage;
import dev.aslunit.internal.jsonata.JsonataProblem.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS's static rules for JSONata and variables, for the validator to run on a definition's JSON
 * tree (before or instead of reading it into the model): {@link #check(JsonNode)}.
 *
 * <p>Errors, as AWS refuses the definition at {@code CreateStateMachine}:
 * <ul>
 *   <li>{@value JsonataSyntaxException#CODE}: a {@code {% %}} expression that does not parse, with
 *       the parser's message;</li>
 *   <li>{@value #UNSUPPORTED}: {@code Reference to 'x' at the top level is not supported.} (a path
 *       starting from JSONata's context item, which Step Functions does not set: the input is
 *       {@code $states.input}), {@code Reference to '$$' is not supported.},
 *       {@code Field '$states.errorOutput' does not exist.} outside a Catch's {@code Output} and
 *       {@code Assign}, and {@code Field '$states.result' does not exist.} outside the
 *       {@code Output} and {@code Assign} of a Task, Map or Parallel state;</li>
 *   <li>{@value #SCHEMA}: a field of the other query language in a state ({@code The QueryLanguage is
 *       set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage}, and
 *       the mirror for {@code InputPath}, {@code Parameters}, {@code ResultPath}...), a state set to
 *       JSONPath in a JSONata state machine, an invalid or reserved variable name;</li>
 *   <li>{@value #DUPLICATE}: a Map or Parallel's inner state assigning a variable that is already
 *       defined when the Map or Parallel state is entered: assigned in an enclosing scope by a state that
 *       can run before it. What the Map or Parallel state assigns itself ({@code Assign}, a catcher's
 *       {@code Assign}) and what states after it assign are not in the way: AWS ran a Parallel whose
 *       catcher assigns the name a state of its branch assigns.</li>
 * </ul>
 * Warning (ASLUnit's own advice; AWS runs such a definition and fails it at run time):
 * {@value #UNDEFINED}, a variable read where no state that can run before it assigns it.
 *
 * <p>Field rules follow "Transforming data with JSONata in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html) and "Passing data
 * between states with variables" (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html).
 * A state's language is its own {@code QueryLanguage}, else the state machine's, also inside a Map or
 * Parallel that sets its own, as {@link DefinitionReader} reads it.
 */
public final class JsonataChecker {

    static final String SCHEMA = "SCHEMA_VALIDATION_FAILED";
    static final String UNSUPPORTED = "UNSUPPORTED_JSONATA_EXPRESSION";
    static final String DUPLICATE = "DUPLICATE_VARIABLE_NAME";
    static final String UNDEFINED = "POSSIBLY_UNDEFINED_VARIABLE";

    private static final List<String> JSONPATH_ONLY = List.of("InputPath", "OutputPath", "ResultPath",
            "ResultSelector", "Parameters", "Result", "ItemsPath", "MaxConcurrencyPath", "TimeoutSecondsPath",
            "HeartbeatSecondsPath", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath",
            "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private static final List<String> JSONATA_ONLY = List.of("Arguments", "Output", "Items");

    /** JSONPath fields whose value is a reference path (or an intrinsic) that may read a variable. */
    private static final List<String> JSONPATH_PATHS = List.of("InputPath", "OutputPath", "ItemsPath",
            "MaxConcurrencyPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "SecondsPath", "TimestampPath",
            "ErrorPath", "CausePath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private static final List<String> JSONPATH_TEMPLATES = List.of("Parameters", "ResultSelector", "ItemSelector",
            "Credentials", "Assign");

    private final List<JsonataProblem> problems = new ArrayList<>();
    private final QueryLanguage machineLanguage;

    private JsonataChecker(QueryLanguage machineLanguage) {
        this.machineLanguage = machineLanguage;
    }

    /**
     * Checks a whole definition.
     *
     * @param definition the state machine as parsed JSON ({@code StartAt}, {@code States}...)
     * @return the problems found, errors and warnings, in definition order; empty when none
     */
    public static List<JsonataProblem> check(JsonNode definition) {
        QueryLanguage top = language(definition, QueryLanguage.JSONPATH);
        JsonataChecker checker = new JsonataChecker(top);
        checker.machine(definition, "", top, Set.of(), Set.of());
        return List.copyOf(checker.problems);
    }

    private static QueryLanguage language(JsonNode node, QueryLanguage inherited) {
        JsonNode q = node.get("QueryLanguage");
        QueryLanguage own = q != null && q.isTextual() ? QueryLanguage.fromAsl(q.textValue()) : null;
        return own != null ? own : inherited;
    }

    /** What one state reads and assigns, for the variable analysis of its machine. */
    private static final class StateInfo {
        final String name;
        final String pointer;
        final Set<String> assigns = new LinkedHashSet<>();
        final Map<String, String> reads = new LinkedHashMap<>();
        final List<String> next = new ArrayList<>();

        StateInfo(String name, String pointer) {
            this.name = name;
            this.pointer = pointer;
        }
    }

    private void machine(JsonNode machine, String pointer, QueryLanguage inherited, Set<String> visibleAtEntry,
            Set<String> definedAtEntry) {
        JsonNode states = machine == null ? null : machine.get("States");
        if (states == null || !states.isObject()) {
            return;
        }
        Map<String, StateInfo> infos = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isObject()) {
                continue;
            }
            StateInfo info = new StateInfo(e.getKey(), pointer + "/States/" + DefinitionReader.escape(e.getKey()));
            infos.put(e.getKey(), info);
            state(e.getValue(), info, language(e.getValue(), inherited), definedAtEntry);
        }
        Map<String, Set<String>> visible = visibleBefore(infos, visibleAtEntry);
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            StateInfo info = infos.get(e.getKey());
            if (info == null) {
                continue;
            }
            Set<String> seen = visible.get(e.getKey());
            info.reads.forEach((name, at) -> {
                if (!seen.contains(name)) {
                    problems.add(new JsonataProblem(UNDEFINED, Severity.WARNING, "The variable '" + name
                            + "' is read in state '" + info.name + "', but no state that can run before it assigns it.",
                            at));
                }
            });
            String type = text(e.getValue(), "Type");
            if ("Parallel".equals(type) || "Map".equals(type)) {
                // a nested state without its own QueryLanguage takes the state machine's, not its container's
                nested(e.getValue(), type, info.pointer, machineLanguage, seen,
                        definedBefore(infos, info.name, definedAtEntry));
            }
        }
    }

    private void nested(JsonNode state, String type, String pointer, QueryLanguage ql, Set<String> visible,
            Set<String> defined) {
        if ("Parallel".equals(type) && state.path("Branches").isArray()) {
            JsonNode branches = state.get("Branches");
            for (int i = 0; i < branches.size(); i++) {
                machine(branches.get(i), pointer + "/Branches/" + i, ql, visible, defined);
            }
        } else if ("Map".equals(type)) {
            String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            JsonNode processor = state.get(field);
            boolean distributed = processor != null
                    && "DISTRIBUTED".equals(text(processor.path("ProcessorConfig"), "Mode"));
            // A distributed Map's items run as child executions: they see no variable of this one.
            machine(processor, pointer + "/" + field, ql, distributed ? Set.of() : visible,
                    distributed ? Set.of() : defined);
        }
    }

    /** For each state, the variables some state that can run before it (or the scope around) assigned. */
    private static Map<String, Set<String>> visibleBefore(Map<String, StateInfo> infos, Set<String> atEntry) {
        Map<String, Set<String>> visible = new HashMap<>();
        infos.keySet().forEach(n -> visible.put(n, new HashSet<>(atEntry)));
        for (StateInfo from : infos.values()) {
            if (!from.assigns.isEmpty()) {
                reachedFrom(infos, from).forEach(n -> visible.get(n).addAll(from.assigns));
            }
        }
        return visible;
    }

    /** The states of this scope that {@code from}'s transitions lead to, directly or not. */
    private static Set<String> reachedFrom(Map<String, StateInfo> infos, StateInfo from) {
        Deque<String> pending = new ArrayDeque<>(from.next);
        Set<String> reached = new HashSet<>();
        while (!pending.isEmpty()) {
            String n = pending.pop();
            StateInfo to = infos.get(n);
            if (to != null && reached.add(n)) {
                pending.addAll(to.next);
            }
        }
        return reached;
    }

    /**
     * The variables defined when {@code container} is entered: those of the enclosing scopes, and those
     * the other states of this scope that can run before it assign. The container's own assignments
     * are left out even around a loop: they take effect after its branches or iterations have ended.
     */
    private static Set<String> definedBefore(Map<String, StateInfo> infos, String container, Set<String> atEntry) {
        Set<String> defined = new HashSet<>(atEntry);
        for (StateInfo from : infos.values()) {
            if (!from.assigns.isEmpty() && !from.name.equals(container)
                    && reachedFrom(infos, from).contains(container)) {
                defined.addAll(from.assigns);
            }
        }
        return defined;
    }

    private void state(JsonNode state, StateInfo info, QueryLanguage ql, Set<String> definedOutside) {
        String p = info.pointer;
        String type = String.valueOf(text(state, "Type"));
        transitions(state, info);
        JsonNode own = state.get("QueryLanguage");
        boolean downgrade = machineLanguage == QueryLanguage.JSONATA && own != null
                && "JSONPath".equals(own.asText());
        if (downgrade) {
            problems.add(new JsonataProblem(SCHEMA, Severity.ERROR,
                    "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", p));
        } else {
            fieldsOfOtherLanguage(state, p, ql);
        }
        boolean jsonata = ql == QueryLanguage.JSONATA;
        boolean hasResult = type.equals("Task") || type.equals("Map") || type.equals("Parallel");

        assigns(state.get("Assign"), p + "/Assign", jsonata, info, definedOutside);
        JsonNode choices = state.get("Choices");
        if (choices != null && choices.isArray()) {
            for (int i = 0; i < choices.size(); i++) {
                assigns(choices.get(i).get("Assign"), p + "/Choices/" + i + "/Assign", jsonata, info, definedOutside);
            }
        }
        JsonNode catchers = state.get("Catch");
        if (catchers != null && catchers.isArray()) {
            for (int i = 0; i < catchers.size(); i++) {
                assigns(catchers.get(i).get("Assign"), p + "/Catch/" + i + "/Assign", jsonata, info, definedOutside);
            }
        }

        if (jsonata) {
            jsonataFields(state, type, p, hasResult, info);
        } else {
            jsonPathReads(state, p, info);
        }
    }

    private static void transitions(JsonNode state, StateInfo info) {
        addText(state, "Next", info.next);
        addText(state, "Default", info.next);
        for (String list : new String[] {"Choices", "Catch"}) {
            JsonNode entries = state.get(list);
            if (entries != null && entries.isArray()) {
                entries.forEach(e -> addText(e, "Next", info.next));
            }
        }
    }

    private static void addText(JsonNode node, String field, List<String> into) {
        String t = text(node, field);
        if (t != null) {
            into.add(t);
        }
    }

    private void fieldsOfOtherLanguage(JsonNode state, String p, QueryLanguage ql) {
        List<String> forbidden = ql == QueryLanguage.JSONATA ? JSONPATH_ONLY : JSONATA_ONLY;
        String set = ql.aslName();
        String other = ql == QueryLanguage.JSONATA ? "JSONPath" : "JSONata";
        for (String field : forbidden) {
            if (state.has(field)) {
                problems.add(new JsonataProblem(SCHEMA, Severity.ERROR, "The QueryLanguage is set to '" + set
                        + "', but field '" + field + "' is only supported for the '" + other + "' QueryLanguage", p));
            }
        }
    }

    private void assigns(JsonNode assign, String pointer, boolean jsonata, StateInfo info,
            Set<String> definedOutside) {
        if (assign == null || !assign.isObject()) {
            return;
        }
        for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String name = VariableNames.variableName(key, !jsonata);
            String at = pointer + "/" + DefinitionReader.escape(key);
            String problem = VariableNames.problem(name);
            if (problem != null) {
                problems.add(new JsonataProblem(SCHEMA, Severity.ERROR,
                        "Invalid variable name '" + name + "': " + problem, at));
                continue;
            }
            if (definedOutside.contains(name)) {
                problems.add(new JsonataProblem(DUPLICATE, Severity.ERROR, "The variable name '" + name
                        + "' was already defined in a parent scope.", at));
            }
            info.assigns.add(name);
        }
    }

    private void jsonataFields(JsonNode state, String type, String p, boolean hasResult, StateInfo info) {
        expressions(state.get("Output"), p + "/Output", hasResult, false, info);
        expressions(state.get("Assign"), p + "/Assign", hasResult, false, info);
        for (String field : new String[] {"Arguments", "TimeoutSeconds", "HeartbeatSeconds", "Credentials", "Items",
            "ItemSelector", "MaxConcurrency", "ToleratedFailurePercentage", "ToleratedFailureCount", "ItemReader",
            "ItemBatcher", "ResultWriter", "Seconds", "Timestamp", "Error", "Cause"}) {
            expressions(state.get(field), p + "/" + field, false, false, info);
        }
        JsonNode choices = state.get("Choices");
        if ("Choice".equals(type) && choices != null && choices.isArray()) {
            for (int i = 0; i < choices.size(); i++) {
                String at = p + "/Choices/" + i;
                for (String field : new String[] {"Condition", "Output", "Assign"}) {
                    expressions(choices.get(i).get(field), at + "/" + field, false, false, info);
                }
            }
        }
        JsonNode catchers = state.get("Catch");
        if (catchers != null && catchers.isArray()) {
            for (int i = 0; i < catchers.size(); i++) {
                for (String field : new String[] {"Output", "Assign"}) {
                    expressions(catchers.get(i).get(field), p + "/Catch/" + i + "/" + field, false, true, info);
                }
            }
        }
    }

    private void expressions(JsonNode value, String pointer, boolean result, boolean errorOutput, StateInfo info) {
        if (value == null) {
            return;
        }
        if (value.isTextual() && JsonataTemplate.isExpression(value.textValue())) {
            String text = value.textValue();
            expression(text.substring(2, text.length() - 2).trim(), pointer, result, errorOutput, info);
        } else if (value.isObject()) {
            value.fields().forEachRemaining(e -> expressions(e.getValue(),
                    pointer + "/" + DefinitionReader.escape(e.getKey()), result, errorOutput, info));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                expressions(value.get(i), pointer + "/" + i, result, errorOutput, info);
            }
        }
    }

    private void expression(String text, String pointer, boolean result, boolean errorOutput, StateInfo info) {
        try {
            Jsonata.jsonata(text);
        } catch (JException e) {
            problems.add(new JsonataProblem(JsonataSyntaxException.CODE, Severity.ERROR,
                    Expression.render(e).message(), pointer));
            return;
        }
        ExpressionReferences refs = ExpressionReferences.of(text);
        if (refs.rootContext) {
            problems.add(new JsonataProblem(UNSUPPORTED, Severity.ERROR, "Reference to '$$' is not supported.", pointer));
        }
        if (refs.statesFields.contains("errorOutput") && !errorOutput) {
            problems.add(new JsonataProblem(UNSUPPORTED, Severity.ERROR, "Field '$states.errorOutput' does not exist.",
                    pointer));
        }
        if (refs.statesFields.contains("result") && !result) {
            problems.add(new JsonataProblem(UNSUPPORTED, Severity.ERROR, "Field '$states.result' does not exist.",
                    pointer));
        }
        for (String name : new LinkedHashSet<>(TopLevelReferences.of(text))) {
            problems.add(new JsonataProblem(UNSUPPORTED, Severity.ERROR,
                    "Reference to '" + name + "' at the top level is not supported.", pointer));
        }
        refs.variables.forEach(v -> info.reads.putIfAbsent(v, pointer));
    }

    /** JSONPath reads variables as {@code $name} in reference paths and in {@code .$} template values. */
    private void jsonPathReads(JsonNode state, String p, StateInfo info) {
        for (String field : JSONPATH_PATHS) {
            String path = text(state, field);
            if (path != null) {
                ExpressionReferences.of(path).variables.forEach(v -> info.reads.putIfAbsent(v, p + "/" + field));
            }
        }
        for (String field : JSONPATH_TEMPLATES) {
            templateReads(state.get(field), p + "/" + field, info);
        }
        JsonNode choices = state.get("Choices");
        if (choices != null && choices.isArray()) {
            for (int i = 0; i < choices.size(); i++) {
                choiceReads(choices.get(i), p + "/Choices/" + i, info);
            }
        }
    }

    private static void templateReads(JsonNode template, String pointer, StateInfo info) {
        if (template == null) {
            return;
        }
        if (template.isObject()) {
            template.fields().forEachRemaining(e -> {
                String at = pointer + "/" + DefinitionReader.escape(e.getKey());
                if (e.getKey().endsWith(".$") && e.getValue().isTextual()) {
                    ExpressionReferences.of(e.getValue().textValue()).variables.forEach(v -> info.reads.putIfAbsent(v, at));
                } else {
                    templateReads(e.getValue(), at, info);
                }
            });
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                templateReads(template.get(i), pointer + "/" + i, info);
            }
        }
    }

    private static void choiceReads(JsonNode rule, String pointer, StateInfo info) {
        if (rule == null || !rule.isObject()) {
            return;
        }
        rule.fields().forEachRemaining(e -> {
            String at = pointer + "/" + DefinitionReader.escape(e.getKey());
            if (e.getValue().isTextual() && (e.getKey().equals("Variable") || e.getKey().endsWith("Path"))) {
                ExpressionReferences.of(e.getValue().textValue()).variables.forEach(v -> info.reads.putIfAbsent(v, at));
            } else if (e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    choiceReads(e.getValue().get(i), at + "/" + i, info);
                }
            } else if (e.getValue().isObject() && !e.getKey().equals("Assign")) {
                choiceReads(e.getValue(), at, info);
            }
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
