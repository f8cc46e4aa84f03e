package dev.aslunit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid state machines from a seed: graphs of every state type with loops, Choice rules of
 * every kind, nested Map (inline and Distributed, with {@code ItemReader} and {@code ResultWriter})
 * and Parallel, Retry and Catch, JSONPath paths that may select nothing and intrinsics that may fail,
 * JSONata expressions that may fail, and variables ({@code Assign}). Every definition must pass the
 * validator: what the engine does with it at run time is what the fuzzer tests, so a refused
 * definition is a generator bug, not a skipped case.
 */
final class RandomWorkflows {

    /** The bucket whose objects an {@code ItemReader} reads; see {@link #s3Objects()}. */
    static final String BUCKET = "fuzz";

    private static final List<String> PATHS = List.of("$", "$.a", "$.n", "$.items", "$.nested", "$.nested.x",
            "$$.Execution.Name", "$$.State.Name");
    /** Paths that select nothing for some inputs: a fifth of the paths, so most workflows run on. */
    private static final List<String> RISKY_PATHS = List.of("$.missing", "$.items[0]", "$.items[*].v", "$.a.b.c");
    private static final List<String> INTRINSICS = List.of(
            "States.Format('n={} a={}', $.n, $.a)", "States.MathAdd($.n, 1)", "States.ArrayLength($.items)",
            "States.JsonToString($)", "States.StringToJson($.a)", "States.Array($.n, $.a)",
            "States.ArrayPartition($.items, 2)", "States.ArrayRange(1, 9, 2)", "States.ArrayGetItem($.items, 1)",
            "States.UUID()", "States.MathRandom(1, 100)", "States.Hash($.a, 'SHA-256')",
            "States.Base64Encode($.a)", "States.StringSplit($.a, ',')", "States.ArrayUnique($.items)",
            "States.JsonMerge($.nested, $.nested, false)", "States.ArrayContains($.items, $.n)");
    /** JSONata values over the state's input; some fail at run time (a string where a number is due). */
    private static final List<String> JSONATA_VALUES = List.of("$states.input", "$states.input.n",
            "$states.input.n + 1", "$states.input.a", "$count($states.input.items)", "$states.input.items[0]",
            "$states.input.items.v", "$states.input.missing", "$states.context.Execution.Name",
            "$string($states.input.a)", "$number($states.input.a)", "$states.input.n * 2 - $count($states.input.items)",
            "{'n': $states.input.n + 1, 'items': $states.input.items, 'a': $states.input.a}",
            "$states.input.nested", "$uuid()", "$random()", "$partition($states.input.items, 2)",
            "$parse($states.input.a)", "$hash($string($states.input.n), 'SHA-256')");
    private static final List<String> JSONATA_CONDITIONS = List.of("$states.input.n > 2",
            "$states.input.nested.x", "$exists($states.input.a)", "$count($states.input.items) = 0",
            "$states.input.a = 'x,y'", "$states.input.n", "$states.input.missing.x = 1",
            "$contains($string($states.input.a), 'x')");
    private static final List<String> ERRORS = List.of("States.ALL", "States.TaskFailed", "States.Timeout",
            "States.Runtime", "Lambda.TooManyRequestsException", "Custom.Error", "States.IntrinsicFailure",
            "States.QueryEvaluationError", "States.ItemReaderFailed", "States.ResultWriterFailed");
    private static final List<String> OPERATORS = List.of("StringEquals", "NumericEquals", "NumericLessThan",
            "NumericGreaterThanEquals", "BooleanEquals", "StringMatches", "TimestampLessThan", "IsPresent", "IsNull",
            "IsNumeric", "IsString", "NumericLessThanPath", "StringEqualsPath");
    private static final List<String> OBJECTS = List.of("items.json", "items.jsonl", "items.csv", "missing.json");

    private final Random random;
    private int machines;

    RandomWorkflows(long seed) {
        this.random = new Random(seed);
    }

