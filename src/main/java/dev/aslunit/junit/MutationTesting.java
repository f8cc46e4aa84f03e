package dev.aslunit.junit;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.Mutant;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.mutation.Mutator;
import dev.aslunit.internal.report.MutationReportWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Mutation testing of workflows: runs the tests of {@link StepFunctionTest} classes once per mutant
 * of each definition they use ({@link Mutator}), through the JUnit Platform Launcher, and reports
 * which mutants the tests kill.
 *
 * <p>Each mutant is one launcher request for the classes that use its definition, with the
 * configuration parameter {@link StepFunctionExtension#mutantParameter} set to the mutant's text;
 * each request has its own extension stores, so mutants run in parallel share nothing. The
 * requests run with no launcher session listeners, so the coverage report of the run that started
 * them is not touched. A mutant is killed when a test (or a class's setup) fails, survives when
 * every test passes, and is killed by timeout when its run outlasts {@link Builder#mutantTimeout};
 * once the {@link Builder#timeBudget} is spent, the mutants not yet started are reported as not
 * run. Only the classes' JUnit Jupiter tests run (Cucumber features are not mutated yet).
 */
public final class MutationTesting {

    private final List<Class<?>> testClasses;
    private final int threads;
    private final Duration timeBudget;
    private final Duration mutantTimeout;
    private final Map<String, String> parameters;

    private MutationTesting(Builder b) {
        this.parameters = Map.copyOf(b.parameters);
        this.testClasses = List.copyOf(b.testClasses);
        this.threads = b.threads;
        this.timeBudget = b.timeBudget;
        this.mutantTimeout = b.mutantTimeout;
    }

    /** Mutation testing of these test classes (each annotated with {@link StepFunctionTest}). */
    public static Builder of(Class<?>... testClasses) {
        Builder b = new Builder();
        b.testClasses.addAll(List.of(testClasses));
        return b;
    }

    /**
     * As {@link #of(Class[])}, by class name, loaded by the thread's context class loader.
     *
     * @throws IllegalArgumentException naming a class that is not on the classpath
     */
    public static Builder of(String... testClassNames) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : MutationTesting.class.getClassLoader();
        Builder b = new Builder();
        for (String name : testClassNames) {
            try {
                b.testClasses.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("No test class " + name + " on the classpath: give the fully"
                        + " qualified name of a compiled @StepFunctionTest class (run after test-compile)", e);
            }
        }
        return b;
    }

    /** Configures a run. */
    public static final class Builder {
        private final List<Class<?>> testClasses = new ArrayList<>();
        private int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private Duration timeBudget = Duration.ofMinutes(5);
        private Duration mutantTimeout;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Path reportDirectory;

        private Builder() {
        }

        /** A JUnit configuration parameter for every run of the tests (the unmutated one and each mutant's). */
        public Builder configurationParameter(String key, String value) {
            parameters.put(key, value);
            return this;
        }

        /** How many mutants run at once; by default the processors, at most 4. */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + n);
            }
            this.threads = n;
            return this;
        }

        /** No mutant starts after this much wall time; by default 5 minutes. */
        public Builder timeBudget(Duration budget) {
            this.timeBudget = budget;
            return this;
        }

        /** A mutant whose tests run longer counts as killed; by default 10 times the unmutated run, at least 5 s. */
        public Builder mutantTimeout(Duration timeout) {
            this.mutantTimeout = timeout;
            return this;
        }

        /** Also write the report (mutation.json, .html, .md) into this directory, beside the coverage report. */
        public Builder reportTo(Path directory) {
            this.reportDirectory = directory;
            return this;
        }

        public MutationReport run() {
            MutationReport report = new MutationTesting(this).run();
            if (reportDirectory != null) {
                MutationReportWriter.write(report, reportDirectory);
            }
            return report;
        }
    }

    /** A definition the classes use, how to load it, and the classes that use it. */
    private record Target(String parameter, StepFunctionsConfig config, Class<?> anchor, List<Class<?>> classes) {
    }

    private MutationReport run() {
        long started = System.nanoTime();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (Class<?> c : testClasses) {
            for (StepFunctionsConfig config : StepFunctionExtension.configurations(c)) {
                String parameter = StepFunctionExtension.mutantParameter(config);
                targets.computeIfAbsent(parameter, p -> new Target(p, config, c, new ArrayList<>()));
                if (!targets.get(parameter).classes().contains(c)) {
                    targets.get(parameter).classes().add(c);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("No @StepFunctionTest definition in " + String.join(", ", names(testClasses))
                    + ": mutation testing needs test classes annotated with @StepFunctionTest(definition = \"...\")");
        }
        long baselineStart = System.nanoTime();
        Outcome baseline = execute(testClasses, parameters);
        if (baseline.failedTest() != null) {
            throw new IllegalStateException("The tests fail without any mutant: " + baseline.failedTest() + ": "
                    + baseline.failure() + "\nMutation testing needs a passing suite; fix it first.");
        }
        Duration timeout = mutantTimeout != null ? mutantTimeout
                : Duration.ofNanos(Math.max(Duration.ofSeconds(5).toNanos(), 10 * (System.nanoTime() - baselineStart)));
        long deadline = started + timeBudget.toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aslunit-mutation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<DefinitionMutations> definitions = new ArrayList<>();
            for (Target target : targets.values()) {
                PreparedStateMachine original = PreparedStateMachine.prepare(target.config(), target.anchor());
                Mutator.Mutants mutants = Mutator.mutate(original.json(), original.type(), target.config().definition());
                List<Future<MutantResult>> futures = new ArrayList<>();
                for (Mutant mutant : mutants.mutants()) {
                    futures.add(pool.submit(() -> run(target, mutant, timeout, deadline)));
                }
                List<MutantResult> results = new ArrayList<>();
                for (Future<MutantResult> f : futures) {
                    results.add(get(f));
                }
                definitions.add(new DefinitionMutations(target.parameter().substring(
                        StepFunctionExtension.MUTANT_DEFINITION.length()), names(target.classes()), results,
                        mutants.invalid()));
            }
            return new MutationReport(definitions, System.nanoTime() - started, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private MutantResult run(Target target, Mutant mutant, Duration timeout, long deadline) {
        if (mutant.isEquivalent()) {
            return new MutantResult(mutant, MutantResult.Status.EQUIVALENT, null, null, 0);
        }
        if (System.nanoTime() - deadline > 0) {
            return new MutantResult(mutant, MutantResult.Status.NOT_RUN, null, null, 0);
        }
        long start = System.nanoTime();
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        // its own thread, so that a run that never ends can be left behind (interrupted) and counted
        Map<String, String> withMutant = new LinkedHashMap<>(parameters);
        withMutant.put(target.parameter(), mutant.definition());
        Thread runner = new Thread(() -> outcome.set(execute(target.classes(), withMutant)), "aslunit-mutant");
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long nanos = System.nanoTime() - start;
        if (runner.isAlive() || outcome.get() == null) {
            runner.interrupt();
            return new MutantResult(mutant, MutantResult.Status.TIMED_OUT, "timeout after " + timeout.toMillis() + " ms",
                    null, nanos);
        }
        Outcome o = outcome.get();
        return o.failedTest() == null ? new MutantResult(mutant, MutantResult.Status.SURVIVED, null, null, nanos)
                : new MutantResult(mutant, MutantResult.Status.KILLED, o.failedTest(), o.failure(), nanos);
    }

    /** The first test that failed in a run and its failure's first line; both {@code null} when all passed. */
    private record Outcome(String failedTest, String failure) {
    }

    private static Outcome execute(List<Class<?>> classes, Map<String, String> parameters) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).toList())
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .configurationParameters(parameters)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
        AtomicReference<Outcome> first = new AtomicReference<>(new Outcome(null, null));
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && first.get().failedTest() == null) {
                    String message = result.getThrowable().map(t -> String.valueOf(t.getMessage()).strip()
                            .lines().findFirst().orElse(t.getClass().getName())).orElse(result.getStatus().name());
                    first.set(new Outcome(name(id), message));
                }
            }
        });
        return first.get();
    }

    private static String name(TestIdentifier id) {
        Optional<MethodSource> method = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        return method.map(m -> m.getClassName() + "#" + m.getMethodName()).orElse(id.getDisplayName())
                + (id.getDisplayName().endsWith(")") ? "" : " " + id.getDisplayName());
    }

    private static MutantResult get(Future<MutantResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Mutation testing was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Mutation testing failed: " + e.getCause(), e.getCause());
        }
    }

    private static List<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList();
    }
}
