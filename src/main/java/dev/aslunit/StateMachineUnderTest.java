package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.server.StateTest;
import dev.aslunit.internal.engine.EndedChild;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.S3ObjectStore;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.facts.ExecutionDriver;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.integration.http.HttpTaskClient;
import dev.aslunit.internal.pipeline.ChildExecutionListener;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.internal.pipeline.Sandboxes;
import dev.aslunit.internal.pipeline.StateTests;
import dev.aslunit.internal.pipeline.TaskAnswers;
import dev.aslunit.internal.json.UserJson;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.internal.json.Glob;
import dev.aslunit.internal.passthrough.AwsSettings;
import dev.aslunit.internal.passthrough.PassThrough;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.internal.mocks.MockAccess;
import dev.aslunit.mock.TaskMocks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * One test's sandbox around a compiled state machine: its own Task mocks, its own virtual clock
 * (starting at the configured instant), its own {@link #s3() S3} and its executions. Nothing is
 * shared with other tests but the compiled definition, so tests may run in parallel.
 *
 * <p>{@link #run(Object)} starts an execution and moves virtual time on until it ends;
 * {@link #start(Object)} runs only until the execution ends or waits for a task token, so the test
 * can look at it, move the {@link #clock()} and send callbacks. An execution that can never end (it
 * waits for a token nobody will send) fails the test at once with a message saying so.
 */
public final class StateMachineUnderTest {

    static {
        // the extension's and coverage's plumbing, reached through the pipeline rather than this object
        Sandboxes.grant(new Sandboxes.Plumbing() {
            @Override
            public void onChildExecutionEnd(StateMachineUnderTest sfn, ChildExecutionListener listener) {
                sfn.childListeners.add(listener);
            }

            @Override
            public void handOverRunningChildExecutions(StateMachineUnderTest sfn) {
                for (Execution e : sfn.executions) {
                    ((Live) e.driver()).run.handOverRunningChildExecutions();
                }
            }
        });
    }

    private final PreparedStateMachine prepared;
    private final StepFunctionsConfig config;
    private final VirtualScheduler scheduler;
    private final TaskMocks mocks;
    private final TaskHandler answers;
    private final List<Execution> executions = new ArrayList<>();
    private final Map<String, String> noMockMessages = new HashMap<>();
    private final List<ChildExecutionListener> childListeners = new ArrayList<>();
    private final VirtualClock clock;
    private final InMemoryS3 s3 = new InMemoryS3(new S3ObjectStore());
    private HttpTaskClient http;
    private HttpTasks httpTasks;
    private PassThrough passThrough;

    StateMachineUnderTest(PreparedStateMachine prepared, StepFunctionsConfig config) {
        this.prepared = prepared;
        this.config = config;
        this.scheduler = new VirtualScheduler(config.startTime());
        MutantScope.current().ifPresent(scope -> scheduler.stopWhen(scope::stopped, "Stopped by mutation testing:"
                + " this mutant's time is up, or a test already killed it."));
        this.mocks = MockAccess.forDefinition(prepared.definition(), prepared.source());
        // the test's mocks, then the mock file's test case, then real HTTP calls when the test allowed them
        this.answers = TaskAnswers.of(MockAccess.handler(mocks), prepared.mockConfigHandler(),
                invocation -> http == null ? Optional.empty() : http.answer(invocation));
        this.clock = new Clock();
    }

    /** Loads, validates and compiles the configured definition for a single test (the JUnit extension and the Cucumber steps share theirs). */
    public static StateMachineUnderTest of(StepFunctionsConfig config) {
        return PreparedStateMachine.prepare(config, null).newTest();
    }

    /**
     * The state {@code stateName} of this machine (top level, or inside a Parallel or Map), to run on
     * its own as AWS's TestState API does: give it an input, a mock of its result or error, a retry
     * count, variables or a context object, then {@code run()} it (see docs/junit.md). A Task with no
     * mock of its own ({@code mockResult}/{@code mockError}) is answered as in an execution of this
     * test: by {@code mock("State")}, the mock file, {@code http()}.
     */
    public StateTest testState(String stateName) {
        return StateTests.taskHandler(StateTest.of(prepared.definitionJson(), stateName), this::answer);
    }

    // ------------------------------------------------------------------ mocks

    /**
     * Scripts the answers of a Task state. A name the definition lacks fails here, at this line,
     * with the closest name; a second {@code mock} of the same state replaces the first.
     */
    public TaskMock mock(String stateName) {
        return mocks.mock(stateName);
    }

    /**
     * Scripts the answers of every Task whose resource matches this ARN (or glob, e.g.
     * {@code arn:aws:lambda:*:*:function:notify*}); for a state machine from a CDK app, also the
     * construct path of the function, queue or table the Task calls ({@code OrdersStack/ChargeCard}).
     */
    public TaskMock mockResource(String arnGlobOrConstructPath) {
        return mocks.mockResource(prepared.resource(arnGlobOrConstructPath));
    }

    /** Removes a state's mock (e.g. one declared in a {@code @BeforeEach}). */
    public void unmock(String stateName) {
        mocks.unmock(stateName);
    }

    /** The mocks declared in this test. */
    public List<TaskMock> mocks() {
        return mocks.mocks();
    }

    /**
     * The calls of a Task state so far, whoever answered them (its own mock, a resource mock, a mock
     * file, HTTP): {@code assertThat(sfn.callsOf("ChargePayment")).wasCalled(2)}.
     */
    public TaskMock callsOf(String stateName) {
        return mocks.callsOf(stateName);
    }

    /** Declared mocks that no Task call reached. */
    public List<TaskMock> unusedMocks() {
        return mocks.unusedMocks();
    }

    /**
     * Lets {@code http:invoke} Tasks without a mock make real HTTP calls, to loopback only unless
     * allowed; route their endpoints to a stub server, e.g.
     * {@code sfn.http().route("https://shipping.example.com", wireMock.getHttpBaseUrl())}.
     */
    public HttpTasks http() {
        if (http == null) {
            http = new HttpTaskClient();
            httpTasks = new HttpTasks(http);
        }
        return httpTasks;
    }

    /**
     * Passes a Task state through to the real service instead of a mock: its call goes through the
     * AWS SDK for Java v2 to the configured endpoint and region ({@link StepFunctionsConfig.Builder#awsEndpoint},
     * {@code @StepFunctionTest(awsEndpoint = ...)}) with the SDK's default credentials; a mock of the
     * same state is not asked. Nothing leaves the machine for a Task that is not passed through.
     *
     * @throws IllegalArgumentException for a name the definition lacks, or a resource that cannot be passed through
     * @throws IllegalStateException when the service's SDK client is not on the classpath, naming the artifact
     */
    public StateMachineUnderTest passThrough(String stateName) {
        String resource = MockAccess.taskState(mocks, stateName).resource();
        passThrough().passState(stateName, resource);
        return this;
    }

    /**
     * Passes through every Task whose resource matches this ARN or glob
     * ({@code arn:aws:lambda:*:*:function:orders-*}), or, in a CDK app, the construct path of what it calls.
     */
    public StateMachineUnderTest passThroughResource(String arnGlobOrConstructPath) {
        String selector = prepared.resource(arnGlobOrConstructPath);
        Pattern glob = Glob.compile(selector);
        List<String> matching = StateNames.taskStates(prepared.definition()).values().stream()
                .map(t -> t.resource()).filter(r -> r != null && glob.matcher(r).matches()).distinct().toList();
        passThrough().passResource(selector, matching);
        return this;
    }

    /**
     * The Step Functions endpoint, on loopback, where the functions this test passes through send
     * their task callbacks ({@code SendTaskSuccess}, {@code SendTaskFailure}, {@code SendTaskHeartbeat}):
     * give it to the function (e.g. {@code AWS_ENDPOINT_URL_SFN}). From this call on, a passed-through
     * {@code .waitForTaskToken} Task waits for its function's callback there (for at most 10 minutes)
     * instead of for one the test sends; see docs/hybrid.md.
     */
    public URI callbackEndpoint() {
        return passThrough().callbackEndpoint();
    }

    private PassThrough passThrough() {
        if (passThrough == null) {
            passThrough = new PassThrough(new AwsSettings(config.awsEndpoint(), config.awsRegion(),
                    config.passThroughLatency()));
        }
        return passThrough;
    }

    /**
     * This test's S3, which every execution it starts shares: put the objects a Distributed Map's
     * {@code ItemReader} reads, read what its {@code ResultWriter} wrote, e.g.
     * {@code sfn.s3().putObject("invoices", "b-7.csv", "id,amount\ninv-1,120\n")}.
     */
    public InMemoryS3 s3() {
        return s3;
    }

    // ------------------------------------------------------------------ time and executions

    public VirtualClock clock() {
        return clock;
    }

    StateMachineDefinition definition() {
        return prepared.definition();
    }

    public StepFunctionsConfig config() {
        return config;
    }

    /** Every execution this test started, in order. */
    public List<Execution> executions() {
        return List.copyOf(executions);
    }

    /**
     * Starts an execution and runs it to its end, moving virtual time as far as needed.
     *
     * @param input JSON text, a {@link java.nio.file.Path} or {@link java.io.File} of JSON, a
     *              {@link JsonNode}, a Map, or any object Jackson serialises
     * @throws AssertionError when a Task has no mock, or the execution waits for a task token nobody will send
     */
    public Execution run(Object input) {
        return start(input).awaitCompletion();
    }

    /** As {@link #run(Object)}, with the execution's name (what {@code $$.Execution.Name} gives). */
    public Execution run(String executionName, Object input) {
        return start(executionName, input).awaitCompletion();
    }

    /**
     * Starts an execution and runs it until it ends or waits for a task token; then the test drives
     * it with {@link Execution#taskToken(String)}, {@link #clock()} and {@link Execution#awaitCompletion()}.
     */
    public Execution start(Object input) {
        return start(null, input);
    }

    public Execution start(String executionName, Object input) {
        JsonNode json = UserJson.read(input, "The execution input");
        ChildStream children = childListeners.isEmpty() ? null : new ChildStream(List.copyOf(childListeners));
        ExecutionOptions options = ExecutionOptions.builder()
                .input(json)
                .executionName(executionName)
                .type(prepared.type() == null ? StateMachineType.STANDARD : prepared.type())
                .seed(config.seed() + executions.size())
                .region(config.region())
                .accountId(config.accountId())
                .taskHandler(this::answer)
                .s3(s3.store())
                .keepChildExecutions(config.keepChildExecutions())
                .childExecutionListener(children)
                .build();
        ExecutionRun run = prepared.compiled().start(options, scheduler);
        Live driver = new Live(run);
        Execution execution = new Execution(run.name(), prepared.definition(), driver, this::notes);
        driver.execution = execution;
        if (children != null) {
            children.parent = execution;
        }
        executions.add(execution);
        driver.settle();
        return execution;
    }

    /**
     * Replays an execution recorded on AWS: {@code history} is {@code GetExecutionHistory}'s JSON (as
     * {@link Execution#fromAwsHistory} reads it: text, a {@link java.nio.file.Path} or a {@link JsonNode}).
     * Every Task state is mocked to answer exactly as it was answered then (results, errors and
     * timeouts, in order, each after its recorded latency), the clock moves to the recorded start,
     * and the definition runs on the recorded input. One line makes a regression test:
     * {@code sfn.replay(Path.of("src/test/resources/histories/order-o-17.json"));}
     *
     * @return the replayed execution, for further assertions
     * @throws AssertionError showing the recorded and the replayed execution side by side (path,
     *     status, output or error) when they differ
     */
    public Execution replay(Object history) {
        return Replay.replay(this, history);
    }

    private Optional<TaskOutcome> answer(TaskInvocation invocation) {
        if (passThrough != null && passThrough.covers(invocation)) {
            // a Task the test sends to a real endpoint: recorded like any call, answered by the endpoint
            MockAccess.record(mocks, invocation);
            return passThrough.answer(invocation);
        }
        Optional<TaskOutcome> answer = answers.answer(invocation);
        if (answer.isEmpty()) {
            noMockMessages.putIfAbsent(invocation.executionArn(), MockAccess.noMockMessage(mocks, invocation));
        }
        return answer;
    }

    /** How each mock was scripted and how often it was called, under every trace. */
    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (TaskMock m : mocks.mocks()) {
            notes.add(m + (m.declaredAt() == null ? "" : " (" + m.declaredAt() + ")") + ": " + m.describe()
                    + "; called " + (m.callCount() == 1 ? "once" : m.callCount() + " times"));
        }
        return notes;
    }

    /** Turns the engine's child executions into executions for the listeners; nothing stays behind but counters. */
    private static final class ChildStream implements BiConsumer<String, EndedChild> {
        private final List<ChildExecutionListener> listeners;
        private final Map<String, StateMachineDefinition> processors = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
        private Execution parent;

        ChildStream(List<ChildExecutionListener> listeners) {
            this.listeners = listeners;
        }

        @Override
        public void accept(String mapState, EndedChild ended) {
            StateMachineDefinition processor = processors.computeIfAbsent(mapState, parent::itemProcessorOf);
            int index = counts.merge(mapState, 1, Integer::sum) - 1;
            Execution child = parent.child(processor, mapState, index, ended.history(), ended.facts());
            for (ChildExecutionListener listener : listeners) {
                listener.ended(parent, mapState, child);
            }
        }
    }

    /** Drives one execution on this test's scheduler. */
    private final class Live implements ExecutionDriver {
        private final ExecutionRun run;
        private Execution execution;

        Live(ExecutionRun run) {
            this.run = run;
        }

        /** Runs what can happen without the test: until the execution ends, or waits for a token, or nothing is due. */
        void settle() {
            while (!run.isDone() && run.pendingTaskTokens().isEmpty() && scheduler.runNext()) {
                // one scheduled action per step
            }
            checkMocks();
        }

        @Override
        public String executionArn() {
            return run.executionArn();
        }

        @Override
        public List<HistoryEvent> history() {
            return run.history();
        }

        @Override
        public List<Fact> facts() {
            return run.facts();
        }

        @Override
        public Map<String, String> pendingTaskTokens() {
            return run.pendingTaskTokens();
        }

        @Override
        public Map<String, List<List<HistoryEvent>>> childExecutions() {
            return run.childExecutions();
        }

        @Override
        public Map<String, List<List<Fact>>> childFacts() {
            return run.childFacts();
        }

        @Override
        public void sendTaskSuccess(String token, JsonNode output) {
            run.sendTaskSuccess(token, output);
            settle();
        }

        @Override
        public void sendTaskFailure(String token, String error, String cause) {
            run.sendTaskFailure(token, error, cause);
            settle();
        }

        @Override
        public void sendTaskHeartbeat(String token) {
            run.sendTaskHeartbeat(token);
        }

        @Override
        public void awaitCompletion() {
            run.awaitCompletion();
            checkMocks();
            if (!run.isDone()) {
                throw new AssertionError(neverEnds());
            }
        }

        private void checkMocks() {
            if (run.isDone() && noMockMessages.containsKey(run.executionArn())) {
                String message = noMockMessages.remove(run.executionArn());
                throw new AssertionError(message.stripTrailing() + "\n\n" + execution.trace());
            }
        }

        private String neverEnds() {
            List<String> waiting = execution.statesWaitingForTaskToken();
            String state = waiting.isEmpty() ? "State" : waiting.get(0);
            return "Execution \"" + run.name() + "\" can never end: it waits for a task token at "
                    + Execution.quoted(waiting) + " that nobody sends, and nothing else is scheduled"
                    + " (virtual time " + scheduler.now() + ").\n"
                    + "Send the callback from the test:\n"
                    + "  Execution execution = sfn.start(input);\n"
                    + "  execution.taskToken(\"" + state + "\").sendSuccess(\"{...}\");\n"
                    + "or script it:\n"
                    + "  sfn.mock(\"" + state + "\").sendsTaskSuccessAfter(Duration.ofMinutes(5), \"{...}\");\n\n"
                    + execution.trace();
        }
    }

    private final class Clock implements VirtualClock {
        @Override
        public Instant now() {
            return scheduler.now();
        }

        @Override
        public void advanceBy(Duration duration) {
            scheduler.advanceBy(duration);
            checkAllMocks();
        }

        @Override
        public void advanceTo(Instant instant) {
            scheduler.advanceTo(instant);
            checkAllMocks();
        }

        private void checkAllMocks() {
            for (Execution e : executions) {
                ((Live) e.driver()).checkMocks();
            }
        }
    }
}
