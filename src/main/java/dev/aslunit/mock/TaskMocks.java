package dev.aslunit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.integration.ServiceResponses;
import dev.aslunit.internal.json.Glob;
import dev.aslunit.internal.mocks.MockAccess;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The mocks of one test: answers Task states from scripts declared with {@link #mock(String)} and
 * {@link #mockResource(String)}, and records every call.
 *
 * <p>Strict by default: a Task without a mock gets no answer here, so the execution fails with a
 * message that says why, and how to mock it. In lenient mode such a Task returns its input. When the
 * registry knows the definition (a test's {@code sfn}), a mock of a state that does not exist fails
 * at the line that declared it, with the closest name. The engine's side (the task handler it is)
 * is {@link MockAccess}, kept off this class.
 *
 * <p>A state mock wins over a resource mock; among resource mocks the latest declared wins; a
 * second {@code mock("X")} replaces the first.
 */
public final class TaskMocks {

    static {
        MockAccess.grant(new MockAccess.Grant() {
            @Override
            public TaskMocks forDefinition(StateMachineDefinition definition, String definitionName) {
                return new TaskMocks(definition, definitionName);
            }

            @Override
            public Optional<TaskOutcome> answer(TaskMocks mocks, TaskInvocation invocation) {
                return mocks.answer(invocation);
            }

            @Override
            public void record(TaskMocks mocks, TaskInvocation invocation) {
                mocks.record(invocation);
            }

            @Override
            public String noMockMessage(TaskMocks mocks, TaskInvocation invocation) {
                return mocks.noMockMessage(invocation);
            }

            @Override
            public TaskState taskState(TaskMocks mocks, String stateName) {
                return mocks.taskState(stateName);
            }
        });
    }

    private final StateMachineDefinition definition;
    private final String definitionName;
    private final Map<String, TaskState> taskStates;
    private final Map<String, TaskMock> byState = new LinkedHashMap<>();
    private final List<ResourceMock> byResource = new ArrayList<>();
    private final List<TaskCall> calls = new ArrayList<>();
    private boolean lenient;

    TaskMocks(StateMachineDefinition definition, String definitionName) {
        this.definition = definition;
        this.definitionName = definitionName;
        this.taskStates = definition == null ? Map.of() : StateNames.taskStates(definition);
    }

    /** Mocks that know nothing of the definition (state names are not checked). */
    public TaskMocks() {
        this(null, null);
    }

    /** Lenient mode: a Task without a mock returns its input instead of failing the execution. */
    public synchronized TaskMocks lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    public synchronized boolean isLenient() {
        return lenient;
    }

    /**
     * The mock of a Task state, new (replacing an earlier one for the same state).
     *
     * @throws IllegalArgumentException when the definition is known and has no Task state of that name
     */
    public synchronized TaskMock mock(String stateName) {
        TaskState state = requireTaskState(stateName);
        TaskMock mock = new TaskMock(stateName, null, state, callerLine());
        byState.put(stateName, mock);
        return mock;
    }

    /**
     * A mock for every Task whose {@code Resource} is {@code arnOrGlob}: an exact ARN, or a pattern
     * where {@code *} matches any text, e.g. {@code "arn:aws:states:::sqs:*"}.
     */
    public synchronized TaskMock mockResource(String arnOrGlob) {
        if (arnOrGlob == null || arnOrGlob.isBlank()) {
            throw new IllegalArgumentException("mockResource(...) needs a resource ARN or a pattern such as"
                    + " \"arn:aws:states:::sqs:*\".");
        }
        TaskMock mock = new TaskMock(null, arnOrGlob, null, callerLine());
        byResource.removeIf(r -> r.mock.resourcePattern().equals(arnOrGlob));
        byResource.add(new ResourceMock(Glob.compile(arnOrGlob), mock));
        return mock;
    }

    /** Removes the mock of a state, e.g. to let the real HTTP task run in one test. */
    public synchronized void unmock(String stateName) {
        requireTaskState(stateName);
        byState.remove(stateName);
    }

    /** The declared mocks, state mocks first, in declaration order. */
    public synchronized List<TaskMock> mocks() {
        List<TaskMock> out = new ArrayList<>(byState.values());
        byResource.forEach(r -> out.add(r.mock));
        return out;
    }

    /** Declared mocks no call reached (report them only when the test otherwise passed). */
    public synchronized List<TaskMock> unusedMocks() {
        return mocks().stream().filter(m -> !m.isUsed()).toList();
    }

    /**
     * The calls of one Task state, whoever answered them (its own mock, a resource mock, a mock file,
     * HTTP), as a handle for the assertions: {@code wasCalled}, {@code withInputAt}. It answers nothing.
     */
    public synchronized TaskMock callsOf(String stateName) {
        TaskMock view = new TaskMock(stateName, null, requireTaskState(stateName), null);
        for (TaskCall call : calls) {
            if (stateName.equals(call.stateName())) {
                view.recorded(call);
            }
        }
        return view;
    }

    /** The Task state of this name, failing as {@link #mock} fails for a name the definition lacks. */
    TaskState taskState(String stateName) {
        return requireTaskState(stateName);
    }

    /** Records a call that another handler answered before the mocks were asked (a pass-through), for {@link #callsOf}. */
    synchronized void record(TaskInvocation invocation) {
        calls.add(toCall(invocation));
    }

    /** Every Task call this registry saw, mocked or not, in order. */
    public synchronized List<TaskCall> calls() {
        return List.copyOf(calls);
    }

    synchronized Optional<TaskOutcome> answer(TaskInvocation invocation) {
        TaskCall call = toCall(invocation);
        calls.add(call);
        TaskMock mock = mockFor(invocation);
        if (mock == null) {
            return lenient ? Optional.of(succeed(invocation, TaskResult.success(call.input(), false), java.time.Duration.ZERO))
                    : Optional.empty();
        }
        TaskMock.Reply reply = mock.replyFor(call);
        return reply == null ? Optional.empty() : Optional.of(outcome(invocation, call, reply, java.time.Duration.ZERO));
    }

    /**
     * Why a Task got no answer here, and the line of code that gives it one: for the execution's
     * failure message when no handler answered.
     */
    synchronized String noMockMessage(TaskInvocation invocation) {
        TaskMock mock = mockFor(invocation);
        StringBuilder sb = new StringBuilder();
        if (mock != null) {
            sb.append("Task state \"").append(invocation.stateName()).append("\" got no answer from ")
                    .append(mock).append(where(mock)).append(": ")
                    .append(mock.whyNoReply(toCall(invocation))).append('\n');
            sb.append("Add an answer where it is declared:\n  sfn.").append(mock).append("...thenReturns(")
                    .append(exampleReturn(invocation)).append(");\n");
            return sb.append(mocksInThisTest()).toString();
        }
        sb.append("Task state \"").append(invocation.stateName()).append("\" has no mock.\n");
        sb.append("  resource  ").append(invocation.resource()).append(httpDetail(invocation)).append('\n');
        TaskState state = taskStates.get(invocation.stateName());
        if (state != null && state.location() != null) {
            sb.append("  defined   ").append(state.location().describe()).append('\n');
        }
        sb.append("Mock it:\n  sfn.mock(\"").append(invocation.stateName()).append("\")")
                .append(exampleAnswer(invocation)).append(";\n");
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn != null && arn.isHttpInvoke()) {
            String endpoint = invocation.parameters() == null ? null : invocation.parameters().path("ApiEndpoint").asText(null);
            sb.append("or send HTTP tasks to a stub server:\n  sfn.http().route(\"")
                    .append(endpoint == null ? "https://api.example.com" : origin(endpoint))
                    .append("\", wireMock.getHttpBaseUrl());\n");
        }
        List<String> mockedNames = byState.keySet().stream().toList();
        StateNames.closest(invocation.stateName(), mockedNames)
                .ifPresent(close -> sb.append("Did you mean to mock this state? ").append(byState.get(close))
                        .append(where(byState.get(close))).append(" is close to \"").append(invocation.stateName())
                        .append("\".\n"));
        return sb.append(mocksInThisTest()).toString();
    }

    // ------------------------------------------------------------------ internals

    private TaskMock mockFor(TaskInvocation invocation) {
        TaskMock mock = byState.get(invocation.stateName());
        if (mock != null) {
            return mock;
        }
        for (int i = byResource.size() - 1; i >= 0; i--) {
            if (byResource.get(i).pattern.matcher(invocation.resource()).matches()) {
                return byResource.get(i).mock;
            }
        }
        return null;
    }

    private TaskOutcome outcome(TaskInvocation invocation, TaskCall call, TaskMock.Reply reply, java.time.Duration latency) {
        if (reply instanceof TaskMock.Delayed delayed) {
            return outcome(invocation, call, delayed.reply(), latency.plus(delayed.latency()));
        }
        if (reply instanceof TaskMock.Silent) {
            return new TaskOutcome.NoAnswer();
        }
        TaskResult result = reply instanceof TaskMock.Fixed fixed ? fixed.result() : computed((TaskMock.Computed) reply, call);
        if (result.isFailure()) {
            return new TaskOutcome.Failed(result.error(), result.cause(), latency);
        }
        return succeed(invocation, result, latency);
    }

    private static TaskResult computed(TaskMock.Computed computed, TaskCall call) {
        TaskResult result = computed.answer().answer(call);
        if (result == null) {
            throw new IllegalStateException("The answers(...) function of the mock of \"" + call.stateName()
                    + "\" returned null; return TaskResults.json(...) or TaskResults.failure(...).");
        }
        return result;
    }

    private static TaskOutcome succeed(TaskInvocation invocation, TaskResult result, java.time.Duration latency) {
        JsonNode value = result.isWholeResponse() ? result.result() : ServiceResponses.complete(invocation, result.result());
        return new TaskOutcome.Succeeded(value, latency);
    }

    static TaskCall toCall(TaskInvocation invocation) {
        return new TaskCall(invocation.stateName(), invocation.resource(), effectiveInput(invocation),
                invocation.parameters(), invocation.attempt(), invocation.invocation(), invocation.now(),
                invocation.taskToken(), invocation.executionArn());
    }

    private static JsonNode effectiveInput(TaskInvocation invocation) {
        JsonNode parameters = invocation.parameters();
        // the resource is parsed only when there is a Payload to unwrap: this runs on every call
        if (parameters != null && parameters.has("Payload")
                && ResourceArn.tryParse(invocation.resource()).map(ResourceArn::isLambdaInvoke).orElse(false)) {
            return parameters.get("Payload");
        }
        return parameters;
    }

    private TaskState requireTaskState(String stateName) {
        if (stateName == null || stateName.isEmpty()) {
            throw new IllegalArgumentException("mock(...) needs the name of a Task state.");
        }
        if (definition == null) {
            return null;
        }
        TaskState task = taskStates.get(stateName);
        if (task != null) {
            return task;
        }
        String in = definitionName == null ? "the state machine" : definitionName;
        String tasks = String.join(", ", taskStates.keySet());
        State other = StateNames.allStates(definition).get(stateName);
        if (other != null) {
            throw new IllegalArgumentException("State \"" + stateName + "\" in " + in + " is a " + other.type()
                    + " state; only Task states call services, so only they can be mocked.\nTask states: " + tasks);
        }
        throw new IllegalArgumentException("No Task state named \"" + stateName + "\" in " + in
                + StateNames.closest(stateName, taskStates.keySet()).map(c -> " — did you mean \"" + c + "\"?").orElse("")
                + "\nTask states: " + (tasks.isEmpty() ? "(none)" : tasks));
    }

    private String mocksInThisTest() {
        List<TaskMock> all = mocks();
        if (all.isEmpty()) {
            return "Mocks in this test: none";
        }
        return "Mocks in this test: " + all.stream()
                .map(m -> (m.stateName() != null ? "\"" + m.stateName() + "\"" : m.toString()) + where(m))
                .collect(Collectors.joining(", "));
    }

    private static String where(TaskMock mock) {
        return mock.declaredAt() == null ? "" : " (" + mock.declaredAt() + ")";
    }

    private static String httpDetail(TaskInvocation invocation) {
        boolean http = ResourceArn.tryParse(invocation.resource()).map(ResourceArn::isHttpInvoke).orElse(false);
        if (!http || invocation.parameters() == null) {
            return "";
        }
        JsonNode p = invocation.parameters();
        return "  (" + p.path("Method").asText("?") + " " + p.path("ApiEndpoint").asText("?") + ")";
    }

    private static String origin(String endpoint) {
        try {
            java.net.URI uri = java.net.URI.create(endpoint);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            // Not a URI: the endpoint itself is the best hint.
        }
        return endpoint;
    }

    private static String exampleAnswer(TaskInvocation invocation) {
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn != null && arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            return ".waitsForCallback()   // or .sendsTaskSuccessAfter(Duration.ofMinutes(5), \"{...}\")";
        }
        return ".returns(" + exampleReturn(invocation) + ")";
    }

    private static String exampleReturn(TaskInvocation invocation) {
        ResourceArn arn = ResourceArn.tryParse(invocation.resource()).orElse(null);
        if (arn != null && arn.isHttpInvoke()) {
            return "httpResponse(200, \"{...}\")";
        }
        return "\"{...}\"";
    }


    /**
     * The test's line that declared a mock: the first frame outside this library's own classes and
     * the JDK; none when that frame is a test framework's (a Cucumber step has no Java line of its own)
     * or the command line's (a test file's case, run by {@code aslunit test}, has none either).
     */
    private static String callerLine() {
        CodeSource library = TaskMocks.class.getProtectionDomain().getCodeSource();
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames
                        .filter(f -> !sameCodeSource(f.getDeclaringClass(), library))
                        .filter(f -> !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")
                                && !f.getClassName().startsWith("sun."))
                        .findFirst()
                        .filter(f -> !f.getClassName().startsWith("io.cucumber.") && !f.getClassName().startsWith("org.junit.")
                                && !f.getClassName().startsWith("picocli."))
                        .map(f -> (f.getFileName() == null ? f.getClassName() : f.getFileName()) + ":" + f.getLineNumber())
                        .orElse(null));
    }

    private static boolean sameCodeSource(Class<?> type, CodeSource library) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? library == null : library != null && source.getLocation() != null
                && source.getLocation().equals(library.getLocation());
    }

    private record ResourceMock(Pattern pattern, TaskMock mock) {
    }
}
