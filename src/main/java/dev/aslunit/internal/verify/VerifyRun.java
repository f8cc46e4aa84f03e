package dev.aslunit.internal.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.Execution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One test run in verify mode: its settings, the endpoint (opened, and the account checked, at the
 * first call), the calls made against the cap, and the report. The front end hands it each test's
 * executions after the test; a test that failed on its own is not verified.
 */
public final class VerifyRun implements AutoCloseable {

    /** The runs of the front ends without a session of their own (Cucumber steps, test files): one per JVM and settings. */
    private static final Map<VerifySettings, VerifyRun> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final VerifySettings settings;
    private final ClassLoader loader;
    private final VerifyReport report;
    private Endpoint endpoint;
    private RuntimeException refused;
    private int calls;

    /** A run against the endpoint the settings name, through the AWS SDK for Java v2 that {@code loader} sees. */
    public VerifyRun(VerifySettings settings, ClassLoader loader) {
        this.settings = settings;
        this.loader = loader;
        this.report = new VerifyReport(settings);
    }

    /**
     * For the front ends configured by system properties (the Cucumber steps, test files): when
     * {@value VerifySettings#ENDPOINT} is set, verifies the executions with this JVM's run for the
     * settings (one cap, one report) and rewrites the report into {@code reportDirectory}.
     *
     * @return the failure message, naming the report, when an answer differs; empty when none does or
     *         verify mode is off
     */
    public static Optional<String> bySystemProperties(String workflow, JsonNode definition, List<Execution> executions,
            Path reportDirectory) {
        return byParameters(k -> Optional.ofNullable(System.getProperty(k)), workflow, definition, executions,
                reportDirectory);
    }

    /**
     * As {@link #bySystemProperties}, with the settings the {@code parameters} give (e.g. {@code aslunit test}'s
     * {@code --verify-*} options, falling back to the system properties).
     */
    public static Optional<String> byParameters(Function<String, Optional<String>> parameters, String workflow,
            JsonNode definition, List<Execution> executions, Path reportDirectory) {
        Optional<VerifySettings> settings = VerifySettings.from(parameters);
        if (settings.isEmpty() || executions.isEmpty()) {
            return Optional.empty();
        }
        VerifyRun run = IN_THIS_JVM.computeIfAbsent(settings.get(), s -> new VerifyRun(s, VerifyRun.class.getClassLoader()));
        try {
            return run.verify(workflow, definition, executions)
                    .map(m -> m + "\nReport: " + reportDirectory.resolve("verify.md").toAbsolutePath());
        } finally {
            run.writeReport(reportDirectory);
        }
    }

    public VerifySettings settings() {
        return settings;
    }

    /**
     * Re-runs each execution's path state by state on the endpoint's TestState and compares.
     *
     * @param workflow   the definition's name for the report ({@code order-processing.asl.json})
     * @param definition the whole definition, as the test ran it
     * @return the failure message when any state's answers differ (both answers side by side), else empty
     * @throws IllegalStateException when the run may not call (no account named, another account, the cap
     *                               reached) or the endpoint could not be used
     */
    public synchronized Optional<String> verify(String workflow, JsonNode definition, List<Execution> executions) {
        Walk walk = new Walk(definition, settings.roleArn());
        report.workflow(workflow, walk.stateNames());
        List<Walk.Step> steps = new ArrayList<>();
        for (Execution execution : executions) {
            steps.addAll(walk.steps(execution));
        }
        long planned = steps.stream().filter(s -> s.call() != null).count();
        for (Walk.Step step : steps) {
            if (step.call() == null) {
                report.notVerified(workflow, step.state(), step.notVerified());
            }
        }
        if (settings.dryRun()) {
            steps.stream().filter(s -> s.call() != null).forEach(s -> report.planned(workflow, s.call()));
            return Optional.empty();
        }
        if (calls + planned > settings.maxCalls()) {
            throw new IllegalStateException("Verify mode stops before " + (calls + planned) + " TestState calls: the run"
                    + " may make " + settings.maxCalls() + " (" + VerifySettings.MAX_CALLS + "), has made " + calls
                    + ", and this test needs " + planned + " more. Raise " + VerifySettings.MAX_CALLS
                    + " if the cost is expected (see docs/verify-on-aws.md), or verify fewer tests.");
        }
        StringBuilder failures = new StringBuilder();
        for (Walk.Step step : steps) {
            if (step.call() == null) {
                continue;
            }
            Endpoint open = open();
            calls++;
            StateCall call = step.call();
            Answer answer;
            try {
                answer = open.testState(call);
            } catch (Endpoint.EndpointException e) {
                report.differed(workflow, call, List.of(new Answer.Difference("request", "accepted", e.getMessage())));
                failures.append(VerifyMessages.refused(call, e.getMessage()));
                continue;
            }
            List<Answer.Difference> differences = call.expected().differences(answer);
            if (differences.isEmpty()) {
                report.verified(workflow, call);
            } else {
                report.differed(workflow, call, differences);
                failures.append(VerifyMessages.differences(call, differences));
            }
        }
        return failures.length() == 0 ? Optional.empty()
                : Optional.of(VerifyMessages.header(settings.endpoint().toString(), workflow) + failures);
    }

    /** The endpoint, opened on the first call once the account guard let it; a refusal holds for the whole run. */
    private Endpoint open() {
        if (refused != null) {
            throw refused;
        }
        if (endpoint == null) {
            try {
                AccountGuard.check(settings, () -> {
                    SdkCheck.require("sts", "software.amazon.awssdk.services.sts.StsClient",
                            "asks STS which account the credentials belong to before it calls AWS", loader);
                    return StsAccount.callerAccount(settings.region(), null);
                });
                SdkCheck.require("sfn", "software.amazon.awssdk.services.sfn.SfnClient",
                        "calls the TestState API of " + settings.endpoint(), loader);
                endpoint = new SdkEndpoint(settings);
            } catch (RuntimeException e) {
                refused = e;
                throw e;
            }
        }
        return endpoint;
    }

    /** How many TestState calls the run made so far. */
    public synchronized int calls() {
        return calls;
    }

    /** Writes {@code verify.json} and {@code verify.md} (and in a dry run {@code verify-calls.json}) into {@code directory}. */
    public synchronized void writeReport(Path directory) {
        report.write(directory, calls);
    }

    /** Closes the SDK client; JUnit calls it when the launcher session's store closes. */
    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }
}
