package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.ExecutionStatus;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.history.HistoryEvent;
import dev.aslunit.internal.path.PathScope;
import dev.aslunit.internal.path.PayloadTemplate;
import dev.aslunit.internal.path.ReferencePath;
import dev.aslunit.internal.path.ResultPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * AWS's TestState as a Java API: one state run on its own, on a virtual clock, answering what
 * TestState answers (status, output, error, next state and, at DEBUG, the data after each
 * processing step). Like TestState it does not retry: an error a retrier would retry ends the
 * test with status {@code RETRIABLE}.
 *
 * <pre>{@code
 * StateTestResult r = StateTest.of("""
 *         {"Type":"Pass","Parameters":{"total.$":"$.a"},"Next":"Done"}""")
 *         .input("{\"a\":1}").inspectionLevel(InspectionLevel.DEBUG).run();
 * // r.status() = SUCCEEDED, r.output() = {"total":1}, r.nextState() = Done
 * }</pre>
 */
public final class StateTest {

    private static final String DEFAULT_NAME = "TestState";
    private static final String VARIABLES_STATE = "ASLUnit-TestState-Variables";
    private static final Instant START = dev.aslunit.StepFunctionsConfig.DEFAULT_START_TIME;

    private final JsonNode state;
    private final String name;
    private final JsonNode queryLanguage;
    private String input = "{}";
    private InspectionLevel inspectionLevel = InspectionLevel.INFO;
    private String variables;
    private TaskHandler taskHandler;

    private StateTest(JsonNode state, String name, JsonNode queryLanguage) {
        this.state = state;
        this.name = name;
        this.queryLanguage = queryLanguage;
    }

    /** Tests a single state given as its JSON, e.g. {@code {"Type":"Pass","End":true}}. */
    public static StateTest of(String stateDefinition) {
        JsonNode state = parse(stateDefinition, "state definition");
        if (!state.isObject() || !state.has("Type")) {
            throw new IllegalArgumentException("The state definition must be a JSON object with a \"Type\"; to test "
                    + "a state of a whole state machine, pass the machine and the state's name");
        }
        return new StateTest(state, DEFAULT_NAME, null);
    }

    /** Tests the top-level state {@code stateName} of a whole state machine definition. */
    public static StateTest of(String machineDefinition, String stateName) {
        JsonNode machine = parse(machineDefinition, "state machine definition");
        JsonNode state = machine.path("States").get(stateName);
        if (state == null || !state.isObject()) {
            throw new IllegalArgumentException("The definition has no top-level state \"" + stateName + "\"; its "
                    + "states are " + fieldNames(machine.path("States")));
        }
        return new StateTest(state, stateName, machine.get("QueryLanguage"));
    }

    /** The state's input as JSON text ({@code {}} by default). */
    public StateTest input(String json) {
        parse(json, "input");
        this.input = json;
        return this;
    }

    public StateTest inspectionLevel(InspectionLevel level) {
        this.inspectionLevel = Objects.requireNonNull(level, "level");
        return this;
    }

    /** Variables in scope when the state runs, as a JSON object. */
    public StateTest variables(String jsonObject) {
        if (!parse(jsonObject, "variables").isObject()) {
            throw new IllegalArgumentException("Variables must be a JSON object of names and values, not " + jsonObject);
        }
        this.variables = jsonObject;
        return this;
    }

    /** A Task state's result, as TestState's {@code mock.result}. */
    public StateTest mockResult(String json) {
        JsonNode result = parse(json, "mock result");
        return taskHandler(invocation -> Optional.of(TaskOutcome.succeeded(result)));
    }

    /** A Task state's error, as TestState's {@code mock.errorOutput}. */
    public StateTest mockError(String error, String cause) {
        return taskHandler(invocation -> Optional.of(TaskOutcome.failed(error, cause)));
    }

