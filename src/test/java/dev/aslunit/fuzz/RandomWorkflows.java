package dev.aslunit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.util.List;
import java.util.Random;

/**
 * Random state machines from a seed: graphs of every state type with loops, Choice rules of every
 * kind, nested Map and Parallel, Retry and Catch, paths that may select nothing, intrinsics that
 * may fail. Most are valid ASL; the rest must be refused with diagnostics, never an exception.
 */
final class RandomWorkflows {

    private static final List<String> PATHS = List.of("$", "$.a", "$.n", "$.items", "$.nested.x", "$.missing",
            "$.items[0]", "$.items[*].v", "$$.Execution.Name", "$$.State.Name", "$.a.b.c");
    private static final List<String> INTRINSICS = List.of(
            "States.Format('n={} a={}', $.n, $.a)", "States.MathAdd($.n, 1)", "States.ArrayLength($.items)",
            "States.JsonToString($)", "States.StringToJson($.a)", "States.Array($.n, $.a)",
            "States.ArrayPartition($.items, 2)", "States.ArrayRange(1, 9, 2)", "States.ArrayGetItem($.items, 1)",
            "States.UUID()", "States.MathRandom(1, 100)", "States.Hash($.a, 'SHA-256')",
            "States.Base64Encode($.a)", "States.StringSplit($.a, ',')", "States.ArrayUnique($.items)",
            "States.JsonMerge($.nested, $.nested, false)", "States.ArrayContains($.items, $.n)");
    private static final List<String> ERRORS = List.of("States.ALL", "States.TaskFailed", "States.Timeout",
            "States.Runtime", "Lambda.TooManyRequestsException", "Custom.Error", "States.IntrinsicFailure");
    private static final List<String> OPERATORS = List.of("StringEquals", "NumericEquals", "NumericLessThan",
            "NumericGreaterThanEquals", "BooleanEquals", "StringMatches", "TimestampLessThan", "IsPresent", "IsNull",
            "IsNumeric", "IsString", "NumericLessThanPath", "StringEqualsPath");

    private final Random random;

    RandomWorkflows(long seed) {
        this.random = new Random(seed);
    }

