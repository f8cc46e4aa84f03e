package dev.aslunit.testfile;

import dev.aslunit.internal.report.CoverageReport;
import dev.aslunit.internal.pipeline.TestFiles;
import dev.aslunit.internal.pipeline.Models;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.definition.load.InvalidDefinitionException;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.pipeline.AwsParameters;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskResults;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ReportWriter;
import dev.aslunit.internal.verify.VerifyRun;
import dev.aslunit.internal.verify.VerifySettings;
import dev.aslunit.internal.validation.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the cases of test files, each in its own sandbox ({@link StateMachineUnderTest}) with its
 * mocks set through the Java DSL and its expectations checked by {@code StepFunctionAssertions}: a
 * case is a JUnit test written as data. Definitions are prepared once per runner and shared by the
 * cases that use them; every execution counts towards the coverage collector, when one is given.
 */
public final class TestFileRunner {

    private final Map<Object, PreparedStateMachine> prepared = new HashMap<>();
    private final CoverageCollector coverage;
    private final Function<String, Optional<String>> parameters;
    private final Path reportDirectory;

    static {
        TestFiles.grant(new TestFiles.Grant() {
            @Override
            public TestFileRunner runner(CoverageCollector coverage) {
                return new TestFileRunner(coverage);
            }

            @Override
            public CoverageReport coverage(TestRun run) {
                return run.coverage();
            }

            @Override
            public TestRun run(List<Path> testFiles, Consumer<CaseResult> progress,
                    Function<String, Optional<String>> parameters, Path reportDirectory) {
                return TestRun.run(testFiles, progress, parameters, reportDirectory);
            }

            @Override
            public SourceLocation location(TestCase testCase) {
                return testCase.location();
            }
        });
    }

    /** A runner whose executions count towards no coverage report. */
    public TestFileRunner() {
        this(null);
    }

    /** @param coverage where the cases' executions count, or {@code null} */
    TestFileRunner(CoverageCollector coverage) {
        this(coverage, k -> Optional.ofNullable(System.getProperty(k)), ReportWriter.defaultDirectory());
    }

    /**
     * @param parameters      the run's configuration parameters (verify mode's {@code aslunit.verify.*})
     * @param reportDirectory where verify mode's report goes
     */
    TestFileRunner(CoverageCollector coverage, Function<String, Optional<String>> parameters, Path reportDirectory) {
        this.coverage = coverage;
        this.parameters = parameters;
        this.reportDirectory = reportDirectory;
    }

    /** Runs one case; never throws for a mistake of the case, which is its {@link CaseResult.Outcome#ERROR}. */
    public CaseResult run(TestCase c) {
        long started = System.nanoTime();
        StateMachineUnderTest sfn;
        try {
            sfn = newTest(c);
            List<String> mistakes = checkNames(c, sfn);
            if (mistakes.isEmpty()) {
                mistakes = mock(c, sfn);
            }
            if (mistakes.isEmpty()) {
                mistakes = passThrough(c, sfn);
            }
            if (!mistakes.isEmpty()) {
                return result(c, CaseResult.Outcome.ERROR, String.join("\n", mistakes), null, started);
            }
        } catch (InvalidDefinitionException e) {
            StringBuilder b = new StringBuilder(where(c.machine.at()) + "the state machine is not valid:");
            for (Diagnostic d : e.diagnostics()) {
                b.append("\n  ").append(d.format());
            }
            return result(c, CaseResult.Outcome.ERROR, b.toString(), null, started);
        } catch (IllegalArgumentException | IllegalStateException | DefinitionSourceException e) {
            return result(c, CaseResult.Outcome.ERROR, where(c.machine.at()) + e.getMessage(), null, started);
        }
        Execution execution = null;
        try {
            execution = sfn.start(executionName(c.name()), c.input);
            if (!c.staysWaiting) {
                execution.awaitCompletion();
            }
            for (Expectation expectation : c.expectations) {
                try {
                    expectation.check().verify(execution, sfn);
                } catch (AssertionError e) {
                    return result(c, CaseResult.Outcome.FAILED, where(expectation.at()) + e.getMessage(), execution,
                            started);
                }
            }
            Optional<String> difference = verifyOnEndpoint(sfn);
            if (difference.isPresent()) {
                return result(c, CaseResult.Outcome.FAILED, where(c.location()) + difference.get(), execution, started);
            }
            return result(c, CaseResult.Outcome.PASSED, null, execution, started);
        } catch (AssertionError e) {
            return result(c, CaseResult.Outcome.FAILED, where(c.location()) + e.getMessage(), execution, started);
        } catch (RuntimeException e) {
            return result(c, CaseResult.Outcome.ERROR, where(c.location()) + e.getMessage(), execution, started);
        } finally {
            if (coverage != null) {
                coverage.recordTest(sfn);
            }
        }
    }

