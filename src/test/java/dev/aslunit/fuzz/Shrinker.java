package dev.aslunit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes a failing case small: drops states (rewiring what led to them), turns states into Pass
 * states, drops array elements (branches, rules, catchers) and optional fields of the definition and
 * of the input, keeping each step that still fails the same way, until no step does or the budget
 * of checks or time is spent.
 */
final class Shrinker {

    private static final int MAX_CHECKS = 400;
    /** Each check may take up to {@link Oracle#TIME_LIMIT} when the failure is a hang. */
    private static final Duration MAX_TIME = Duration.ofMinutes(5);
    /** Fields a state or rule cannot lose and stay valid; trying them only wastes checks. */
    private static final Set<String> KEPT = Set.of("Type", "StartAt", "States", "Next", "End", "Resource",
            "ErrorEquals", "Choices", "Branches", "ItemProcessor", "Variable", "Condition", "ProcessorConfig",
            "Mode", "Bucket", "Key");

    private Shrinker() {
    }

    /** The smallest case found that fails as {@code failing} does, and the problem it shows. */
    static Shrunk shrink(FuzzCase failing, Oracle.Problem problem) {
        FuzzCase smallest = failing;
        Oracle.Problem itsProblem = problem;
        int checks = 0;
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        boolean smaller = true;
        while (smaller && checks < MAX_CHECKS) {
            smaller = false;
            for (FuzzCase candidate : candidates(smallest)) {
                if (++checks > MAX_CHECKS || System.nanoTime() > deadline) {
                    return new Shrunk(smallest, itsProblem, checks);
                }
                Optional<Oracle.Problem> p = Oracle.check(candidate);
                if (p.isPresent() && p.get().kind().equals(problem.kind())) {
                    smallest = candidate;
                    itsProblem = p.get();
                    smaller = true;
                    break;
                }
            }
        }
        return new Shrunk(smallest, itsProblem, checks);
    }

    record Shrunk(FuzzCase smallest, Oracle.Problem problem, int checks) {
    }

    /** Smaller variants of a case, the biggest cuts first. */
    static List<FuzzCase> candidates(FuzzCase c) {
        List<FuzzCase> out = new ArrayList<>();
        List<ObjectNode> machines = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        List<ArrayNode> arrays = new ArrayList<>();
        collect(c.definition(), machines, objects, arrays);

        for (int m = 0; m < machines.size(); m++) {
            List<String> names = new ArrayList<>();
            machines.get(m).get("States").fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                int machine = m;
                variant(c, out, (ObjectNode copy) -> dropState(machineAt(copy, machine), name));
            }
        }
        for (int m = 0; m < machines.size(); m++) {
            List<String> names = new ArrayList<>();
            machines.get(m).get("States").fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                int machine = m;
                variant(c, out, (ObjectNode copy) -> toPass(machineAt(copy, machine), name));
            }
        }
        for (int a = 0; a < arrays.size(); a++) {
            for (int i = 0; i < arrays.get(a).size() && arrays.get(a).size() > 1; i++) {
                int array = a;
                int element = i;
                variant(c, out, (ObjectNode copy) -> arrayAt(copy, array).remove(element));
            }
        }
        for (int o = 0; o < objects.size(); o++) {
            List<String> fields = new ArrayList<>();
            objects.get(o).fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (!KEPT.contains(field)) {
                    int object = o;
                    variant(c, out, (ObjectNode copy) -> objectAt(copy, object).remove(field));
                }
            }
        }
        List<String> inputFields = new ArrayList<>();
        c.input().fieldNames().forEachRemaining(inputFields::add);
        for (String field : inputFields) {
            ObjectNode input = c.input().deepCopy();
            input.remove(field);
            out.add(c.with(c.definition(), input));
        }
        return out;
    }

    private static void variant(FuzzCase c, List<FuzzCase> out, Consumer<ObjectNode> change) {
        ObjectNode copy = c.definition().deepCopy();
        change.accept(copy);
        if (!copy.equals(c.definition())) {
            out.add(c.with(copy, c.input()));
        }
    }

    /** Removes a state; whatever went to it goes where it went, or ends where it ended. */
    private static void dropState(ObjectNode machine, String name) {
        ObjectNode states = (ObjectNode) machine.get("States");
        if (states.size() == 1) {
            return;
        }
        JsonNode dropped = states.remove(name);
        String next = dropped.path("Next").asText(null);
        if (machine.path("StartAt").asText().equals(name)) {
            if (next == null) {
                states.set(name, dropped);
                return;
            }
            machine.put("StartAt", next);
        }
        rewire(states, name, next);
    }

    private static void rewire(JsonNode node, String from, String to) {
        if (node.isArray()) {
            node.forEach(n -> rewire(n, from, to));
        } else if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String field : List.of("Next", "Default")) {
                if (o.path(field).asText().equals(from)) {
                    if (to != null) {
                        o.put(field, to);
                    } else if (field.equals("Next") && o.has("Type")) {
                        o.remove("Next");
                        o.put("End", true);
                    }
                }
            }
            // a nested machine's states have names of their own
            o.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("Branches") && !e.getKey().equals("ItemProcessor")) {
                    rewire(e.getValue(), from, to);
                }
            });
        }
    }

    /** Replaces a state with a Pass state that leads where it led. */
    private static void toPass(ObjectNode machine, String name) {
        ObjectNode states = (ObjectNode) machine.get("States");
        JsonNode state = states.get(name);
        if (!state.has("Next") && !state.has("End")) {
            return;
        }
        ObjectNode pass = Json.nodes().objectNode().put("Type", "Pass");
        if (state.has("QueryLanguage")) {
            pass.set("QueryLanguage", state.get("QueryLanguage"));
        }
        if (state.has("Next")) {
            pass.set("Next", state.get("Next"));
        } else {
            pass.put("End", true);
        }
        if (!pass.equals(state)) {
            states.set(name, pass);
        }
    }

    /** Walks the tree in a fixed order, so an index names the same node in a deep copy. */
    private static void collect(JsonNode node, List<ObjectNode> machines, List<ObjectNode> objects,
            List<ArrayNode> arrays) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            objects.add(o);
            if (o.has("StartAt") && o.path("States").isObject()) {
                machines.add(o);
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                collect(it.next(), machines, objects, arrays);
            }
        } else if (node.isArray()) {
            arrays.add((ArrayNode) node);
            node.forEach(n -> collect(n, machines, objects, arrays));
        }
    }

    private static ObjectNode machineAt(ObjectNode root, int index) {
        List<ObjectNode> machines = new ArrayList<>();
        collect(root, machines, new ArrayList<>(), new ArrayList<>());
        return machines.get(index);
    }

    private static ObjectNode objectAt(ObjectNode root, int index) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, new ArrayList<>(), objects, new ArrayList<>());
        return objects.get(index);
    }

    private static ArrayNode arrayAt(ObjectNode root, int index) {
        List<ArrayNode> arrays = new ArrayList<>();
        collect(root, new ArrayList<>(), new ArrayList<>(), arrays);
        return arrays.get(index);
    }
}
