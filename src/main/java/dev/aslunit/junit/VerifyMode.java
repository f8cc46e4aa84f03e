package dev.aslunit.junit;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.internal.verify.VerifyRun;
import dev.aslunit.internal.verify.VerifySettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Verify on AWS (docs/verify-on-aws.md) from the JUnit side: when the run names an endpoint
 * ({@value VerifySettings#ENDPOINT}), each test that passed has its executions re-run state by state
 * on the endpoint's TestState; a difference fails the test. One {@link VerifyRun} per launcher session
 * and settings holds the call count and the report.
 */
final class VerifyMode {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VerifyMode.class);

    private VerifyMode() {
    }

    static void afterTest(ExtensionContext context, StateMachineUnderTest sfn, PreparedStateMachine prepared,
            Path reportDirectory) {
        Optional<VerifySettings> settings;
        try {
            settings = VerifySettings.from(context::getConfigurationParameter);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        if (settings.isEmpty() || sfn.executions().isEmpty()) {
            return;
        }
        VerifyRun run = store(context).getOrComputeIfAbsent(settings.get(),
                s -> new VerifyRun(settings.get(), context.getRequiredTestClass().getClassLoader()), VerifyRun.class);
        Optional<String> failure;
        try {
            failure = run.verify(prepared.source(), prepared.json(), sfn.executions());
        } catch (IllegalStateException refused) {
            throw new ExtensionConfigurationException(refused.getMessage(), refused);
        } finally {
            run.writeReport(reportDirectory);
            context.publishReportEntry("aslunit.verify", run.settings().dryRun()
                    ? "dry run, the calls are listed in " + reportDirectory.resolve("verify-calls.json").toAbsolutePath()
                    : "report: " + reportDirectory.resolve("verify.md").toAbsolutePath());
        }
        if (failure.isPresent()) {
            throw new AssertionError(failure.get() + "\nReport: " + reportDirectory.resolve("verify.md").toAbsolutePath());
        }
    }

    /** The launcher session's store (one run), or on JUnit before 5.13, which has none, the engine's root store. */
    private static ExtensionContext.Store store(ExtensionContext context) {
        try {
            return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE);
        } catch (LinkageError olderJUnit) {
            return context.getRoot().getStore(NAMESPACE);
        }
    }
}
