package dev.aslunit.mutation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.validation.DefinitionValidator;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.definition.SourceLocator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes the mutants of a definition: every {@link MutationOperator} applied at every place it fits,
 * on the definition's JSON tree (after {@code ${...}} substitutions), one change per mutant. A mutant
 * that AWS would reject (the validator finds an error) is discarded: it could never be deployed, so no
 * test needs to catch it. Each kept mutant is checked by {@link Equivalence}.
 */
public final class Mutator {

    /** How many other states a Catch or a former End state is sent to: the next ones in definition order. */
    private static final int OTHER_TARGETS = 2;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode original;
    private final String originalText;
    private final StateMachineType type;
    private final String name;
    private final Equivalence equivalence;
    private final List<Mutant> kept = new ArrayList<>();
    private final List<String> discarded = new ArrayList<>();

    private Mutator(ObjectNode original, StateMachineType type, String name) {
        this.original = original;
        this.originalText = Json.pretty(original);
        this.type = type;
        this.name = name;
        this.equivalence = new Equivalence(original);
    }

    /** The mutants of a definition and what was discarded as invalid. */
    public record Mutants(List<Mutant> mutants, List<String> invalid) {
        public Mutants {
            mutants = List.copyOf(mutants);
            invalid = List.copyOf(invalid);
        }
    }

    /**
     * @param definition the definition's JSON (as {@code LoadedDefinition.json()} gives it)
     * @param name       the definition's name in diffs, e.g. its file
     */
    public static Mutants mutate(JsonNode definition, StateMachineType type, String name) {
        if (!(definition instanceof ObjectNode)) {
            throw new IllegalArgumentException("Not a state machine definition: " + name);
        }
        Mutator m = new Mutator((ObjectNode) definition, type, name);
        m.timeout("", definition);
        m.machine("", definition);
        return new Mutants(m.kept, m.discarded);
    }