    /** Who answers a Task state when no mock result or error is given. */
    public StateTest taskHandler(TaskHandler handler) {
        this.taskHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Runs the state.
     *
     * @throws IllegalArgumentException when the state is not valid ASL (the message lists the problems)
     */
    public StateTestResult run() {
        try {
            return runChecked();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** As {@link #run()}, with an invalid state as AWS's {@code InvalidDefinition}. */
    StateTestResult runChecked() {
        CompiledStateMachine compiled = new Definitions().compile(wrapper().toString(),
                DEFAULT_NAME, "STANDARD");
        ExecutionOptions.Builder options = ExecutionOptions.builder().input(parse(input, "input"))
                .executionName("TestState");
        if (taskHandler != null) {
            options.taskHandler(taskHandler);
        }
        ExecutionRun run = compiled.start(options.build(), new VirtualScheduler(START)).awaitCompletion();
        return analyse(run);
    }

    /**
     * A machine around the state: variables assigned first, every transition target a Succeed
     * state, so the run shows what the state did and where it would go next. Retry is left out:
     * TestState reports a retriable error instead of retrying.
     */
    private ObjectNode wrapper() {
        ObjectNode machine = Wire.MAPPER.createObjectNode();
        if (queryLanguage != null) {
            machine.set("QueryLanguage", queryLanguage);
        }
        ObjectNode states = Wire.MAPPER.createObjectNode();
        if (variables != null) {
            machine.put("StartAt", VARIABLES_STATE);
            ObjectNode assign = states.putObject(VARIABLES_STATE).put("Type", "Pass").put("Next", name);
            assign.set("Assign", parse(variables, "variables"));
        } else {
            machine.put("StartAt", name);
        }
        ObjectNode tested = state.deepCopy();
        tested.remove("Retry");
        states.set(name, tested);
        for (String target : targets(state)) {
            if (!states.has(target)) {
                states.putObject(target).put("Type", "Succeed");
            }
        }
        machine.set("States", states);
        return machine;
    }

    private static Set<String> targets(JsonNode state) {
        Set<String> targets = new LinkedHashSet<>();
        addText(targets, state.get("Next"));
        addText(targets, state.get("Default"));
        state.path("Choices").forEach(c -> addText(targets, c.get("Next")));
        state.path("Catch").forEach(c -> addText(targets, c.get("Next")));
        return targets;
    }

    private static void addText(Set<String> into, JsonNode v) {
        if (v != null && v.isTextual()) {
            into.add(v.textValue());
        }
    }

    private StateTestResult analyse(ExecutionRun run) {
        List<HistoryEvent> events = run.history();
        Set<String> targets = targets(state);
        boolean task = "Task".equals(text(state, "Type"));
        String stateInput = null;
        String result = null;
        String parameters = null;
        String error = null;
        String cause = null;
        String nextState = null;
        String output = null;
        JsonNode assigned = null;
        boolean inState = false;
        for (HistoryEvent e : events) {
            ObjectNode d = e.details();
            if (e.type().startsWith("Execution") || d == null) {
                continue;
            }
            if (e.type().endsWith("StateEntered")) {
                if (inState && targets.contains(e.stateName())) {
                    nextState = e.stateName();
                    output = text(d, "input");
                    break;
                }
                if (!inState && name.equals(e.stateName())) {
                    inState = true;
                    stateInput = text(d, "input");
                }
            } else if (inState) {
                if (e.type().endsWith("StateExited") && name.equals(e.stateName())) {
                    assigned = d.get("assignedVariables");
                } else if (task && e.type().endsWith("Scheduled")) {
                    parameters = d.has("parameters") ? text(d, "parameters") : text(d, "input");
                } else if (e.type().endsWith("Succeeded")) {
                    // A Map or Parallel recovered from errors inside it; only the state's own failure counts.
                    error = null;
                    cause = null;
                    if (task) {
                        result = text(d, "output");
                    }
                } else if (d.has("error")) {
                    error = text(d, "error");
                    cause = text(d, "cause");
                }
            }
        }
        String status;
        if (error != null && retriable(error)) {
            status = "RETRIABLE";
            output = null;
            nextState = null;
        } else if (nextState != null) {
            status = error != null ? "CAUGHT_ERROR" : "SUCCEEDED";
        } else if (run.status() == ExecutionStatus.SUCCEEDED) {
            status = "SUCCEEDED";
            output = run.output().toString();
        } else {
            status = "FAILED";
            output = null;
            error = run.status() == ExecutionStatus.RUNNING ? "States.Runtime" : run.error();
            cause = run.status() == ExecutionStatus.RUNNING
                    ? "The state waits for a callback (SendTaskSuccess), which TestState cannot send" : run.cause();
        }
        Map<String, String> inspection = new LinkedHashMap<>();
        if (inspectionLevel != InspectionLevel.INFO && stateInput != null) {
            inspect(inspection, stateInput, parameters, result, status.equals("SUCCEEDED") ? output : null);
            variablesAfter(assigned).ifPresent(v -> inspection.put("variables", v));
        }
        return new StateTestResult(status, output, error, cause, nextState, inspection);
    }

    /** The inspection members ASLUnit knows exactly from the run, AWS's names. */
    private void inspect(Map<String, String> into, String stateInput, String parameters, String result, String output) {
        into.put("input", stateInput);
        boolean jsonata = "JSONata".equals(text(state, "QueryLanguage"))
                || (queryLanguage != null && "JSONata".equals(queryLanguage.asText()) && !state.has("QueryLanguage"));
        if (jsonata) {
            if (parameters != null) {
                into.put("afterArguments", parameters);
            }
            if (result != null) {
                into.put("result", result);
            }
            return;
        }
        if (!state.has("InputPath")) {
            into.put("afterInputPath", stateInput);
            if (!state.has("Parameters") && !state.has("ItemSelector")) {
                into.put("afterParameters", stateInput);
            }
        } else {
            JsonNode inputPath = state.get("InputPath");
            recompute(into, "afterInputPath", inputPath, () -> inputPath.isNull() ? Wire.MAPPER.createObjectNode()
                    : ReferencePath.compile(inputPath.asText()).read(scope(parse(stateInput, "input"))));
        }
        if (parameters != null) {
            into.put("afterParameters", parameters);
        }
        if (result != null) {
            into.put("result", result);
            JsonNode selector = state.get("ResultSelector");
            if (selector == null) {
                into.put("afterResultSelector", result);
            } else {
                recompute(into, "afterResultSelector", selector,
                        () -> PayloadTemplate.compile(selector).evaluate(scope(parse(result, "result"))));
            }
            String selected = into.get("afterResultSelector");
            JsonNode resultPath = state.get("ResultPath");
            if (selected != null) {
                recompute(into, "afterResultPath", resultPath, () -> ResultPath.compile(resultPath == null ? "$"
                        : resultPath.isNull() ? null : resultPath.asText())
                        .apply(parse(stateInput, "input"), parse(selected, "result")));
            }
        }
        if (output != null && !state.has("OutputPath")) {
            into.put("afterResultPath", output);
        }
    }

    /**
     * AWS's {@code inspectionData.variables}: the variables after the state, those given to the test
     * with what the state assigned; absent when there are none.
     */
    private Optional<String> variablesAfter(JsonNode assigned) {
        ObjectNode after = variables == null ? Wire.MAPPER.createObjectNode() : (ObjectNode) parse(variables, "variables");
        if (assigned != null) {
            assigned.fields().forEachRemaining(v -> after.set(v.getKey(), parse(v.getValue().asText(), "variable")));
        }
        return after.isEmpty() ? Optional.empty() : Optional.of(after.toString());
    }

    /**
     * Redoes one processing step the run does not report: only for fields that read nothing but
     * the data and the variables ({@code $$} and random intrinsics would not give the run's values).
     */
    private static void recompute(Map<String, String> into, String member, JsonNode field,
            java.util.function.Supplier<JsonNode> step) {
        String text = field == null ? "" : field.toString();
        if (text.contains("$$") || text.contains("States.UUID") || text.contains("States.MathRandom")) {
            return;
        }
        try {
            into.put(member, step.get().toString());
        } catch (RuntimeException e) {
            // The run failed at this step; its error is the result's, not the inspection's.
        }
    }

    private PathScope scope(JsonNode input) {
        JsonNode assigned = variables == null ? Wire.MAPPER.createObjectNode() : parse(variables, "variables");
        return new PathScope() {
            @Override
            public JsonNode input() {
                return input;
            }

            @Override
            public JsonNode context() {
                return Wire.MAPPER.createObjectNode();
            }

            @Override
            public JsonNode variable(String variable) {
                return assigned.get(variable);
            }

            @Override
            public RandomGenerator random() {
                throw new IllegalStateException("recompute() leaves random intrinsics out");
            }
        };
    }

    /** Whether one of the state's retriers would retry {@code error} (TestState stops there). */
    private boolean retriable(String error) {
        for (JsonNode retrier : state.path("Retry")) {
            if (retrier.path("MaxAttempts").asInt(3) == 0) {
                continue;
            }
            for (JsonNode e : retrier.path("ErrorEquals")) {
                String name = e.asText();
                if (name.equals(error) || (name.equals("States.ALL") && !error.equals("States.Runtime"))
                        || (name.equals("States.TaskFailed") && !error.equals("States.Timeout")
                                && !error.equals("States.Runtime") && !error.equals("States.HeartbeatTimeout"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static JsonNode parse(String json, String what) {
        Objects.requireNonNull(json, what);
        try {
            JsonNode node = Wire.MAPPER.readTree(json);
            if (node == null) {
                throw new IllegalArgumentException("The " + what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The " + what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