    JsonNode definition() {
        boolean jsonata = random.nextInt(4) == 0;
        ObjectNode root = Json.nodes().objectNode();
        if (jsonata) {
            root.put("QueryLanguage", "JSONata");
        }
        root.setAll(machine(0, jsonata, List.of()));
        if (random.nextInt(4) == 0) {
            root.put("TimeoutSeconds", 1 + random.nextInt(100_000));
        }
        return root;
    }

    JsonNode input() {
        ObjectNode in = Json.nodes().objectNode();
        in.set("a", pick(List.of(text("x,y"), number(3), Json.nodes().nullNode(), text("{\"k\": 1}"))));
        in.put("n", random.nextInt(10) - 2);
        ArrayNode items = in.putArray("items");
        for (int i = random.nextInt(5); i > 0; i--) {
            items.addObject().put("v", random.nextInt(3));
        }
        in.putObject("nested").put("x", random.nextBoolean());
        return in;
    }

    /** The objects an {@code ItemReader} may name, by key in {@link #BUCKET}: each format, a few items. */
    ObjectNode s3Objects() {
        int count = random.nextInt(6);
        StringBuilder json = new StringBuilder("[");
        StringBuilder lines = new StringBuilder();
        StringBuilder csv = new StringBuilder("v,w\n");
        for (int i = 0; i < count; i++) {
            int v = random.nextInt(3);
            json.append(i == 0 ? "" : ",").append("{\"v\":").append(v).append('}');
            lines.append("{\"v\":").append(v).append("}\n");
            csv.append(v).append(",w").append(i).append('\n');
        }
        ObjectNode objects = Json.nodes().objectNode();
        objects.put("items.json", json.append(']').toString());
        objects.put("items.jsonl", lines.toString());
        objects.put("items.csv", csv.toString());
        return objects;
    }

    /**
     * A state machine's {@code StartAt} and {@code States}. Its variables are named after the machine,
     * so no nested scope assigns a name an outer one has ({@code DUPLICATE_VARIABLE_NAME}).
     */
    private ObjectNode machine(int depth, boolean jsonata, List<String> outerVariables) {
        int count = 1 + random.nextInt(depth == 0 ? 8 : 3);
        int id = machines++;
        // state names are unique in the whole definition, nested machines included
        String prefix = "D" + depth + "x" + id + "S";
        List<String> variables = new ArrayList<>(outerVariables);
        variables.add("v" + id + "a");
        variables.add("v" + id + "b");
        Scope scope = new Scope(prefix, count, depth, jsonata, variables, List.of("v" + id + "a", "v" + id + "b"));
        ObjectNode states = Json.nodes().objectNode();
        for (int i = 0; i < count; i++) {
            states.set(prefix + i, state(scope, i));
        }
        ObjectNode m = Json.nodes().objectNode();
        m.put("StartAt", prefix + "0");
        m.set("States", states);
        return m;
    }

    /** What the states of one machine share: their names, their query language and their variables. */
    private record Scope(String prefix, int count, int depth, boolean jsonata, List<String> visible,
            List<String> own) {
    }

    private ObjectNode state(Scope scope, int index) {
        ObjectNode s = Json.nodes().objectNode();
        boolean last = index == scope.count() - 1;
        // the last state ends the machine, so every state has a way out: a Choice, which cannot
        // end, and a Succeed or Fail, which would leave the states after them unreachable, go elsewhere
        int kind = last ? pick(List.of(0, 3, 4, 5, 6, 7, 8)) : pick(List.of(0, 1, 2, 3, 5, 6, 7, 8));
        if (scope.depth() >= 2 && kind >= 7) {
            kind = 5;
        }
        boolean jsonata = scope.jsonata();
        if (!jsonata && kind <= 6 && random.nextInt(6) == 0) {
            s.put("QueryLanguage", "JSONata");
            jsonata = true;
        }
        switch (kind) {
            case 0, 1 -> pass(s, scope, jsonata);
            case 2 -> choice(s, scope, index, jsonata);
            case 3 -> waitState(s, jsonata);
            case 4 -> end(s, jsonata);
            case 5, 6 -> task(s, scope, jsonata);
            case 7 -> parallel(s, scope, jsonata);
            default -> map(s, scope, jsonata);
        }
        if (kind != 2 && kind != 4) {
            if (last) {
                s.put("End", true);
            } else {
                s.put("Next", scope.prefix() + (index + 1));
            }
        }
        return s;
    }

