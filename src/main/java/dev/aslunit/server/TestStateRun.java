package dev.aslunit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.jsonata.JsonataScope;
import dev.aslunit.internal.jsonata.JsonataTemplate;
import dev.aslunit.internal.path.PathScope;
import dev.aslunit.internal.path.PayloadTemplate;
import dev.aslunit.internal.path.ReferencePath;
import dev.aslunit.internal.path.ResultPath;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One TestState call: AWS's refusals, then the state run inside a small machine (its variables
 * assigned first, every transition target a Succeed state), then what TestState answers, read from
 * the run's history. A mocked Map or Parallel state is not run: as on AWS its mocked result stands
 * for what its iterations or branches produced, so it runs as a Task answered by the mock, keeping
 * the state's input and output processing, Retry and Catch.
 */
final class TestStateRun {

    /** What AWS calls the state of a one-state definition ({@code $$.State.Name}). */
    static final String SINGLE_STATE_NAME = "StateName";
    private static final String MACHINE_NAME = "TestState";
    private static final String VARIABLES_STATE = "ASLUnit-TestState-Variables";
    private static final String MOCKED_RESOURCE = "arn:aws:lambda:" + ExecutionOptions.DEFAULT_REGION + ":"
            + ExecutionOptions.DEFAULT_ACCOUNT + ":function:ASLUnit-TestState-mock";
    private static final DateTimeFormatter CONTEXT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Set<String> MOCKABLE = Set.of("Task", "Map", "Parallel");
    private static final String THRESHOLD_ERROR = "States.ExceedToleratedFailureThreshold";
    private static final String THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

    /** TestState's {@code mock}: a result (JSON text) or an error with its cause. */
    record Mock(String result, String error, String cause) {
    }

    /** TestState's {@code stateConfiguration}; each member {@code null} when not given. */
    record Configuration(Integer retrierRetryCount, String errorCausedByState, Integer mapIterationFailureCount,
            String mapItemReaderData) {
    }

    private final JsonNode state;
    private final String name;
    private final String type;
    private final boolean jsonata;
    private final JsonNode input;
    private final InspectionLevel level;
    private final ObjectNode variables;
    private final String contextText;
    private final String roleArn;
    private final Mock mock;
    private final FieldValidationMode validation;
    private final boolean revealSecrets;
    private final Configuration configuration;
    private final TaskHandler handler;
    private final Instant start;
    private final JsonNode queryLanguage;
    private ObjectNode context;

    TestStateRun(JsonNode state, String name, JsonNode queryLanguage, JsonNode input, InspectionLevel level,
            ObjectNode variables, String context, String roleArn, Mock mock, FieldValidationMode validation,
            boolean revealSecrets, Configuration configuration, TaskHandler handler, Instant start) {
        this.state = state;
        this.name = name;
        this.queryLanguage = queryLanguage;
        this.type = text(state, "Type");
        this.jsonata = state.has("QueryLanguage") ? "JSONata".equals(text(state, "QueryLanguage"))
                : queryLanguage != null && "JSONata".equals(queryLanguage.asText());
        this.input = input;
        this.level = level;
        this.variables = variables;
        this.contextText = context;
        this.roleArn = roleArn != null ? roleArn
                : "arn:aws:iam::" + ExecutionOptions.DEFAULT_ACCOUNT + ":role/aslunit-execution-role";
        this.mock = mock;
        this.validation = validation;
        this.revealSecrets = revealSecrets;
        this.configuration = configuration;
        this.handler = handler;
        this.start = start;
    }