    /**
     * Verify mode (docs/verify-on-aws.md), set by the parameters: a case that passed has its execution
     * checked state by state by the endpoint's TestState.
     */
    private Optional<String> verifyOnEndpoint(StateMachineUnderTest sfn) {
        if (parameters.apply(VerifySettings.ENDPOINT).isEmpty()) {
            return Optional.empty();
        }
        PreparedStateMachine machine = PreparedStateMachine.prepare(sfn.config(), null, this::cached);
        return VerifyRun.byParameters(parameters, machine.source(), machine.json(), sfn.executions(), reportDirectory);
    }

    private static CaseResult result(TestCase c, CaseResult.Outcome outcome, String message, Execution execution,
            long started) {
        return new CaseResult(c, outcome, message, execution, (System.nanoTime() - started) / 1_000_000);
    }

    /** The case's sandbox: the machine compiled once for every case that shares it, the clock and seed the case's own. */
    private StateMachineUnderTest newTest(TestCase c) {
        MachineSpec m = c.machine;
        StepFunctionsConfig.Builder config = StepFunctionsConfig.newBuilder()
                .definition(m.definition().toString())
                .substitutions(m.substitutions());
        if (m.logicalId() != null) {
            config.logicalId(m.logicalId());
        }
        if (m.type() != null) {
            config.type(m.type());
        }
        if (m.mockConfigFile() != null) {
            config.mockConfig(m.mockConfigFile().toString(), m.testCase());
        }
        if (c.startTime != null) {
            config.startTime(c.startTime);
        }
        if (c.seed != null) {
            config.seed(c.seed);
        }
        if (!c.passThrough.isEmpty()) {
            // the file's endpoint and region win over the run's configuration parameters, as an annotation's do in JUnit
            AwsParameters.apply(config);
        }
        if (c.awsEndpoint != null) {
            config.awsEndpoint(c.awsEndpoint);
        }
        if (c.awsRegion != null) {
            config.awsRegion(c.awsRegion);
        }
        StepFunctionsConfig built = config.build();
        return PreparedStateMachine.prepare(built, null, this::cached).newTest(built);
    }

    private PreparedStateMachine cached(Object key, Supplier<PreparedStateMachine> prepare) {
        return prepared.computeIfAbsent(key, k -> prepare.get());
    }

    /** Every state name the case writes must be one of the definition's, else "did you mean" at its line. */
    private static List<String> checkNames(TestCase c, StateMachineUnderTest sfn) {
        Map<String, State> states = StateNames.allStates(Models.definition(sfn));
        List<String> mistakes = new ArrayList<>();
        for (MockSpec mock : c.mocks) {
            if (mock.resource()) {
                continue;
            }
            State state = states.get(mock.target());
            if (state == null) {
                mistakes.add(where(mock.at()) + "the state machine has no state \"" + mock.target() + "\" to mock"
                        + StateNames.didYouMean(mock.target(), StateNames.taskStates(Models.definition(sfn)).keySet()));
            } else if (!(state instanceof TaskState)) {
                mistakes.add(where(mock.at()) + "\"" + mock.target() + "\" is a " + state.getClass().getSimpleName()
                        .replace("State", "") + " state; only Task states are mocked");
            }
        }
        for (Expectation e : c.expectations) {
            for (Expectation.Named named : e.states()) {
                if (!states.containsKey(named.name())) {
                    mistakes.add(where(named.at()) + "the state machine has no state \"" + named.name() + "\""
                            + StateNames.didYouMean(named.name(), states.keySet()));
                }
            }
        }
        return mistakes;
    }

