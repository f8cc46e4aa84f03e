package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the immutable model from a definition's JSON tree. It trusts the shape: the validator runs
 * first and reports every problem with its location; a tree the validator rejected may still be read
 * here, with malformed fields read as absent, but it throws {@link IllegalArgumentException} naming
 * the pointer when a required field has no usable value.
 */
public final class DefinitionReader {

    private final SourceLocator locator;
    /**
     * The top-level QueryLanguage, which a state without its own takes, also inside a Parallel or Map
     * whose own QueryLanguage differs (floci-io/floci#2968, measured on AWS; the CDK's QueryLanguage docs).
     */
    private QueryLanguage machineLanguage = QueryLanguage.JSONPATH;

    private DefinitionReader(SourceLocator locator) {
        this.locator = locator;
    }

    public static StateMachineDefinition read(JsonNode root, SourceLocator locator) {
        return new DefinitionReader(locator).machine(root, "", QueryLanguage.JSONPATH, true);
    }

    public static StateMachineDefinition read(JsonNode root) {
        return read(root, SourceLocator.none());
    }

    private StateMachineDefinition machine(JsonNode node, String pointer, QueryLanguage inherited, boolean top) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Expected a state machine object at " + at(pointer));
        }
        QueryLanguage ql = language(node, inherited);
        if (top) {
            machineLanguage = ql;
        }
        JsonNode statesNode = node.get("States");
        if (statesNode == null || !statesNode.isObject()) {
            throw new IllegalArgumentException("Expected an object of states at " + at(pointer + "/States"));
        }
        Map<String, State> states = new LinkedHashMap<>();
        statesNode.fields().forEachRemaining(e -> states.put(e.getKey(),
                state(e.getKey(), e.getValue(), pointer + "/States/" + escape(e.getKey()), ql)));
        return new StateMachineDefinition(
                text(node, "Comment"),
                text(node, "StartAt"),
                states,
                top ? integer(node, "TimeoutSeconds") : null,
                top ? text(node, "Version") : null,
                ql,
                locator.locate(pointer));
    }

    private State state(String name, JsonNode n, String p, QueryLanguage inherited) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("Expected a state object at " + at(p));
        }
        QueryLanguage ql = language(n, inherited);
        SourceLocation loc = locator.locate(p);
        String comment = text(n, "Comment");
        String type = text(n, "Type");
        if (type == null) {
            throw new IllegalArgumentException("State \"" + name + "\" has no Type at " + at(p));
        }
        switch (type) {
            case "Task":
                return new TaskState(name, comment, ql, loc, transition(n), text(n, "Resource"),
                        path(n, "InputPath"), node(n, "Parameters"), node(n, "Arguments"), node(n, "ResultSelector"),
                        path(n, "ResultPath"), path(n, "OutputPath"), node(n, "Output"), node(n, "Assign"),
                        node(n, "TimeoutSeconds"), text(n, "TimeoutSecondsPath"),
                        node(n, "HeartbeatSeconds"), text(n, "HeartbeatSecondsPath"), node(n, "Credentials"),
                        retriers(n, p), catchers(n, p));
            case "Pass":
                return new PassState(name, comment, ql, loc, transition(n), path(n, "InputPath"),
                        node(n, "Parameters"), node(n, "Result"), path(n, "ResultPath"), path(n, "OutputPath"),
                        node(n, "Output"), node(n, "Assign"));
            case "Choice":
                return new ChoiceState(name, comment, ql, loc, choices(n, p, ql), text(n, "Default"),
                        path(n, "InputPath"), path(n, "OutputPath"), node(n, "Output"), node(n, "Assign"));
            case "Wait":
                return new WaitState(name, comment, ql, loc, transition(n), node(n, "Seconds"),
                        text(n, "SecondsPath"), node(n, "Timestamp"), text(n, "TimestampPath"),
                        path(n, "InputPath"), path(n, "OutputPath"), node(n, "Output"), node(n, "Assign"));
            case "Succeed":
                return new SucceedState(name, comment, ql, loc, path(n, "InputPath"), path(n, "OutputPath"),
                        node(n, "Output"));
            case "Fail":
                return new FailState(name, comment, ql, loc, node(n, "Error"), text(n, "ErrorPath"),
                        node(n, "Cause"), text(n, "CausePath"));
            case "Parallel": {
                List<StateMachineDefinition> branches = new ArrayList<>();
                JsonNode b = n.get("Branches");
                if (b != null && b.isArray()) {
                    for (int i = 0; i < b.size(); i++) {
                        branches.add(machine(b.get(i), p + "/Branches/" + i, machineLanguage, false));
                    }
                }
                return new ParallelState(name, comment, ql, loc, transition(n), branches, path(n, "InputPath"),
                        node(n, "Parameters"), node(n, "Arguments"), node(n, "ResultSelector"),
                        path(n, "ResultPath"), path(n, "OutputPath"), node(n, "Output"), node(n, "Assign"),
                        retriers(n, p), catchers(n, p));
            }
            case "Map": {
                String processorField = n.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
                JsonNode processor = n.get(processorField);
                StateMachineDefinition itemProcessor = machine(processor, p + "/" + processorField, machineLanguage,
                        false);
                JsonNode config = processor.get("ProcessorConfig");
                String mode = config != null && config.hasNonNull("Mode") ? config.get("Mode").asText() : "INLINE";
                String executionType = config != null && config.hasNonNull("ExecutionType")
                        ? config.get("ExecutionType").asText() : null;
                JsonNode selector = n.has("ItemSelector") ? n.get("ItemSelector") : node(n, "Parameters");
                return new MapState(name, comment, ql, loc, transition(n), itemProcessor, mode, executionType,
                        path(n, "InputPath"), text(n, "ItemsPath"), node(n, "Items"), selector,
                        node(n, "ItemReader"), node(n, "ItemBatcher"), node(n, "ResultWriter"),
                        node(n, "MaxConcurrency"), text(n, "MaxConcurrencyPath"),
                        node(n, "ToleratedFailurePercentage"), text(n, "ToleratedFailurePercentagePath"),
                        node(n, "ToleratedFailureCount"), text(n, "ToleratedFailureCountPath"), text(n, "Label"),
                        node(n, "ResultSelector"), path(n, "ResultPath"), path(n, "OutputPath"), node(n, "Output"),
                        node(n, "Assign"), retriers(n, p), catchers(n, p));
            }
            default:
                throw new IllegalArgumentException("State \"" + name + "\" has unknown Type \"" + type + "\" at "
                        + at(p + "/Type"));
        }
    }

    private List<ChoiceState.Choice> choices(JsonNode n, String p, QueryLanguage ql) {
        List<ChoiceState.Choice> out = new ArrayList<>();
        JsonNode cs = n.get("Choices");
        if (cs == null || !cs.isArray()) {
            return out;
        }
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            String cp = p + "/Choices/" + i;
            out.add(new ChoiceState.Choice(rule(c, cp), text(c, "Next"), node(c, "Assign"), node(c, "Output"),
                    locator.locate(cp)));
        }
        return out;
    }

    private ChoiceRule rule(JsonNode c, String p) {
        SourceLocation loc = locator.locate(p);
        if (c.has("Condition")) {
            return new ChoiceRule.Condition(c.get("Condition"), loc);
        }
        if (c.has("And") || c.has("Or")) {
            String op = c.has("And") ? "And" : "Or";
            List<ChoiceRule> rules = new ArrayList<>();
            JsonNode arr = c.get(op);
            if (arr != null && arr.isArray()) {
                for (int i = 0; i < arr.size(); i++) {
                    rules.add(rule(arr.get(i), p + "/" + op + "/" + i));
                }
            }
            return op.equals("And") ? new ChoiceRule.And(rules, loc) : new ChoiceRule.Or(rules, loc);
        }
        if (c.has("Not")) {
            return new ChoiceRule.Not(rule(c.get("Not"), p + "/Not"), loc);
        }
        var names = c.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            ComparisonOperator op = ComparisonOperator.fromAsl(field);
            if (op != null) {
                return new ChoiceRule.Comparison(text(c, "Variable"), op, c.get(field), loc);
            }
        }
        throw new IllegalArgumentException("Choice rule without a comparison operator at " + at(p));
    }

    private List<Retrier> retriers(JsonNode n, String p) {
        List<Retrier> out = new ArrayList<>();
        JsonNode rs = n.get("Retry");
        if (rs == null || !rs.isArray()) {
            return out;
        }
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            Integer interval = integer(r, "IntervalSeconds");
            Integer max = integer(r, "MaxAttempts");
            JsonNode rate = r.get("BackoffRate");
            out.add(new Retrier(strings(r, "ErrorEquals"), interval == null ? 1 : interval, max == null ? 3 : max,
                    rate != null && rate.isNumber() ? rate.asDouble() : 2.0, integer(r, "MaxDelaySeconds"),
                    text(r, "JitterStrategy"), text(r, "Comment"), locator.locate(p + "/Retry/" + i)));
        }
        return out;
    }

    private List<Catcher> catchers(JsonNode n, String p) {
        List<Catcher> out = new ArrayList<>();
        JsonNode cs = n.get("Catch");
        if (cs == null || !cs.isArray()) {
            return out;
        }
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            out.add(new Catcher(strings(c, "ErrorEquals"), text(c, "Next"), path(c, "ResultPath"), node(c, "Output"),
                    node(c, "Assign"), text(c, "Comment"), locator.locate(p + "/Catch/" + i)));
        }
        return out;
    }

    private static QueryLanguage language(JsonNode n, QueryLanguage inherited) {
        QueryLanguage own = QueryLanguage.fromAsl(text(n, "QueryLanguage"));
        return own != null ? own : inherited;
    }

    private static Transition transition(JsonNode n) {
        JsonNode end = n.get("End");
        if (end != null && end.asBoolean(false)) {
            return Transition.ending();
        }
        return Transition.to(text(n, "Next"));
    }

    /** A path field: {@code "$"} when absent, {@code null} for JSON null. */
    private static String path(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            return "$";
        }
        return v.isNull() ? null : v.asText();
    }

    private static JsonNode node(JsonNode n, String field) {
        return n.get(field);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.canConvertToInt() && v.isIntegralNumber() ? v.asInt() : null;
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(field);
        if (v != null && v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** JSON pointer escaping (RFC 6901), so state names with '/' or '~' stay unambiguous. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private String at(String pointer) {
        return locator.locate(pointer).describe();
    }
}
