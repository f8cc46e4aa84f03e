package dev.aslunit.junit;

import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.CoverageReport;
import dev.aslunit.internal.report.ReportWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes ASLUnit's workflow coverage once, when the JUnit Platform session ends (after every test,
 * also when they ran in parallel): {@code coverage.json}, {@code index.html} and {@code coverage.md}
 * under {@code target/aslunit} (configuration parameter {@code aslunit.report.dir}). Registered
 * through {@code META-INF/services}, so tests need no code for it.
 *
 * <p>Each session owns its collector and keeps it in the session's store, where
 * {@link StepFunctionExtension} finds it; the outermost session also activates it for the Cucumber
 * steps. With {@code aslunit.coverage.minimum.states} or {@code aslunit.coverage.minimum.transitions}
 * (0 to 1, off by default) a definition below the minimum fails the run, as JaCoCo's check does.
 */
public class CoverageSessionListener implements LauncherSessionListener {

    /** The store entry the extension reads; the same parts as {@link StepFunctionExtension}'s launcher-session namespace. */
    static final String[] NAMESPACE = {"dev.aslunit", "coverage"};
    static final String COLLECTOR = "collector";

    public static final String REPORT_DIR = "aslunit.report.dir";
    public static final String MINIMUM_STATES = "aslunit.coverage.minimum.states";
    public static final String MINIMUM_TRANSITIONS = "aslunit.coverage.minimum.transitions";
    /**
     * Where the run's Markdown summary goes: a file, or {@code $GITHUB_STEP_SUMMARY} for the variable of
     * that name (GitHub Actions' job summary); unset, no summary is written.
     */
    public static final String SUMMARY = "aslunit.summary";
    static final String SUMMARY_KEY = "summary";

    /** What one session holds: its collector, whether it is the active one, and the run's configuration once known. */
    private static final class Run implements AutoCloseable {
        final CoverageCollector collector = new CoverageCollector();
        final boolean active = collector.activate();
        final AtomicReference<ConfigurationParameters> configuration = new AtomicReference<>();
        final RunSummary summary = new RunSummary();

        @Override
        public void close() {
            if (active) {
                collector.deactivate();
            }
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Run run = new Run();
        store(session).put(Namespace.create((Object[]) NAMESPACE), COLLECTOR, run.collector);
        store(session).put(Namespace.create((Object[]) NAMESPACE), Run.class, run);
        store(session).put(Namespace.create((Object[]) NAMESPACE), SUMMARY_KEY, run.summary);
        session.getLauncher().registerTestExecutionListeners(run.summary, new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan testPlan) {
                run.configuration.compareAndSet(null, testPlan.getConfigurationParameters());
            }
        });
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Object stored = store(session).get(Namespace.create((Object[]) NAMESPACE), Run.class);
        if (!(stored instanceof Run)) {
            return;
        }
        Run run = (Run) stored;
        run.close();
        ConfigurationParameters config = run.configuration.get();
        writeSummary(run, config);
        if (run.collector.isEmpty()) {
            return;
        }
        CoverageReport report = run.collector.report();
        ReportWriter.write(report, Path.of(parameter(config, REPORT_DIR).orElse(ReportWriter.DEFAULT_DIRECTORY)));
        double states = minimum(config, MINIMUM_STATES);
        double transitions = minimum(config, MINIMUM_TRANSITIONS);
        if (states > 0 || transitions > 0) {
            report.check(states, transitions).ifPresent(message -> {
                throw new CoverageThresholdException(message);
            });
        }
    }

    /** The run's Markdown summary, appended to the file {@value #SUMMARY} names (several runs of a job add up). */
    private static void writeSummary(Run run, ConfigurationParameters config) {
        Optional<String> target = parameter(config, SUMMARY).filter(v -> !v.isBlank());
        if (target.isEmpty()) {
            return;
        }
        String file = target.get().trim().equals("$GITHUB_STEP_SUMMARY") ? System.getenv("GITHUB_STEP_SUMMARY")
                : target.get().trim();
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path path = Path.of(file);
            if (path.getParent() != null) {
                java.nio.file.Files.createDirectories(path.getParent());
            }
            java.nio.file.Files.writeString(path, run.summary.render(run.collector.isEmpty() ? null
                    : run.collector.report()), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new CoverageThresholdException("Cannot write the run's summary to " + file + " (" + SUMMARY + "): " + e);
        }
    }

    private static NamespacedHierarchicalStore<Namespace> store(LauncherSession session) {
        return session.getStore();
    }

    /** A configuration parameter, else the system property of that name (JUnit's own fallback, for sessions without a plan). */
    private static Optional<String> parameter(ConfigurationParameters config, String key) {
        Optional<String> value = config != null ? config.get(key) : Optional.empty();
        return value.isPresent() ? value : Optional.ofNullable(System.getProperty(key));
    }

    private static double minimum(ConfigurationParameters config, String key) {
        Optional<String> text = parameter(config, key);
        if (text.isEmpty() || text.get().isBlank()) {
            return 0;
        }
        try {
            double value = Double.parseDouble(text.get().trim());
            if (value < 0 || value > 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CoverageThresholdException("The configuration parameter " + key + " is \"" + text.get()
                    + "\": give a ratio from 0 to 1, e.g. " + key + "=0.8 in src/test/resources/junit-platform.properties");
        }
    }

    /** The run's workflow coverage is below a configured minimum; the message lists what was never exercised. */
    public static final class CoverageThresholdException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CoverageThresholdException(String message) {
            super(message, null, false, false);
        }
    }
}