    private void pass(ObjectNode s, Scope scope, boolean jsonata) {
        s.put("Type", "Pass");
        if (jsonata) {
            maybeOutput(s, false);
        } else {
            if (random.nextBoolean()) {
                s.set("Parameters", template(scope));
            }
            maybePaths(s);
        }
        maybeAssign(s, scope, jsonata, false);
    }

    private void choice(ObjectNode s, Scope scope, int index, boolean jsonata) {
        s.put("Type", "Choice");
        ArrayNode choices = s.putArray("Choices");
        boolean withDefault = random.nextInt(4) > 0;
        for (int i = 0; i <= random.nextInt(2); i++) {
            ObjectNode c = jsonata ? Json.nodes().objectNode().put("Condition", expression(pick(JSONATA_CONDITIONS)))
                    : rule(scope, 2);
            // without a Default the first rule leads on, so the states after this one stay reachable
            c.put("Next", i == 0 && !withDefault ? scope.prefix() + (index + 1) : target(scope));
            if (random.nextInt(4) == 0) {
                assign(c, scope, jsonata, false);
            }
            choices.add(c);
        }
        if (withDefault) {
            s.put("Default", scope.prefix() + (index + 1));
        }
        if (jsonata) {
            maybeOutput(s, false);
        } else if (random.nextInt(4) == 0) {
            s.put("InputPath", path());
        }
    }

    private void waitState(ObjectNode s, boolean jsonata) {
        s.put("Type", "Wait");
        if (random.nextBoolean()) {
            s.put("Seconds", random.nextInt(10_000_000));
        } else if (jsonata) {
            s.put("Seconds", expression(pick(List.of("$states.input.n", "$states.input.a", "$count($states.input.items)"))));
        } else {
            s.put("SecondsPath", random.nextBoolean() ? "$.n" : path());
        }
    }

    private void end(ObjectNode s, boolean jsonata) {
        if (random.nextBoolean()) {
            s.put("Type", "Succeed");
            if (jsonata) {
                maybeOutput(s, false);
            }
            return;
        }
        s.put("Type", "Fail");
        if (random.nextBoolean()) {
            String error = pick(ERRORS);
            s.put("Error", jsonata && random.nextBoolean() ? expression("'" + error + "'") : error);
            s.put("Cause", jsonata && random.nextBoolean() ? expression("$string($states.input.n)") : "generated");
        }
    }

    private void task(ObjectNode s, Scope scope, boolean jsonata) {
        s.put("Type", "Task");
        boolean function = !jsonata && random.nextBoolean();
        s.put("Resource", function ? "arn:aws:lambda:us-east-1:123456789012:function:f"
                : "arn:aws:states:::lambda:invoke");
        if (jsonata) {
            if (random.nextBoolean()) {
                s.putObject("Arguments").put("FunctionName", "f").put("Payload", expression(pick(JSONATA_VALUES)));
            }
            maybeOutput(s, true);
        } else {
            if (random.nextBoolean()) {
                s.set("Parameters", template(scope));
            }
            maybePaths(s);
        }
        if (random.nextBoolean()) {
            s.put("TimeoutSeconds", 1 + random.nextInt(100));
        }
        maybeAssign(s, scope, jsonata, true);
        retryAndCatch(s, scope, jsonata);
    }

    private void parallel(ObjectNode s, Scope scope, boolean jsonata) {
        s.put("Type", "Parallel");
        ArrayNode branches = s.putArray("Branches");
        for (int i = 0; i <= random.nextInt(3); i++) {
            branches.add(machine(scope.depth() + 1, jsonata, scope.visible()));
        }
        containerEnd(s, scope, jsonata);
    }