    private void machine(String at, JsonNode machine) {
        JsonNode states = machine.get("States");
        if (states == null || !states.isObject()) {
            return;
        }
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);
        for (String stateName : names) {
            String p = at + "/States/" + DefinitionReader.escape(stateName);
            JsonNode state = states.get(stateName);
            if (!state.isObject()) {
                continue;
            }
            retries(p, state);
            catches(p, state, stateName, names);
            choice(p, state, names);
            timeout(p, state);
            resultPath(p, state);
            assigns(p, state);
            outputFields(p, state);
            map(p, state);
            end(p, state, stateName, names);
            JsonNode branches = state.get("Branches");
            if (branches != null && branches.isArray()) {
                for (int i = 0; i < branches.size(); i++) {
                    machine(p + "/Branches/" + i, branches.get(i));
                }
            }
            for (String processor : List.of("ItemProcessor", "Iterator")) {
                if (state.has(processor)) {
                    machine(p + "/" + processor, state.get(processor));
                }
            }
        }
    }

    private void retries(String p, JsonNode state) {
        JsonNode retry = state.get("Retry");
        if (retry == null || !retry.isArray()) {
            return;
        }
        for (int i = 0; i < retry.size(); i++) {
            String r = p + "/Retry/" + i;
            JsonNode rule = retry.get(i);
            int index = i;
            add(MutationOperator.RETRY_REMOVE, r, null, "Retry rule " + (i + 1) + " " + rule.path("ErrorEquals")
                    + " removed", root -> removeFrom(root, p, "Retry", index));
            JsonNode errors = rule.get("ErrorEquals");
            if (errors != null && errors.isArray() && errors.size() > 1) {
                for (int j = 0; j < errors.size(); j++) {
                    int e = j;
                    add(MutationOperator.RETRY_ERROR_REMOVE, r + "/ErrorEquals/" + j, null, "error " + errors.get(j)
                            + " removed from Retry rule " + (i + 1), root -> ((ArrayNode) at(root, r + "/ErrorEquals")).remove(e));
                }
            }
            int attempts = rule.path("MaxAttempts").isInt() ? rule.get("MaxAttempts").intValue() : 3;
            if (attempts > 0) {
                setNumber(MutationOperator.RETRY_MAX_ATTEMPTS, r, "MaxAttempts", attempts - 1);
            }
            setNumber(MutationOperator.RETRY_MAX_ATTEMPTS, r, "MaxAttempts", attempts + 1);
            int interval = rule.path("IntervalSeconds").isInt() ? rule.get("IntervalSeconds").intValue() : 1;
            if (interval > 1) {
                setNumber(MutationOperator.RETRY_INTERVAL, r, "IntervalSeconds", interval - 1);
            }
            setNumber(MutationOperator.RETRY_INTERVAL, r, "IntervalSeconds", interval + 1);
            double rate = rule.path("BackoffRate").isNumber() ? rule.get("BackoffRate").doubleValue() : 2.0;
            setNumber(MutationOperator.RETRY_BACKOFF_RATE, r, "BackoffRate", rate == 1.0 ? 2.0 : 1.0);
        }
    }

    private void catches(String p, JsonNode state, String self, List<String> names) {
        JsonNode catchers = state.get("Catch");
        if (catchers == null || !catchers.isArray()) {
            return;
        }
        for (int i = 0; i < catchers.size(); i++) {
            String c = p + "/Catch/" + i;
            JsonNode catcher = catchers.get(i);
            int index = i;
            add(MutationOperator.CATCH_REMOVE, c, null, "Catch " + catcher.path("ErrorEquals") + " removed",
                    root -> removeFrom(root, p, "Catch", index));
            String next = catcher.path("Next").asText();
            for (String target : others(names, self, next)) {
                add(MutationOperator.CATCH_RETARGET, c + "/Next", target, "Catch " + catcher.path("ErrorEquals")
                        + " goes to " + target + " instead of " + next, root -> object(root, c).put("Next", target));
            }
        }
    }

    private void choice(String p, JsonNode state, List<String> names) {
        JsonNode choices = state.get("Choices");
        if (!"Choice".equals(state.path("Type").asText()) || choices == null || !choices.isArray()) {
            return;
        }
        boolean jsonata = isJsonata(state);
        for (int i = 0; i < choices.size(); i++) {
            String r = p + "/Choices/" + i;
            JsonNode rule = choices.get(i);
            String next = rule.path("Next").asText();
            if (i + 1 < choices.size() && !next.equals(choices.get(i + 1).path("Next").asText())) {
                String other = p + "/Choices/" + (i + 1);
                String otherNext = choices.get(i + 1).path("Next").asText();
                add(MutationOperator.CHOICE_SWAP, r + "/Next", "rule" + (i + 2), "rules " + (i + 1) + " and " + (i + 2)
                        + " swap their Next (" + next + ", " + otherNext + ")", root -> {
                            object(root, r).put("Next", otherNext);
                            object(root, other).put("Next", next);
                        });
            }
            if (state.has("Default") && !next.equals(state.get("Default").asText())) {
                String def = state.get("Default").asText();
                add(MutationOperator.CHOICE_SWAP, r + "/Next", "Default", "rule " + (i + 1) + " and Default swap their"
                        + " Next (" + next + ", " + def + ")", root -> {
                            object(root, r).put("Next", def);
                            object(root, p).put("Default", next);
                        });
            }
            add(MutationOperator.CHOICE_NEGATE, r, null, "rule " + (i + 1) + " negated", root -> negate(object(root, r), jsonata));
            comparisons(r, rule);
        }
        if (state.has("Default")) {
            add(MutationOperator.CHOICE_DEFAULT_REMOVE, p + "/Default", null, "Default removed",
                    root -> object(root, p).remove("Default"));
        }
    }

    private static void negate(ObjectNode rule, boolean jsonata) {
        if (jsonata && rule.has("Condition")) {
            JsonNode condition = rule.get("Condition");
            if (condition.isBoolean()) {
                rule.put("Condition", !condition.booleanValue());
            } else {
                String text = condition.asText().trim();
                String inner = text.substring(2, text.length() - 2).trim();
                rule.put("Condition", "{% $not(" + inner + ") %}");
            }
            return;
        }
        ObjectNode body = rule.deepCopy();
        body.remove(List.of("Next", "Assign", "Output", "Comment"));
        List<String> fields = new ArrayList<>();
        rule.fieldNames().forEachRemaining(fields::add);
        for (String f : fields) {
            if (!f.equals("Next") && !f.equals("Assign") && !f.equals("Output")) {
                rule.remove(f);
            }
        }
        rule.set("Not", body);
    }

    /** Operator boundaries and constants of every comparison in a rule, at any depth of And/Or/Not. */
    private void comparisons(String p, JsonNode rule) {
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            JsonNode value = f.getValue();
            if ((key.equals("And") || key.equals("Or")) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    comparisons(p + "/" + key + "/" + i, value.get(i));
                }
            } else if (key.equals("Not") && value.isObject()) {
                comparisons(p + "/Not", value);
            } else if (rule.has("Variable")) {
                String boundary = boundary(key);
                if (boundary != null) {
                    add(MutationOperator.CHOICE_OPERATOR, p + "/" + key, boundary, key + " becomes " + boundary, root -> {
                        ObjectNode c = object(root, p);
                        JsonNode operand = c.remove(key);
                        c.set(boundary, operand);
                    });
                }
                if (key.startsWith("Numeric") && !key.endsWith("Path") && value.isNumber()) {
                    for (int delta : new int[] {-1, 1}) {
                        JsonNode changed = value.isIntegralNumber() ? NODES.numberNode(value.longValue() + delta)
                                : NODES.numberNode(value.decimalValue().add(java.math.BigDecimal.valueOf(delta)));
                        add(MutationOperator.CHOICE_CONSTANT, p + "/" + key, changed.asText(), key + " " + value
                                + " becomes " + changed, root -> object(root, p).set(key, changed));
                    }
                } else if (key.equals("BooleanEquals") && value.isBoolean()) {
                    add(MutationOperator.CHOICE_CONSTANT, p + "/" + key, String.valueOf(!value.booleanValue()),
                            "BooleanEquals " + value + " becomes " + !value.booleanValue(),
                            root -> object(root, p).put(key, !value.booleanValue()));
                }
            }
        }
    }

    /** {@code >} and {@code >=} (and {@code <}, {@code <=}) trade places: the off-by-one of comparisons. */
    private static String boundary(String operator) {
        String suffix = operator.endsWith("Path") ? "Path" : "";
        String base = operator.substring(0, operator.length() - suffix.length());
        for (String family : List.of("Numeric", "String", "Timestamp")) {
            if (!base.startsWith(family)) {
                continue;
            }
            switch (base.substring(family.length())) {
                case "GreaterThan": return family + "GreaterThanEquals" + suffix;
                case "GreaterThanEquals": return family + "GreaterThan" + suffix;
                case "LessThan": return family + "LessThanEquals" + suffix;
                case "LessThanEquals": return family + "LessThan" + suffix;
                default: return null;
            }
        }
        return null;
    }

    private void timeout(String p, JsonNode node) {
        for (String field : List.of("TimeoutSeconds", "HeartbeatSeconds")) {
            JsonNode value = node.get(field);
            if (value == null || !value.isIntegralNumber()) {
                continue;
            }
            add(MutationOperator.TIMEOUT, p + "/" + field, "removed", field + " removed",
                    root -> object(root, p).remove(field));
            setNumber(MutationOperator.TIMEOUT, p, field, value.longValue() * 2);
        }
    }

    private void resultPath(String p, JsonNode state) {
        String type = state.path("Type").asText();
        if (isJsonata(state) || !List.of("Task", "Pass", "Parallel", "Map").contains(type)) {
            return;
        }
        JsonNode value = state.has("ResultPath") ? state.get("ResultPath") : NODES.textNode("$");
        if (!value.isNull() && !value.asText().equals("$")) {
            add(MutationOperator.RESULT_PATH, p + "/ResultPath", "$", "ResultPath " + value + " becomes \"$\"",
                    root -> object(root, p).put("ResultPath", "$"));
        }
        if (!value.isNull()) {
            add(MutationOperator.RESULT_PATH, p + "/ResultPath", "null", "ResultPath " + value + " becomes null",
                    root -> object(root, p).putNull("ResultPath"));
        }
    }

    /** Every variable of every Assign: the state's, its Choice rules' and its Catch's. */
    private void assigns(String p, JsonNode state) {
        assign(p, state);
        for (String list : List.of("Choices", "Catch")) {
            JsonNode items = state.get(list);
            if (items != null && items.isArray()) {
                for (int i = 0; i < items.size(); i++) {
                    assign(p + "/" + list + "/" + i, items.get(i));
                }
            }
        }
    }

    private void assign(String p, JsonNode owner) {
        removeEachField(MutationOperator.ASSIGN_REMOVE, p, owner, "Assign", "variable");
    }

    private void outputFields(String p, JsonNode state) {
        for (String field : List.of("Output", "ResultSelector")) {
            removeEachField(MutationOperator.OUTPUT_FIELD_REMOVE, p, state, field, field + " field");
        }
    }

    private void removeEachField(MutationOperator operator, String p, JsonNode owner, String field, String what) {
        JsonNode object = owner.get(field);
        if (object == null || !object.isObject()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            String f = p + "/" + field;
            add(operator, f + "/" + DefinitionReader.escape(key), null, what + " " + key + " removed", root -> {
                ObjectNode o = object(root, f);
                o.remove(key);
                if (o.isEmpty()) {
                    object(root, p).remove(field);
                }
            });
        }
    }

    private void map(String p, JsonNode state) {
        if (!"Map".equals(state.path("Type").asText())) {
            return;
        }
        JsonNode percentage = state.get("ToleratedFailurePercentage");
        if (percentage != null && percentage.isNumber()) {
            setNumber(MutationOperator.MAP_TOLERATED_FAILURE, p, "ToleratedFailurePercentage",
                    percentage.doubleValue() > 0 ? 0 : 100);
        }
        JsonNode count = state.get("ToleratedFailureCount");
        if (count != null && count.isIntegralNumber()) {
            setNumber(MutationOperator.MAP_TOLERATED_FAILURE, p, "ToleratedFailureCount", count.longValue() > 0 ? 0 : 1);
        }
        JsonNode concurrency = state.get("MaxConcurrency");
        long c = concurrency != null && concurrency.isIntegralNumber() ? concurrency.longValue() : 0;
        if (concurrency == null || concurrency.isIntegralNumber()) {
            setNumber(MutationOperator.MAP_MAX_CONCURRENCY, p, "MaxConcurrency", c == 1 ? 0 : 1);
        }
    }

    private void end(String p, JsonNode state, String self, List<String> names) {
        if (!state.path("End").asBoolean(false)) {
            return;
        }
        for (String target : others(names, self, null)) {
            add(MutationOperator.END_REROUTE, p + "/End", target, "End removed, goes to " + target, root -> {
                ObjectNode s = object(root, p);
                s.remove("End");
                s.put("Next", target);
            });
        }
    }

    /** The next states after {@code self} in definition order, wrapping, other than itself and {@code current}. */
    private static List<String> others(List<String> names, String self, String current) {
        List<String> out = new ArrayList<>();
        int start = names.indexOf(self);
        for (int k = 1; k < names.size() && out.size() < OTHER_TARGETS; k++) {
            String candidate = names.get((start + k) % names.size());
            if (!candidate.equals(self) && !candidate.equals(current)) {
                out.add(candidate);
            }
        }
        return out;
    }

    private void setNumber(MutationOperator operator, String p, String field, double value) {
        JsonNode number = value == Math.rint(value) && Math.abs(value) < 1e15 && !field.equals("BackoffRate")
                ? NODES.numberNode((long) value) : NODES.numberNode(value);
        add(operator, p + "/" + field, number.asText(), field + " becomes " + number,
                root -> object(root, p).set(field, number));
    }

    private boolean isJsonata(JsonNode state) {
        String language = state.path("QueryLanguage").asText(original.path("QueryLanguage").asText("JSONPath"));
        return "JSONata".equals(language);
    }

    /** Makes one mutant on a copy of the definition; keeps it when it validates. */
    private void add(MutationOperator operator, String pointer, String value, String description,
            Consumer<ObjectNode> change) {
        String id = operator.key() + "@" + pointer + (value == null ? "" : "=" + value);
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        List<Diagnostic> diagnostics = DefinitionValidator.validate(copy, SourceLocator.none(), type);
        if (!DefinitionValidator.isValid(diagnostics)) {
            Diagnostic first = diagnostics.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            discarded.add(id + ": " + first.message());
            return;
        }
        String text = Json.pretty(copy);
        kept.add(new Mutant(id, operator, pointer, description, text,
                UnifiedDiff.of(originalText, text, name, name + " (" + id + ")"),
                equivalence.reason(operator, pointer, copy)));
    }

    private static void removeFrom(ObjectNode root, String p, String field, int index) {
        ObjectNode state = object(root, p);
        ArrayNode list = (ArrayNode) state.get(field);
        list.remove(index);
        if (list.isEmpty()) {
            state.remove(field);
        }
    }

    static JsonNode at(JsonNode root, String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    private static ObjectNode object(JsonNode root, String pointer) {
        return (ObjectNode) at(root, pointer);
    }
}