    /** The case's mocks, in the Java DSL's words; what the DSL refuses (a callback of a task that awaits none), at the mock's line. */
    private static List<String> mock(TestCase c, StateMachineUnderTest sfn) {
        List<String> mistakes = new ArrayList<>();
        for (MockSpec spec : c.mocks) {
            try {
                mock(spec, sfn);
            } catch (IllegalArgumentException | IllegalStateException e) {
                mistakes.add(where(spec.at()) + e.getMessage());
            }
        }
        return mistakes;
    }

    /** The Tasks the case sends to their real endpoint: a resource when it starts with {@code arn:}, else a state name. */
    private static List<String> passThrough(TestCase c, StateMachineUnderTest sfn) {
        List<String> mistakes = new ArrayList<>();
        for (Expectation.Named target : c.passThrough) {
            try {
                if (target.name().startsWith("arn:")) {
                    sfn.passThroughResource(target.name());
                } else {
                    sfn.passThrough(target.name());
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                mistakes.add(where(target.at()) + e.getMessage());
            }
        }
        return mistakes;
    }

    private static void mock(MockSpec spec, StateMachineUnderTest sfn) {
        TaskMock mock = spec.resource() ? sfn.mockResource(spec.target()) : sfn.mock(spec.target());
        for (Script script : spec.scripts()) {
            if (script.inputAt() == null) {
                mock.otherwise();
            } else if (script.is() == null) {
                mock.when(script.inputAt());
            } else {
                mock.when(script.inputAt(), script.is());
            }
            for (Answer a : script.answers()) {
                answer(mock, a);
            }
        }
    }

    private static void answer(TaskMock mock, Answer a) {
        switch (a.kind()) {
            case RETURNS -> mock.returns(a.value());
            case RETURNS_FILE -> mock.returns(a.file());
            case FAILS -> mock.fails(a.error(), a.cause());
            case HTTP_RESPONSE -> mock.returns(TaskResults.httpResponse(a.status(), body(a.value())));
            case NEVER_ANSWERS -> mock.neverAnswers();
            case WAITS_FOR_CALLBACK -> mock.waitsForCallback();
            case SENDS_SUCCESS -> mock.sendsTaskSuccessAfter(a.after() == null ? java.time.Duration.ZERO : a.after(),
                    Json.write(a.value()));
            case SENDS_FAILURE -> mock.sendsTaskFailureAfter(a.after() == null ? java.time.Duration.ZERO : a.after(),
                    a.error(), a.cause());
        }
        if (a.times() != null) {
            mock.times(a.times());
        }
        if (a.after() != null && a.kind() != Answer.Kind.SENDS_SUCCESS && a.kind() != Answer.Kind.SENDS_FAILURE) {
            mock.after(a.after());
        }
    }

    /** An HTTP body written as JSON is sent as its JSON text; written as text, as that text. */
    private static String body(JsonNode body) {
        return body == null || body.isNull() ? "" : body.isTextual() ? body.textValue() : Json.write(body);
    }

    /** The case's name as an execution name AWS accepts (1 to 80 of letters, digits, - and _): traces and pictures then name the case. */
    static String executionName(String caseName) {
        String name = caseName.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        name = name.length() > 80 ? name.substring(0, 80) : name;
        return name.isEmpty() ? "case" : name;
    }

    static String where(SourceLocation at) {
        return at.file() + (at.line() > 0 ? ":" + at.line() + ":" + at.column() : "") + ": ";
    }
}