    private void map(ObjectNode s, Scope scope, boolean jsonata) {
        s.put("Type", "Map");
        boolean distributed = random.nextInt(3) == 0;
        boolean reader = distributed && random.nextBoolean();
        if (reader) {
            String key = pick(OBJECTS);
            ObjectNode r = s.putObject("ItemReader").put("Resource", "arn:aws:states:::s3:getObject");
            if (!key.endsWith(".json")) {
                ObjectNode config = r.putObject("ReaderConfig").put("InputType", key.endsWith(".csv") ? "CSV" : "JSONL");
                if (key.endsWith(".csv")) {
                    config.put("CSVHeaderLocation", "FIRST_ROW");
                }
            }
            r.putObject(jsonata ? "Arguments" : "Parameters").put("Bucket", BUCKET).put("Key", key);
        } else if (jsonata) {
            s.put("Items", expression(random.nextInt(4) == 0 ? pick(JSONATA_VALUES) : "$states.input.items"));
        } else {
            s.put("ItemsPath", random.nextInt(4) == 0 ? path() : "$.items");
        }
        if (random.nextInt(4) == 0) {
            ObjectNode selector = s.putObject("ItemSelector");
            if (jsonata) {
                selector.put("index", expression("$states.context.Map.Item.Index"))
                        .put("value", expression("$states.context.Map.Item.Value"));
            } else {
                selector.put("index.$", "$$.Map.Item.Index").put("value.$", "$$.Map.Item.Value");
            }
        }
        if (random.nextBoolean()) {
            s.put("MaxConcurrency", random.nextInt(4));
        }
        if (distributed && random.nextBoolean()) {
            s.put("ToleratedFailureCount", random.nextInt(3));
        }
        // a Distributed Map's children run apart from the parent and cannot read its variables
        ObjectNode processor = machine(scope.depth() + 1, jsonata, distributed ? List.of() : scope.visible());
        if (distributed) {
            processor.putObject("ProcessorConfig").put("Mode", "DISTRIBUTED")
                    .put("ExecutionType", random.nextBoolean() ? "STANDARD" : "EXPRESS");
            if (random.nextInt(3) == 0) {
                s.putObject("ResultWriter").put("Resource", "arn:aws:states:::s3:putObject")
                        .putObject(jsonata ? "Arguments" : "Parameters").put("Bucket", "results").put("Prefix", "run");
            }
        }
        s.set("ItemProcessor", processor);
        containerEnd(s, scope, jsonata);
    }

    /** What a Parallel and a Map state have after their children: a result, variables, Retry, Catch. */
    private void containerEnd(ObjectNode s, Scope scope, boolean jsonata) {
        if (jsonata) {
            maybeOutput(s, true);
        } else if (random.nextInt(3) == 0) {
            s.put("ResultPath", pick(List.of("$.r", "$", "$.nested.y")));
        }
        maybeAssign(s, scope, jsonata, true);
        retryAndCatch(s, scope, jsonata);
    }

    private ObjectNode rule(Scope scope, int depth) {
        ObjectNode r = Json.nodes().objectNode();
        int kind = depth > 0 ? random.nextInt(6) : 5;
        if (kind == 0 || kind == 1) {
            ArrayNode list = r.putArray(kind == 0 ? "And" : "Or");
            list.add(rule(scope, depth - 1));
            list.add(rule(scope, depth - 1));
            return r;
        }
        if (kind == 2) {
            r.set("Not", rule(scope, depth - 1));
            return r;
        }
        String op = pick(OPERATORS);
        r.put("Variable", random.nextInt(6) == 0 ? "$" + pick(scope.visible()) : path());
        if (op.startsWith("Is")) {
            r.put(op, random.nextBoolean());
        } else if (op.endsWith("Path")) {
            r.put(op, path());
        } else if (op.startsWith("Numeric")) {
            r.put(op, random.nextInt(5));
        } else if (op.startsWith("Boolean")) {
            r.put(op, random.nextBoolean());
        } else if (op.startsWith("Timestamp")) {
            r.put(op, "2026-01-01T00:00:00Z");
        } else {
            r.put(op, random.nextBoolean() ? "x*" : "x,y");
        }
        return r;
    }

