package dev.aslunit.cucumber;

import dev.aslunit.server.InspectionLevel;
import dev.aslunit.server.StateTest;
import dev.aslunit.server.StateTestResult;
import dev.aslunit.Execution;
import dev.aslunit.InMemoryS3;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.StateMachineType;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.internal.pipeline.AwsParameters;
import dev.aslunit.internal.pipeline.Sandboxes;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ReportWriter;
import dev.aslunit.internal.verify.VerifyRun;
import dev.aslunit.internal.verify.VerifySettings;
import dev.aslunit.PreparedStateMachine;
import io.cucumber.java.Scenario;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One scenario's world: the configuration the Given steps collect, the sandbox built from it at the
 * first step that needs it, and the execution the When steps started. Created with the glue object,
 * so every scenario has its own; only the prepared (compiled) state machine is shared, through
 * {@link PreparedMachines}.
 */
final class ScenarioContext {

    private final StepFunctionsConfig.Builder config = StepFunctionsConfig.newBuilder();
    private boolean hasDefinition;
    private StateMachineUnderTest sfn;
    private Execution execution;
    private Scenario scenario;

    void scenario(Scenario scenario) {
        this.scenario = scenario;
    }

    /** {@code checkout.feature:12 ("Scenario name")}, for messages that must say where to look. */
    String where() {
        return scenario == null ? "this scenario" : scenario.getUri() + ":" + scenario.getLine()
                + " (\"" + scenario.getName() + "\")";
    }

    StepFunctionsConfig.Builder configure(String step) {
        if (sfn != null) {
            throw new IllegalStateException("\"" + step + "\" comes after the state machine was already in use in "
                    + where() + ". Put the Given steps that describe the state machine before the mocks and"
                    + " the When steps.");
        }
        return config;
    }

    void definition(String definition) {
        configure("the state machine").definition(definition);
        hasDefinition = true;
    }

    void type(String type) {
        StateMachineType parsed;
        try {
            parsed = StateMachineType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + type + "\" is not a workflow type; write STANDARD or EXPRESS ("
                    + where() + ").", e);
        }
        configure("the workflow type").type(parsed);
    }

    void startTime(String instant) {
        try {
            configure("the clock starts at").startTime(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + instant + "\" is not an ISO-8601 instant; write it as"
                    + " \"2026-01-05T09:00:00Z\" (" + where() + ").", e);
        }
    }

    /**
     * The scenario is over: its executions count (none when it never got as far as a state machine),
     * with the child executions still running in them.
     */
    void recordCoverage(CoverageCollector collector) {
        if (sfn != null) {
            collector.recordTest(sfn);
        }
    }

    /**
     * Verify mode (docs/verify-on-aws.md), set by system properties: the scenario's executions, state by
     * state, against the endpoint's TestState; a difference fails the scenario with both answers.
     */
    void verifyOnEndpoint() {
        if (sfn == null || System.getProperty(VerifySettings.ENDPOINT) == null) {
            return;
        }
        PreparedStateMachine prepared = PreparedMachines.SHARED.prepare(sfn.config());
        VerifyRun.bySystemProperties(prepared.source(), prepared.json(), sfn.executions(), ReportWriter.defaultDirectory())
                .ifPresent(failure -> {
                    throw new AssertionError(failure);
                });
    }

    StateMachineUnderTest sfn() {
        if (sfn == null) {
            if (!hasDefinition) {
                throw new IllegalStateException("No state machine in " + where() + ". Start the scenario (or its"
                        + " Background) with:\n  Given the state machine \"path/to/workflow.asl.json\"");
            }
            AwsParameters.apply(config);
            StepFunctionsConfig scenarioConfig = config.build();
            // the clock, seed and mock strictness are this scenario's, whichever scenario prepared the machine
            sfn = PreparedMachines.SHARED.prepare(scenarioConfig).newTest(scenarioConfig);
            // coverage counts the states inside a Distributed Map from its child executions, one by one as they end
            CoverageCollector.active().ifPresent(c -> Sandboxes.onChildExecutionEnd(sfn, c));
        }
        return sfn;
    }

    private StateTestResult tested;

    TaskMock mock(String state) {
        return sfn().mock(state);
    }

    /** The calls of this Task state, for the Then steps that verify them, whoever answered them. */
    TaskMock declaredMock(String state) {
        return sfn().callsOf(state);
    }

    /** @param input JSON, or a {@link java.nio.file.Path} of a JSON file */
    void start(Object input) {
        execution = sfn().start(input);
    }

    Execution started() {
        if (execution == null) {
            throw new IllegalStateException("No execution was started in " + where() + ". Add a step such as:\n"
                    + "  When the execution starts with:");
        }
        return execution;
    }

    /**
     * The execution as a Then step about its outcome needs it: run on to its end (scheduled
     * callbacks, timers and timeouts fire in virtual time), failing at once if it can never end.
     */
    Execution finished() {
        Execution e = started();
        if (e.isRunning()) {
            e.awaitCompletion();
        }
        return e;
    }

    /** {@code "bucket/key"} as a step writes an S3 object. */
    S3Name s3Object(String bucketAndKey) {
        int slash = bucketAndKey.indexOf('/');
        if (slash <= 0 || slash == bucketAndKey.length() - 1) {
            throw new IllegalArgumentException("\"" + bucketAndKey + "\" in " + where() + " is not an S3 object name;"
                    + " write the bucket, a slash and the key: \"invoices/2026-01/batch.csv\".");
        }
        return new S3Name(bucketAndKey.substring(0, slash), bucketAndKey.substring(slash + 1));
    }

    /** The scenario's S3 as a Then step needs it: after the execution ran to its end, ResultWriters included. */
    InMemoryS3 finishedS3() {
        finished();
        return sfn().s3();
    }

    Execution current() {
        return execution;
    }

    /** A state run on its own ({@code sfn.testState}); the Task is answered by the scenario's mocks. */
    void testState(String state, Object input, Integer retrierRetryCount) {
        StateTest test = sfn().testState(state).inspectionLevel(InspectionLevel.DEBUG);
        if (input != null) {
            test.input(input.toString());
        }
        if (retrierRetryCount != null) {
            test.retrierRetryCount(retrierRetryCount);
        }
        tested = test.run();
    }

    StateTestResult tested() {
        if (tested == null) {
            throw new IllegalStateException("No state was tested on its own in " + where() + ". Add a step such as:\n"
                    + "  When the state \"ChargePayment\" is tested on its own with:");
        }
        return tested;
    }
}