    StateTestResult run() {
        boolean mapOrParallel = "Map".equals(type) || "Parallel".equals(type);
        if (mock != null && !MOCKABLE.contains(type)) {
            throw ApiException.validation("State type '" + type + "' is not supported when a mock is specified");
        }
        if (mock == null && mapOrParallel) {
            throw new ApiException("InvalidDefinition", "TestState API does not support Map or Parallel states. "
                    + "Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
        }
        if (mock != null && revealSecrets) {
            throw ApiException.validation("TestState does not support RevealSecrets when a mock is specified.");
        }
        context = buildContext();
        JsonNode mocked = mock == null || mock.result() == null ? null : mockedResult();
        checkConfiguration(mocked);
        if (mocked != null && "Task".equals(type)) {
            MockResultShapes.problem(text(state, "Resource"), mocked, validation).ifPresent(p -> {
                throw ApiException.validation(p);
            });
        }
        requireValid(mapOrParallel);

        Map<String, String> inspection = new LinkedHashMap<>();
        inspection.put("input", input.toString());
        JsonNode items = null;
        if ("Map".equals(type) && !jsonata) {
            Optional<JsonNode> afterInputPath = afterInputPath();
            afterInputPath.ifPresent(v -> inspection.put("afterInputPath", v.toString()));
            // a Map with an ItemReader iterates over what it read (mapItemReaderData), not over its input
            if (afterInputPath.isPresent() && !state.has("ItemReader")) {
                String itemsPath = state.has("ItemsPath") ? text(state, "ItemsPath") : "$";
                JsonNode read = attempt(() -> ReferencePath.compile(itemsPath).read(scope(afterInputPath.get())));
                if (read == null || !read.isArray()) {
                    String shown = itemsPath.startsWith("$$") ? itemsPath.substring(1) : itemsPath;
                    return finish(new StateTestResult("FAILED", null, "States.Runtime", "Reference path \"" + shown
                            + "\" must point to array.", null, Map.of()), inspection);
                }
                items = read;
                inspection.put("afterItemsPath", read.toString());
                JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
                if (selector != null) {
                    afterItemSelector(selector, afterInputPath.get(), read)
                            .ifPresent(v -> inspection.put("afterItemSelector", v.toString()));
                }
            }
        }
        if (configuration.mapItemReaderData() != null) {
            items = readerItems(configuration.mapItemReaderData());
        }

        ObjectNode tested = mapOrParallel ? asTask() : (ObjectNode) state.deepCopy();
        tested.remove("Retry");
        TaskHandler answer = handler;
        if (mock != null) {
            // more failed iterations than the Map tolerates fail it whatever its iterations returned or raised
            TaskOutcome outcome = "Map".equals(type) && thresholdExceeded(items, mocked)
                    ? TaskOutcome.failed(THRESHOLD_ERROR, THRESHOLD_CAUSE)
                    : mock.error() != null ? TaskOutcome.failed(mock.error(), mock.cause())
                    : TaskOutcome.succeeded(mocked);
            answer = invocation -> Optional.of(outcome);
        }
        CompiledStateMachine compiled = new Definitions().compile(wrapper(tested).toString(), MACHINE_NAME, "STANDARD");
        ExecutionOptions.Builder options = ExecutionOptions.builder().input(input).executionName(MACHINE_NAME)
                .roleArn(roleArn).contextObject(this::contextObject);
        if (answer != null) {
            options.taskHandler(answer);
        }
        ExecutionRun run = compiled.start(options.build(), new VirtualScheduler(start)).awaitCompletion();
        return analyse(run, inspection);
    }

    // ------------------------------------------------------------------ refusals

    private JsonNode mockedResult() {
        JsonNode result;
        try {
            result = Wire.MAPPER.readTree(mock.result());
        } catch (java.io.IOException e) {
            result = null;
        }
        if (result == null) {
            throw ApiException.validation("Mocked result must be valid JSON");
        }
        if ("Map".equals(type)) {
            // a Map with a ResultWriter returns the writer's summary object, any other Map the array of its results
            if (state.has("ResultWriter") && !result.isObject()) {
                throw ApiException.validation("Mocked result must be a JSON object.");
            }
            if (!state.has("ResultWriter") && !result.isArray()) {
                throw ApiException.validation("Mocked result must be an array.");
            }
        }
        if ("Parallel".equals(type)) {
            if (!result.isArray()) {
                throw ApiException.validation("Mocked result must be an array.");
            }
            if (result.size() != state.path("Branches").size()) {
                throw ApiException.validation(
                        "Mocked result must contain the same number of items as number of Parallel branches.");
            }
        }
        return result;
    }

    private void checkConfiguration(JsonNode mocked) {
        Integer failures = configuration.mapIterationFailureCount();
        if (failures != null && "Map".equals(type) && mocked != null && mocked.isArray() && failures > mocked.size()) {
            throw ApiException.validation(
                    "Map iteration failure count must be less than or equal to the number of Map iterations");
        }
        String causedBy = configuration.errorCausedByState();
        if (causedBy != null && !contains(state, causedBy)) {
            throw ApiException.validation("State '" + causedBy + "' of errorCausedByState is not a state of the "
                    + type + " state '" + name + "'");
        }
        if (configuration.mapItemReaderData() != null && readerItems(configuration.mapItemReaderData()) == null) {
            throw ApiException.validation("mapItemReaderData must be a JSON array for an ItemReader of InputType "
                    + readerInputType());
        }
    }

    private String readerInputType() {
        return state.path("ItemReader").path("ReaderConfig").path("InputType").asText("JSON");
    }

    /**
     * The items in what the ItemReader read: a JSON array, or the records of CSV (less its header
     * row when the header is in the first row) and JSONL text; {@code null} when it is not that.
     */
    private JsonNode readerItems(String data) {
        String inputType = readerInputType();
        if (inputType.equals("CSV") || inputType.equals("JSONL")) {
            com.fasterxml.jackson.databind.node.ArrayNode lines = Wire.MAPPER.createArrayNode();
            data.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            boolean header = inputType.equals("CSV") && !"GIVEN".equals(state.path("ItemReader").path("ReaderConfig")
                    .path("CSVHeaderLocation").asText("FIRST_ROW"));
            if (header && !lines.isEmpty()) {
                lines.remove(0);
            }
            return lines;
        }
        JsonNode json = attempt(() -> StateTest.parse(data, "mapItemReaderData"));
        return json != null && json.isArray() ? json : null;
    }

    /** What each iteration would get: the ItemSelector evaluated for every item, with {@code $$.Map.Item}. */
    private Optional<JsonNode> afterItemSelector(JsonNode selector, JsonNode mapInput, JsonNode items) {
        if (selector.toString().contains("States.UUID") || selector.toString().contains("States.MathRandom")) {
            return Optional.empty();
        }
        com.fasterxml.jackson.databind.node.ArrayNode selected = Wire.MAPPER.createArrayNode();
        ObjectNode saved = context;
        try {
            for (int i = 0; i < items.size(); i++) {
                context = saved.deepCopy();
                context.putObject("Map").putObject("Item").put("Index", i).set("Value", items.get(i));
                JsonNode one = attempt(() -> PayloadTemplate.compile(selector).evaluate(scope(mapInput)));
                if (one == null) {
                    return Optional.empty();
                }
                selected.add(one);
            }
        } finally {
            context = saved;
        }
        return Optional.of(selected);
    }

    /**
     * AWS's {@code InvalidDefinition} for an invalid state. The states inside a mocked Map or Parallel
     * never run, so, as on AWS, their resources need not be real ARNs (placeholders are common there).
     */
    private void requireValid(boolean mocked) {
        String nested = "/States/" + name + "/";
        List<Definitions.Problem> errors = new Definitions().validate(wrapper((ObjectNode) state.deepCopy()).toString(),
                "STANDARD").stream().filter(p -> p.severity().equals("ERROR"))
                .filter(p -> !(mocked && p.isResource() && p.location() != null
                        && p.location().startsWith(nested)))
                .toList();
        if (!errors.isEmpty()) {
            throw Definitions.invalid(errors);
        }
    }

    private static boolean contains(JsonNode state, String stateName) {
        for (JsonNode branch : state.path("Branches")) {
            if (containsIn(branch.path("States"), stateName)) {
                return true;
            }
        }
        return containsIn(state.path("ItemProcessor").path("States"), stateName)
                || containsIn(state.path("Iterator").path("States"), stateName);
    }

    private static boolean containsIn(JsonNode states, String stateName) {
        if (states.has(stateName)) {
            return true;
        }
        for (JsonNode s : states) {
            if (contains(s, stateName)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ context object

    /** TestState's context object: ASLUnit's made-up execution, with the request's {@code context} over it. */
    private ObjectNode buildContext() {
        ObjectNode given = TestStateContext.parse(contextText);
        String resource = text(state, "Resource");
        if (given != null && given.has("Task") && !("Task".equals(type) && resource != null
                && (resource.contains(".sync") || resource.contains(".waitForTaskToken")))) {
            // only a .sync or .waitForTaskToken task has a task token
            throw ApiException.validation("Invalid Context object provided: 'Task' field is only supported for Task "
                    + "states with a .sync or .waitForTaskToken integration pattern");
        }
        ObjectNode c = Wire.object();
        String startTime = CONTEXT_TIME.format(start);
        ObjectNode execution = c.putObject("Execution");
        execution.put("Id", "arn:aws:states:" + ExecutionOptions.DEFAULT_REGION + ":" + ExecutionOptions.DEFAULT_ACCOUNT
                + ":express:" + MACHINE_NAME + ":" + MACHINE_NAME);
        execution.set("Input", input);
        execution.put("Name", MACHINE_NAME);
        execution.put("RoleArn", roleArn);
        execution.put("StartTime", startTime);
        ObjectNode machine = c.putObject("StateMachine");
        machine.put("Id", "arn:aws:states:" + ExecutionOptions.DEFAULT_REGION + ":" + ExecutionOptions.DEFAULT_ACCOUNT
                + ":stateMachine:" + MACHINE_NAME);
        machine.put("Name", MACHINE_NAME);
        ObjectNode s = c.putObject("State");
        s.put("Name", name);
        s.put("EnteredTime", startTime);
        s.put("RetryCount", configuration.retrierRetryCount() == null ? 0 : configuration.retrierRetryCount());
        if (given != null) {
            given.fields().forEachRemaining(section -> {
                JsonNode into = c.get(section.getKey());
                if (into instanceof ObjectNode object) {
                    object.setAll((ObjectNode) section.getValue());
                } else {
                    c.set(section.getKey(), section.getValue());
                }
            });
        }
        return c;
    }

    /** What the engine's context object for the tested state becomes: TestState's, with the run's task token. */
    private ObjectNode contextObject(ObjectNode engine) {
        ObjectNode c = context.deepCopy();
        JsonNode token = engine.get("Task");
        if (token != null && "Task".equals(type) && !c.has("Task")) {
            c.set("Task", token);
        }
        return c;
    }

    // ------------------------------------------------------------------ the machine around the state

    /** Variables assigned first, every transition target a Succeed state. */
    private ObjectNode wrapper(ObjectNode tested) {
        ObjectNode machine = Wire.object();
        if (queryLanguage != null) {
            machine.set("QueryLanguage", queryLanguage);
        }
        ObjectNode states = Wire.object();
        if (variables != null) {
            machine.put("StartAt", VARIABLES_STATE);
            ObjectNode assign = states.putObject(VARIABLES_STATE).put("Type", "Pass").put("Next", name);
            ObjectNode values = assign.putObject("Assign");
            boolean jsonataMachine = queryLanguage != null && "JSONata".equals(queryLanguage.asText());
            // the values are data: in a JSONata machine, a JSON literal inside {% %} keeps any "{% ... %}" in them text
            variables.fields().forEachRemaining(v -> values.set(v.getKey(), jsonataMachine
                    ? Wire.MAPPER.getNodeFactory().textNode("{% " + v.getValue() + " %}") : v.getValue()));
        } else {
            machine.put("StartAt", name);
        }
        states.set(name, tested);
        for (String target : targets(state)) {
            if (!states.has(target)) {
                states.putObject(target).put("Type", "Succeed");
            }
        }
        machine.set("States", states);
        return machine;
    }

    /** A mocked Map or Parallel as a Task answered by the mock, keeping its input/output processing, Retry and Catch. */
    private ObjectNode asTask() {
        ObjectNode task = Wire.object().put("Type", "Task").put("Resource", MOCKED_RESOURCE);
        List<String> kept = "Parallel".equals(type)
                ? List.of("Comment", "QueryLanguage", "InputPath", "Parameters", "Arguments", "ResultSelector",
                        "ResultPath", "OutputPath", "Output", "Assign", "Retry", "Catch", "Next", "End")
                : List.of("Comment", "QueryLanguage", "InputPath", "ResultSelector", "ResultPath", "OutputPath",
                        "Output", "Assign", "Retry", "Catch", "Next", "End");
        for (String field : kept) {
            if (state.has(field)) {
                task.set(field, state.get(field));
            }
        }
        return task;
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

    // ------------------------------------------------------------------ Map settings

    /** Whether more iterations failed than the Map tolerates; a Map that sets no tolerance is not checked, as on AWS. */
    private boolean thresholdExceeded(JsonNode items, JsonNode mocked) {
        Integer failures = configuration.mapIterationFailureCount();
        if (failures == null || failures == 0) {
            return false;
        }
        JsonNode count = setting("ToleratedFailureCount");
        JsonNode percentage = setting("ToleratedFailurePercentage");
        if (count != null && count.isNumber() && failures > count.asInt()) {
            return true;
        }
        int total = items != null && items.isArray() ? items.size() : mocked != null && mocked.isArray() ? mocked.size() : 0;
        return percentage != null && percentage.isNumber() && total > 0
                && failures * 100.0 / total > percentage.asDouble();
    }

    /** A Map field's value: a number, a JSONata expression, or its {@code ...Path} read from the input. */
    private JsonNode setting(String field) {
        JsonNode value = state.get(field);
        if (value != null && value.isTextual() && JsonataTemplate.isExpression(value.textValue())) {
            return attempt(() -> JsonataTemplate.compile(value).evaluate(jsonataScope()));
        }
        if (value != null) {
            return value;
        }
        JsonNode path = state.get(field + "Path");
        if (path != null && path.isTextual()) {
            return attempt(() -> ReferencePath.compile(path.textValue()).read(scope(input)));
        }
        return null;
    }

    private void mapSettings(Map<String, String> into) {
        JsonNode concurrency = setting("MaxConcurrency");
        into.put("maxConcurrency", String.valueOf(concurrency != null && concurrency.isNumber() ? concurrency.asInt() : 0));
        JsonNode count = setting("ToleratedFailureCount");
        if (count != null && count.isNumber()) {
            into.put("toleratedFailureCount", String.valueOf(count.asInt()));
        }
        JsonNode percentage = setting("ToleratedFailurePercentage");
        if (percentage != null && percentage.isNumber()) {
            into.put("toleratedFailurePercentage", String.valueOf((float) percentage.asDouble()));
        }
    }

    // ------------------------------------------------------------------ the answer

    private StateTestResult analyse(ExecutionRun run, Map<String, String> inspection) {
        Set<String> targets = targets(state);
        boolean task = MOCKABLE.contains(type);
        String stateInput = null;
        String parameters = null;
        String result = null;
        String error = null;
        String cause = null;
        String nextState = null;
        String output = null;
        JsonNode assigned = null;
        boolean inState = false;
        for (HistoryEvent e : run.history()) {
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
        Map<String, Object> errorDetails = new LinkedHashMap<>();
        Optional<int[]> retry = error == null ? Optional.empty() : retry(error);
        if (retry.isPresent()) {
            status = "RETRIABLE";
            output = null;
            nextState = null;
            errorDetails.put("retryBackoffIntervalSeconds", retry.get()[1]);
            errorDetails.put("retryIndex", retry.get()[0]);
        } else if (nextState != null) {
            status = error != null ? "CAUGHT_ERROR" : "SUCCEEDED";
            if (error != null) {
                errorDetails.put("catchIndex", matching(state.path("Catch"), error));
            }
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
        if (stateInput != null) {
            steps(inspection, parameters, result, error == null ? output : null);
            variablesAfter(assigned).ifPresent(v -> inspection.put("variables", v));
        }
        if (!errorDetails.isEmpty()) {
            inspection.put("errorDetails", Wire.MAPPER.valueToTree(errorDetails).toString());
        }
        return finish(new StateTestResult(status, output, error, cause, nextState, Map.of()), inspection);
    }

    private StateTestResult finish(StateTestResult r, Map<String, String> inspection) {
        return level == InspectionLevel.INFO ? r
                : new StateTestResult(r.status(), r.output(), r.error(), r.cause(), r.nextState(), inspection);
    }

    /**
     * The processing steps AWS reports for this kind of state. Steps the run does not report are
     * redone with the path package from the run's own values (not those that draw random values).
     */
    private void steps(Map<String, String> into, String parameters, String result, String output) {
        if (jsonata) {
            if ("Task".equals(type)) {
                putIfPresent(into, "afterArguments", parameters);
                putIfPresent(into, "result", result);
            } else if ("Map".equals(type)) {
                mapSettings(into);
            }
            return;
        }
        switch (type) {
            case "Task" -> {
                afterInputPath().ifPresent(v -> into.put("afterInputPath", v.toString()));
                putIfPresent(into, "afterParameters", parameters);
                if (result != null) {
                    into.put("result", result);
                    outputSteps(into, StateTest.parse(result, "result"));
                }
            }
            case "Pass" -> {
                if (state.has("Result")) {
                    into.put("result", state.get("Result").toString());
                    into.put("afterResultSelector", state.get("Result").toString());
                    resultPath(into, state.get("Result"));
                } else {
                    Optional<JsonNode> afterInputPath = afterInputPath();
                    afterInputPath.ifPresent(v -> into.put("afterInputPath", v.toString()));
                    Optional<JsonNode> afterParameters = afterInputPath.flatMap(v -> state.has("Parameters")
                            ? recompute(state.get("Parameters"), () -> PayloadTemplate.compile(state.get("Parameters"))
                                    .evaluate(scope(v)))
                            : Optional.of(v));
                    afterParameters.ifPresent(v -> {
                        into.put("afterParameters", v.toString());
                        into.put("afterResultSelector", v.toString());
                        resultPath(into, v);
                    });
                }
            }
            case "Map" -> {
                if (result != null) {
                    outputSteps(into, StateTest.parse(result, "result"));
                }
                mapSettings(into);
            }
            case "Parallel" -> {
                if (result != null) {
                    outputSteps(into, StateTest.parse(result, "result"));
                }
            }
            default -> afterInputPath().ifPresent(v -> into.put("afterInputPath", v.toString()));
        }
    }

    private void outputSteps(Map<String, String> into, JsonNode result) {
        JsonNode selector = state.get("ResultSelector");
        Optional<JsonNode> selected = selector == null ? Optional.of(result)
                : recompute(selector, () -> PayloadTemplate.compile(selector).evaluate(scope(result)));
        selected.ifPresent(v -> {
            into.put("afterResultSelector", v.toString());
            resultPath(into, v);
        });
    }

    private void resultPath(Map<String, String> into, JsonNode result) {
        JsonNode path = state.get("ResultPath");
        attemptOptional(() -> ResultPath.compile(path == null ? "$" : path.isNull() ? null : path.asText())
                .apply(input, result)).ifPresent(v -> into.put("afterResultPath", v.toString()));
    }

    private Optional<JsonNode> afterInputPath() {
        JsonNode inputPath = state.get("InputPath");
        if (inputPath == null) {
            return Optional.of(input);
        }
        return inputPath.isNull() ? Optional.of(Wire.object())
                : attemptOptional(() -> ReferencePath.compile(inputPath.asText()).read(scope(input)));
    }

    /** AWS's {@code inspectionData.variables}: those given to the test with what the state assigned; absent when none. */
    private Optional<String> variablesAfter(JsonNode assigned) {
        ObjectNode after = variables == null ? Wire.object() : variables.deepCopy();
        if (assigned != null) {
            assigned.fields().forEachRemaining(v -> after.set(v.getKey(), StateTest.parse(v.getValue().asText(), "variable")));
        }
        return after.isEmpty() ? Optional.empty() : Optional.of(after.toString());
    }

    /**
     * The retrier that takes {@code error} and has attempts left after {@code retrierRetryCount}
     * retries: its index and its backoff in seconds. TestState stops there, reporting RETRIABLE.
     */
    private Optional<int[]> retry(String error) {
        JsonNode retriers = state.path("Retry");
        int index = matching(retriers, error);
        if (index < 0) {
            return Optional.empty();
        }
        JsonNode retrier = retriers.get(index);
        int done = configuration.retrierRetryCount() == null ? 0 : configuration.retrierRetryCount();
        if (done >= retrier.path("MaxAttempts").asInt(3)) {
            return Optional.empty();
        }
        double backoff = retrier.path("IntervalSeconds").asInt(1) * Math.pow(retrier.path("BackoffRate").asDouble(2.0), done);
        if (retrier.has("MaxDelaySeconds")) {
            backoff = Math.min(backoff, retrier.get("MaxDelaySeconds").asDouble());
        }
        return Optional.of(new int[] {index, (int) backoff});
    }

    /** The index of the first retrier or catcher whose {@code ErrorEquals} takes {@code error}, else -1. */
    private static int matching(JsonNode rules, String error) {
        for (int i = 0; i < rules.size(); i++) {
            for (JsonNode e : rules.get(i).path("ErrorEquals")) {
                String n = e.asText();
                if (n.equals(error) || (n.equals("States.ALL") && !error.equals("States.Runtime"))
                        || (n.equals("States.TaskFailed") && !error.equals("States.Timeout")
                                && !error.equals("States.Runtime") && !error.equals("States.HeartbeatTimeout"))) {
                    return i;
                }
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ evaluation helpers

    private Optional<JsonNode> recompute(JsonNode field, Supplier<JsonNode> step) {
        String text = field.toString();
        if (text.contains("States.UUID") || text.contains("States.MathRandom")) {
            return Optional.empty();
        }
        return attemptOptional(step);
    }

    private static Optional<JsonNode> attemptOptional(Supplier<JsonNode> step) {
        return Optional.ofNullable(attempt(step));
    }

    /** A step's value, or {@code null} when it fails: the run reports that failure, not the inspection. */
    private static JsonNode attempt(Supplier<JsonNode> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private PathScope scope(JsonNode document) {
        return new PathScope() {
            @Override
            public JsonNode input() {
                return document;
            }

            @Override
            public JsonNode context() {
                return context;
            }

            @Override
            public JsonNode variable(String variable) {
                return variables == null ? null : variables.get(variable);
            }

            @Override
            public RandomGenerator random() {
                throw new IllegalStateException("recompute() leaves random intrinsics out");
            }
        };
    }

    private JsonataScope jsonataScope() {
        ObjectNode states = JsonataScope.statesObject(input, context, null, null);
        return new JsonataScope() {
            @Override
            public JsonNode states() {
                return states;
            }

            @Override
            public JsonNode variable(String variable) {
                return variables == null ? null : variables.get(variable);
            }

            @Override
            public RandomGenerator random() {
                throw new IllegalStateException("a Map setting drawing random numbers is not reported");
            }

            @Override
            public Instant now() {
                return start;
            }
        };
    }

    private static void putIfPresent(Map<String, String> into, String member, String value) {
        if (value != null) {
            into.put(member, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