    JsonNode definition() {
        ObjectNode root = machine(0);
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

    private ObjectNode machine(int depth) {
        int count = 1 + random.nextInt(depth == 0 ? 8 : 3);
        ObjectNode states = Json.nodes().objectNode();
        String prefix = "D" + depth + "x" + random.nextInt(1000) + "S";
        for (int i = 0; i < count; i++) {
            states.set(prefix + i, state(prefix, i, count, depth));
        }
        ObjectNode m = Json.nodes().objectNode();
        m.put("StartAt", prefix + "0");
        m.set("States", states);
        return m;
    }

    private ObjectNode state(String prefix, int index, int count, int depth) {
        ObjectNode s = Json.nodes().objectNode();
        int kind = random.nextInt(depth < 2 ? 9 : 7);
        boolean last = index == count - 1;
        if (!last && kind == 4) {
            kind = 0; // a Succeed or Fail in the middle would leave the states after it unreachable
        }
        switch (kind) {
            case 0:
            case 1:
                s.put("Type", "Pass");
                if (random.nextBoolean()) {
                    s.set("Parameters", template());
                }
                maybePaths(s);
                transition(s, prefix, index, count);
                break;
            case 2:
                s.put("Type", "Choice");
                ArrayNode choices = s.putArray("Choices");
                for (int i = 0; i <= random.nextInt(2); i++) {
                    ObjectNode c = rule(2);
                    c.put("Next", target(prefix, count));
                    choices.add(c);
                }
                if (!last) {
                    s.put("Default", prefix + (index + 1));
                } else if (random.nextInt(3) > 0) {
                    s.put("Default", target(prefix, count));
                }
                break;
            case 3:
                s.put("Type", "Wait");
                if (random.nextBoolean()) {
                    s.put("Seconds", random.nextInt(10_000_000));
                } else {
                    s.put("SecondsPath", pick(PATHS));
                }
                transition(s, prefix, index, count);
                break;
            case 4:
                s.put("Type", random.nextBoolean() ? "Succeed" : "Fail");
                if ("Fail".equals(s.get("Type").asText()) && random.nextBoolean()) {
                    s.put("Error", pick(ERRORS));
                    s.put("Cause", "generated");
                }
                break;
            case 5:
            case 6:
                s.put("Type", "Task");
                s.put("Resource", random.nextBoolean() ? "arn:aws:lambda:us-east-1:123456789012:function:f"
                        : "arn:aws:states:::lambda:invoke");
                if (random.nextBoolean()) {
                    s.set("Parameters", template());
                }
                if (random.nextBoolean()) {
                    s.put("TimeoutSeconds", 1 + random.nextInt(100));
                }
                retryAndCatch(s, prefix, count);
                maybePaths(s);
                transition(s, prefix, index, count);
                break;
            case 7:
                s.put("Type", "Parallel");
                ArrayNode branches = s.putArray("Branches");
                for (int i = 0; i <= random.nextInt(3); i++) {
                    branches.add(machine(depth + 1));
                }
                retryAndCatch(s, prefix, count);
                transition(s, prefix, index, count);
                break;
            default:
                s.put("Type", "Map");
                s.put("ItemsPath", random.nextInt(4) == 0 ? pick(PATHS) : "$.items");
                if (random.nextBoolean()) {
                    s.put("MaxConcurrency", random.nextInt(4));
                }
                if (random.nextBoolean()) {
                    s.put("ToleratedFailureCount", random.nextInt(3));
                }
                ObjectNode processor = machine(depth + 1);
                if (random.nextInt(3) == 0) {
                    // a Distributed Map: its iterations are child executions with histories of their own
                    processor.putObject("ProcessorConfig").put("Mode", "DISTRIBUTED")
                            .put("ExecutionType", random.nextBoolean() ? "STANDARD" : "EXPRESS");
                }
                s.set("ItemProcessor", processor);
                retryAndCatch(s, prefix, count);
                transition(s, prefix, index, count);
                break;
        }
        return s;
    }

    private ObjectNode rule(int depth) {
        ObjectNode r = Json.nodes().objectNode();
        int kind = depth > 0 ? random.nextInt(6) : 5;
        if (kind == 0 || kind == 1) {
            ArrayNode list = r.putArray(kind == 0 ? "And" : "Or");
            list.add(rule(depth - 1));
            list.add(rule(depth - 1));
            return r;
        }
        if (kind == 2) {
            r.set("Not", rule(depth - 1));
            return r;
        }
        String op = pick(OPERATORS);
        r.put("Variable", pick(PATHS));
        if (op.startsWith("Is")) {
            r.put(op, random.nextBoolean());
        } else if (op.endsWith("Path")) {
            r.put(op, pick(PATHS));
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

    private void retryAndCatch(ObjectNode s, String prefix, int count) {
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
            c.put("Next", target(prefix, count));
            if (random.nextBoolean()) {
                c.put("ResultPath", "$.error");
            }
        }
    }

    private void maybePaths(ObjectNode s) {
        if (random.nextInt(3) == 0) {
            s.put("InputPath", pick(PATHS));
        }
        if (random.nextInt(3) == 0) {
            s.put("ResultPath", pick(List.of("$.r", "$", "$.a.b", "$.nested.y")));
        }
        if (random.nextInt(4) == 0) {
            s.put("OutputPath", pick(PATHS));
        }
    }

    private ObjectNode template() {
        ObjectNode t = Json.nodes().objectNode();
        t.put("fixed", random.nextInt(100));
        t.put("p.$", pick(PATHS));
        if (random.nextBoolean()) {
            t.put("i.$", pick(INTRINSICS));
        }
        return t;
    }

    private void transition(ObjectNode s, String prefix, int index, int count) {
        if (index == count - 1) {
            s.put("End", true);
        } else {
            s.put("Next", prefix + (index + 1));
        }
    }

    private String target(String prefix, int count) {
        return prefix + random.nextInt(count);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static JsonNode text(String s) {
        return Json.nodes().textNode(s);
    }

    private static JsonNode number(int n) {
        return Json.nodes().numberNode(n);
    }
}