    private void retryAndCatch(ObjectNode s, Scope scope, boolean jsonata) {
        if (random.nextBoolean()) {
            ObjectNode r = s.putArray("Retry").addObject();
            r.putArray("ErrorEquals").add(pick(ERRORS.subList(1, ERRORS.size())));
            r.put("IntervalSeconds", 1 + random.nextInt(5));
            r.put("MaxAttempts", random.nextInt(4));
            r.put("BackoffRate", 1.0 + random.nextInt(3));
            if (random.nextBoolean()) {
                r.put("JitterStrategy", "FULL");
                r.put("MaxDelaySeconds", 1 + random.nextInt(10));
            }
        }
        if (random.nextBoolean()) {
            ObjectNode c = s.putArray("Catch").addObject();
            c.putArray("ErrorEquals").add(pick(ERRORS));
            c.put("Next", target(scope));
            if (jsonata) {
                if (random.nextBoolean()) {
                    c.put("Output", expression("$merge([$states.input, {'error': $states.errorOutput}])"));
                }
            } else if (random.nextBoolean()) {
                c.put("ResultPath", "$.error");
            }
            if (random.nextInt(3) == 0) {
                assign(c, scope, jsonata, false);
            }
        }
    }

    /**
     * JSONPath's input and output paths. A result (a Task's, or a Pass state's {@code Parameters})
     * goes mostly beside the input, as in most real workflows, so later states still find its fields.
     */
    private void maybePaths(ObjectNode s) {
        if (random.nextInt(4) == 0) {
            s.put("InputPath", path());
        }
        boolean replacesInput = s.has("Parameters") || s.path("Type").asText().equals("Task");
        if (replacesInput ? random.nextInt(4) > 0 : random.nextInt(3) == 0) {
            s.put("ResultPath", random.nextInt(4) > 0 ? "$.r" : pick(List.of("$", "$.a.b", "$.nested.y")));
        }
        if (random.nextInt(6) == 0) {
            s.put("OutputPath", path());
        }
    }

    /** A JSONata {@code Output}; {@code $states.result} only where the state has a result. */
    private void maybeOutput(ObjectNode s, boolean hasResult) {
        if (random.nextInt(3) > 0) {
            return;
        }
        if (hasResult && random.nextBoolean()) {
            s.put("Output", expression(pick(List.of("$states.result", "$merge([$states.input, {'r': $states.result}])"))));
        } else {
            s.put("Output", expression(pick(JSONATA_VALUES)));
        }
    }

    private void maybeAssign(ObjectNode s, Scope scope, boolean jsonata, boolean hasResult) {
        if (random.nextInt(3) == 0) {
            assign(s, scope, jsonata, hasResult);
        }
    }

    /** Assigns one of this machine's own variables, from the input, a variable or a constant. */
    private void assign(ObjectNode s, Scope scope, boolean jsonata, boolean hasResult) {
        ObjectNode a = s.putObject("Assign");
        String name = pick(scope.own());
        switch (random.nextInt(3)) {
            case 0 -> a.put(name, random.nextInt(5));
            case 1 -> {
                if (jsonata) {
                    a.put(name, expression(hasResult && random.nextBoolean() ? "$states.result" : pick(JSONATA_VALUES)));
                } else {
                    a.put(name + ".$", path());
                }
            }
            default -> {
                String other = pick(scope.visible());
                if (jsonata) {
                    a.put(name, expression("$" + other));
                } else {
                    a.put(name + ".$", "$" + other);
                }
            }
        }
    }

    private ObjectNode template(Scope scope) {
        ObjectNode t = Json.nodes().objectNode();
        t.put("fixed", random.nextInt(100));
        t.put("p.$", path());
        if (random.nextBoolean()) {
            t.put("i.$", pick(INTRINSICS));
        }
        if (random.nextInt(4) == 0) {
            t.put("var.$", "$" + pick(scope.visible()));
        }
        return t;
    }

    private String path() {
        return random.nextInt(5) == 0 ? pick(RISKY_PATHS) : pick(PATHS);
    }

    private String target(Scope scope) {
        return scope.prefix() + random.nextInt(scope.count());
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String expression(String jsonata) {
        return "{% " + jsonata + " %}";
    }

    private static JsonNode text(String s) {
        return Json.nodes().textNode(s);
    }

    private static JsonNode number(int n) {
        return Json.nodes().numberNode(n);
    }
}
