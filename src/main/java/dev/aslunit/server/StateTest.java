package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.pipeline.StateTests;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * AWS's TestState as a Java API: one state run on its own, on a virtual clock, answering what
 * TestState answers (status, output, error, cause, next state and, at DEBUG and TRACE, the data
 * after each processing step). Like TestState it does not retry: an error a retrier would retry
 * ends the test with status {@code RETRIABLE}; {@link #retrierRetryCount(int)} says how many
 * retries already happened, so a test can also reach the Catch behind an exhausted retrier.
 *
 * <pre>{@code
 * StateTestResult r = StateTest.of("""
 *         {"Type":"Pass","Parameters":{"total.$":"$.a"},"Next":"Done"}""")
 *         .input("{\"a\":1}").inspectionLevel(InspectionLevel.DEBUG).run();
 * // r.status() = SUCCEEDED, r.output() = {"total":1}, r.nextState() = Done
 * StateTest.of(machineJson, "Charge").mockError("Card.Declined", "no funds").retrierRetryCount(2).run();
 * }</pre>
 *
 * Every method mirrors a member of the TestState request; a Map or Parallel state needs a mock of
 * its result, and a Pass, Wait, Choice, Succeed or Fail state takes none, as on AWS.
 */
public final class StateTest {

    private static final Instant START = dev.aslunit.StepFunctionsConfig.DEFAULT_START_TIME;

    private final JsonNode state;
    private final String name;
    private final JsonNode queryLanguage;
    private String input = "{}";
    private InspectionLevel inspectionLevel = InspectionLevel.INFO;
    private String variables;
    private String context;
    private String roleArn;
    private String mockResult;
    private String mockError;
    private String mockCause;
    private FieldValidationMode fieldValidationMode = FieldValidationMode.STRICT;
    private boolean revealSecrets;
    private Integer retrierRetryCount;
    private String errorCausedByState;
    private Integer mapIterationFailureCount;
    private String mapItemReaderData;
    private TaskHandler taskHandler;

    static {
        StateTests.grant(StateTest::taskHandler);
    }

    private StateTest(JsonNode state, String name, JsonNode queryLanguage) {
        this.state = state;
        this.name = name;
        this.queryLanguage = queryLanguage;
    }

    /** Tests a single state given as its JSON, e.g. {@code {"Type":"Pass","End":true}}. */
    public static StateTest of(String stateDefinition) {
        parse(stateDefinition, "state definition");
        return unchecked(() -> create(stateDefinition, null));
    }

    /**
     * Tests the state {@code stateName} of a whole state machine definition: a top-level state, or
     * one inside a Parallel branch or a Map's item processor.
     */
    public static StateTest of(String machineDefinition, String stateName) {
        Objects.requireNonNull(stateName, "stateName");
        JsonNode machine = parse(machineDefinition, "state machine definition");
        if (StateNames.find(machine.get("States"), stateName) == null) {
            java.util.List<String> names = new java.util.ArrayList<>();
            machine.path("States").fieldNames().forEachRemaining(names::add);
            throw new IllegalArgumentException("State not found in definition: there is no state \"" + stateName
                    + "\" (its top-level states are " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        return unchecked(() -> create(machineDefinition, stateName));
    }

    /** As the {@code of} methods, with AWS's exceptions for what TestState refuses. */
    static StateTest create(String definition, String stateName) {
        JsonNode root;
        try {
            root = Wire.MAPPER.readTree(definition);
        } catch (JsonProcessingException e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
                    + "the definition is not valid JSON: " + e.getOriginalMessage() + "'");
        }
        if (root == null || !root.isObject()) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
                    + "the definition must be a JSON object'");
        }
        if (stateName == null) {
            if (!root.has("Type")) {
                throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED:"
                        + " a state needs a \"Type\"; to test a state of a whole state machine, give its stateName'");
            }
            return new StateTest(root, TestStateRun.SINGLE_STATE_NAME, null);
        }
        if (!root.has("States")) {
            throw ApiException.validation("State not found in definition");
        }
        // the other states never run, so only the tested state's resources are checked (when it runs)
        List<Definitions.Problem> errors = new Definitions().validate(definition, "STANDARD").stream()
                .filter(p -> p.severity().equals("ERROR") && !p.isResource()).toList();
        if (!errors.isEmpty()) {
            throw Definitions.invalid(errors);
        }
        JsonNode found = StateNames.find(root.get("States"), stateName);
        if (found == null) {
            throw ApiException.validation("State not found in definition");
        }
        return new StateTest(found, stateName, root.get("QueryLanguage"));
    }

    /** The tested state's {@code Type}. */
    String stateType() {
        return state.path("Type").asText();
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

    /**
     * The context object ({@code $$}) as JSON: its {@code Execution}, {@code State},
     * {@code StateMachine} and {@code Task} members replace what ASLUnit would make up, as TestState's
     * {@code context}.
     */
    public StateTest context(String jsonObject) {
        this.context = Objects.requireNonNull(jsonObject, "context");
        return this;
    }

    /** The execution role, as TestState's {@code roleArn}: only {@code $$.Execution.RoleArn} shows it. */
    public StateTest roleArn(String roleArn) {
        this.roleArn = roleArn;
        return this;
    }

    /**
     * The result of a Task, Map or Parallel state, as TestState's {@code mock.result}; a Task's is
     * checked against the API it calls ({@link #fieldValidationMode}).
     */
    public StateTest mockResult(String json) {
        this.mockResult = Objects.requireNonNull(json, "json");
        this.mockError = null;
        return this;
    }

    /** The error of a Task, Map or Parallel state, as TestState's {@code mock.errorOutput}. */
    public StateTest mockError(String error, String cause) {
        this.mockError = Objects.requireNonNull(error, "error");
        this.mockCause = cause;
        this.mockResult = null;
        return this;
    }

    /** How a mocked Task result is checked against the API's shape ({@link FieldValidationMode#STRICT} by default). */
    public StateTest fieldValidationMode(FieldValidationMode mode) {
        this.fieldValidationMode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** TestState's {@code revealSecrets}: refused with a mock, as on AWS; ASLUnit calls no HTTP endpoint with secrets. */
    public StateTest revealSecrets(boolean revealSecrets) {
        this.revealSecrets = revealSecrets;
        return this;
    }

    /** How many times the retrier that matches the mocked error already retried ({@code stateConfiguration.retrierRetryCount}). */
    public StateTest retrierRetryCount(int count) {
        this.retrierRetryCount = nonNegative(count, "retrierRetryCount");
        return this;
    }

    /** The state inside a Map or Parallel where the mocked error happened ({@code stateConfiguration.errorCausedByState}). */
    public StateTest errorCausedByState(String stateName) {
        this.errorCausedByState = Objects.requireNonNull(stateName, "stateName");
        return this;
    }

    /** How many of a Map's iterations failed ({@code stateConfiguration.mapIterationFailureCount}). */
    public StateTest mapIterationFailureCount(int count) {
        this.mapIterationFailureCount = nonNegative(count, "mapIterationFailureCount");
        return this;
    }

    /** What a Distributed Map's ItemReader read, as JSON ({@code stateConfiguration.mapItemReaderData}). */
    public StateTest mapItemReaderData(String json) {
        this.mapItemReaderData = Objects.requireNonNull(json, "json");
        return this;
    }

    /** Who answers a Task state when no mock result or error is given (a test's sandbox, through {@link StateTests}). */
    StateTest taskHandler(TaskHandler handler) {
        this.taskHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Runs the state.
     *
     * @throws IllegalArgumentException with AWS's message when TestState would refuse the request
     *         (an invalid state, a mock the state type does not take, a mock result that does not fit
     *         the API's shape, ...)
     */
    public StateTestResult run() {
        return unchecked(this::runChecked);
    }

    /** As {@link #run()}, with AWS's {@code ValidationException}/{@code InvalidDefinition} for what it refuses. */
    StateTestResult runChecked() {
        TestStateRun.Mock mock = mockResult != null ? new TestStateRun.Mock(mockResult, null, null)
                : mockError != null ? new TestStateRun.Mock(null, mockError, mockCause) : null;
        TestStateRun run = new TestStateRun(state, name, queryLanguage, parse(input, "input"), inspectionLevel,
                variables == null ? null : (ObjectNode) parse(variables, "variables"), context, roleArn, mock,
                fieldValidationMode, revealSecrets, new TestStateRun.Configuration(retrierRetryCount,
                        errorCausedByState, mapIterationFailureCount, mapItemReaderData), taskHandler, START);
        return run.run();
    }

    private static Integer nonNegative(int count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must be 0 or more, not " + count);
        }
        return count;
    }

    private static <T> T unchecked(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static JsonNode parse(String json, String what) {
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
