package dev.aslunit.junit;

import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.mutation.MutationRun;
import dev.aslunit.internal.mutation.MutationRun.Outcome;
import dev.aslunit.internal.mutation.TestFileMutation;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.internal.pipeline.Source;
import dev.aslunit.internal.report.MutationReportWriter;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.mutation.Mutator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
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
 * Mutation testing of workflows: runs tests once per mutant of each definition they use
 * ({@link Mutator}) and reports which mutants the tests kill. The tests are the JUnit Jupiter tests of
 * {@link StepFunctionTest} classes, Cucumber scenarios written with ASLUnit's steps, and test files
 * ({@code aslunit test}'s), alone or together: a definition's mutant is killed when any of them fails.
 *
 * <p>Classes and scenarios run through the JUnit Platform Launcher, one request per mutant, with no
 * launcher session listeners (the coverage report of the run that started them is not touched). A
 * class gets the mutant through the configuration parameter {@link StepFunctionExtension#mutantParameter};
 * a scenario or a test-file case, which has no such channel, where its definition is loaded from its
 * path (the mutant's scope, on the thread that runs it). Which definitions a scenario or a case loads
 * is learnt from the unmutated run, and only those that load a definition run against its mutants.
 * A mutant is killed when a test (or a class's setup) fails, survives when every test passes, and is
 * killed by timeout when its run outlasts {@link Builder#mutantTimeout}; once the
 * {@link Builder#timeBudget} is spent, the mutants not yet decided are reported as not run.
 */
public final class MutationTesting {

    private final List<Class<?>> testClasses;
    private final List<Path> features;
    private final List<Path> testFiles;
    private final int threads;
    private final Duration timeBudget;
    private final Duration mutantTimeout;
    private final Map<String, String> parameters;

    private MutationTesting(Builder b) {
        this.parameters = Map.copyOf(b.parameters);
        this.testClasses = List.copyOf(b.testClasses);
        this.features = List.copyOf(b.features);
        this.testFiles = List.copyOf(b.testFiles);
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

    /**
     * Mutation testing of the Cucumber scenarios of these feature files or directories (from the
     * working directory), run by Cucumber's JUnit Platform engine with ASLUnit's steps as glue.
     */
    public static Builder ofFeatures(Path... featureFilesOrDirectories) {
        return new Builder().features(featureFilesOrDirectories);
    }

    /** Mutation testing of the cases of these test files, or of every test file under these directories. */
    public static Builder ofTestFiles(Path... testFilesOrDirectories) {
        return new Builder().testFiles(testFilesOrDirectories);
    }

    /** Configures a run. */
    public static final class Builder {
        private final List<Class<?>> testClasses = new ArrayList<>();
        private final List<Path> features = new ArrayList<>();
        private final List<Path> testFiles = new ArrayList<>();
        private int threads = MutationRun.Options.defaultThreads();
        private Duration timeBudget = Duration.ofMinutes(5);
        private Duration mutantTimeout;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private Path reportDirectory;

        private Builder() {
        }

        /** Also the Cucumber scenarios of these feature files or directories (see {@link #ofFeatures}). */
        public Builder features(Path... featureFilesOrDirectories) {
            features.addAll(List.of(featureFilesOrDirectories));
            return this;
        }

        /** Also the cases of these test files or directories (see {@link #ofTestFiles}). */
        public Builder testFiles(Path... testFilesOrDirectories) {
            testFiles.addAll(List.of(testFilesOrDirectories));
            return this;
        }

        /**
         * A JUnit configuration parameter for every run of the classes and scenarios (the unmutated
         * one and each mutant's); for Cucumber, e.g. {@code cucumber.glue} when scenarios use glue of
         * their own besides {@code dev.aslunit.cucumber} (name both).
         */
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

        /**
         * No mutant starts after this much wall time, and one still running then is stopped and reported
         * as not run; by default 5 minutes.
         */
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
    private record ClassTarget(String parameter, StepFunctionsConfig config, Class<?> anchor, List<Class<?>> classes) {
    }

    private MutationReport run() {
        MutationRun.Options options = new MutationRun.Options(threads, timeBudget, mutantTimeout);
        return MutationRun.run(options, () -> {
            List<MutationRun.Target> targets = new ArrayList<>(classTargets());
            targets.addAll(featureTargets());
            if (!testFiles.isEmpty()) {
                targets.addAll(TestFileMutation.targets(testFiles));
            }
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("No definition to mutate in " + String.join(", ", sources())
                        + ": mutation testing needs @StepFunctionTest(definition = \"...\") classes, Cucumber"
                        + " scenarios that load a state machine, or test files");
            }
            return targets;
        });
    }

    private List<String> sources() {
        List<String> all = new ArrayList<>(names(testClasses));
        features.forEach(f -> all.add(f.toString()));
        testFiles.forEach(f -> all.add(f.toString()));
        return all;
    }

    /** The definitions the classes' annotations name, after one unmutated run of the classes. */
    private List<MutationRun.Target> classTargets() {
        if (testClasses.isEmpty()) {
            return List.of();
        }
        Map<String, ClassTarget> targets = new LinkedHashMap<>();
        for (Class<?> c : testClasses) {
            for (StepFunctionsConfig config : StepFunctionExtension.configurations(c)) {
                String parameter = StepFunctionExtension.mutantParameter(config);
                targets.computeIfAbsent(parameter, p -> new ClassTarget(p, config, c, new ArrayList<>()));
                if (!targets.get(parameter).classes().contains(c)) {
                    targets.get(parameter).classes().add(c);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("No @StepFunctionTest definition in " + String.join(", ", names(testClasses))
                    + ": mutation testing needs test classes annotated with @StepFunctionTest(definition = \"...\")");
        }
        Outcome baseline = execute(classSelectors(testClasses), JUPITER, parameters, null);
        if (!baseline.passed()) {
            throw new IllegalStateException("The tests fail without any mutant: " + baseline.failedTest() + ": "
                    + baseline.failure() + "\nMutation testing needs a passing suite; fix it first.");
        }
        List<MutationRun.Target> result = new ArrayList<>();
        for (ClassTarget target : targets.values()) {
            PreparedStateMachine original = PreparedStateMachine.prepare(target.config(), target.anchor());
            List<DiscoverySelector> selectors = classSelectors(target.classes());
            String name = target.parameter().substring(StepFunctionExtension.MUTANT_DEFINITION.length());
            result.add(new MutationRun.Target(name, identity(target.config(), target.anchor()), names(target.classes()),
                    original.json(), original.type(), (mutant, scope) -> {
                        Map<String, String> withMutant = new LinkedHashMap<>(parameters);
                        withMutant.put(target.parameter(), mutant);
                        return execute(selectors, JUPITER, withMutant, scope);
                    }));
        }
        return result;
    }

    /** The definition's identity, so that scenarios and test files that load the same file share its mutants. */
    private static String identity(StepFunctionsConfig config, Class<?> anchor) {
        return MutantScope.identity(Source.find(config.definition(), "state machine definition", anchor,
                anchor.getClassLoader()).found(), config.logicalId());
    }

    private static List<DiscoverySelector> classSelectors(List<Class<?>> classes) {
        return classes.stream().<DiscoverySelector>map(DiscoverySelectors::selectClass).toList();
    }

    /** Scenarios that load one definition, as the first of them asked for it. */
    private record Scenarios(MutantScope.Load load, List<TestIdentifier> scenarios, List<String> features) {
    }

    /**
     * The definitions the scenarios load, each with the scenarios that load it: learnt from one
     * unmutated run of every scenario, in which each load is heard while its scenario runs.
     */
    private List<MutationRun.Target> featureTargets() {
        if (features.isEmpty()) {
            return List.of();
        }
        try {
            Class.forName("io.cucumber.junit.platform.engine.CucumberTestEngine", false, MutationTesting.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Mutation testing of Cucumber features runs them with Cucumber's JUnit"
                    + " Platform engine, which is not on the classpath: add io.cucumber:cucumber-junit-platform-engine"
                    + " and io.cucumber:cucumber-java (test scope), as docs/cucumber.md sets them up", e);
        }
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Path f : features) {
            if (Files.isDirectory(f)) {
                selectors.add(DiscoverySelectors.selectDirectory(f.toFile()));
            } else if (Files.isRegularFile(f)) {
                selectors.add(DiscoverySelectors.selectFile(f.toFile()));
            } else {
                throw new IllegalArgumentException("No feature file or directory " + f.toAbsolutePath().normalize()
                        + ": give a .feature file or a directory of them, from the working directory");
            }
        }
        Map<String, Scenarios> used = new LinkedHashMap<>();
        AtomicReference<TestIdentifier> running = new AtomicReference<>();
        MutantScope recording = MutantScope.recording(load -> {
            Scenarios s = used.computeIfAbsent(load.identity(), k -> new Scenarios(load, new ArrayList<>(), new ArrayList<>()));
            TestIdentifier scenario = running.get();
            if (scenario != null && !s.scenarios().contains(scenario)) {
                s.scenarios().add(scenario);
                String feature = feature(scenario);
                if (!s.features().contains(feature)) {
                    s.features().add(feature);
                }
            }
        });
        Outcome baseline = recording.run(() -> execute(selectors, CUCUMBER, cucumberParameters(), null, running));
        if (!baseline.passed()) {
            throw new IllegalStateException("The features fail without any mutant: " + baseline.failedTest() + ": "
                    + baseline.failure() + "\nMutation testing needs a passing suite; fix it first.");
        }
        List<MutationRun.Target> result = new ArrayList<>();
        for (Map.Entry<String, Scenarios> e : used.entrySet()) {
            StepFunctionsConfig config = e.getValue().load().config();
            PreparedStateMachine original = PreparedStateMachine.prepare(config, e.getValue().load().anchor());
            List<DiscoverySelector> scenarios = e.getValue().scenarios().stream()
                    .<DiscoverySelector>map(id -> DiscoverySelectors.selectUniqueId(id.getUniqueIdObject())).toList();
            result.add(new MutationRun.Target(MutationRun.name(config), e.getKey(), e.getValue().features(), original.json(), original.type(),
                    (mutant, scope) -> execute(scenarios, CUCUMBER, cucumberParameters(), scope)));
        }
        return result;
    }

    /**
     * Cucumber reads no junit-platform.properties here (its plugins would write their reports once per
     * mutant): the glue is ASLUnit's unless {@link Builder#configurationParameter} names it, and the
     * scenarios run one after the other on the mutant's thread, inside its scope.
     */
    private Map<String, String> cucumberParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("cucumber.glue", "dev.aslunit.cucumber");
        p.put("cucumber.publish.quiet", "true");
        p.putAll(parameters);
        p.put("cucumber.execution.parallel.enabled", "false");
        return p;
    }

    /** The feature file of a scenario, as the report names it. */
    private static String feature(TestIdentifier scenario) {
        return scenario.getSource().map(MutationTesting::where).orElse(scenario.getDisplayName()).replaceAll(":\\d+$", "");
    }

    private static final String JUPITER = "junit-jupiter";
    private static final String CUCUMBER = "cucumber";

    private static Outcome execute(List<DiscoverySelector> selectors, String engine, Map<String, String> parameters,
            MutantScope scope) {
        return execute(selectors, engine, parameters, scope, new AtomicReference<>());
    }

    /**
     * One launcher request. At the first failure the scope is stopped: the mutant is killed, and every
     * test left ends at its first action. {@code running} follows the test in progress.
     */
    private static Outcome execute(List<DiscoverySelector> selectors, String engine, Map<String, String> parameters,
            MutantScope scope, AtomicReference<TestIdentifier> running) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines(engine))
                .enableImplicitConfigurationParameters(!engine.equals(CUCUMBER))
                .configurationParameters(parameters)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = IDLE_LAUNCHERS.poll();
        if (launcher == null) {
            launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .build());
        }
        AtomicReference<Outcome> first = new AtomicReference<>(Outcome.PASSED);
        try {
            execute(launcher, request, scope, running, first);
        } finally {
            IDLE_LAUNCHERS.offer(launcher);
        }
        return first.get();
    }

    /**
     * Launchers no request is using. Making one finds and loads the test engines; a launcher is
     * used by one request at a time, so each thread running mutants takes one and gives it back.
     */
    private static final Queue<Launcher> IDLE_LAUNCHERS = new ConcurrentLinkedQueue<>();

    private static void execute(Launcher launcher, LauncherDiscoveryRequest request, MutantScope scope,
            AtomicReference<TestIdentifier> running, AtomicReference<Outcome> first) {
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    running.set(id);
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                running.set(null);
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && first.get().passed()) {
                    String message = result.getThrowable().map(t -> MutationRun.firstLine(t.getMessage(),
                            t.getClass().getName())).orElse(result.getStatus().name());
                    first.set(new Outcome(name(id), message));
                    if (scope != null) {
                        scope.stop();
                    }
                }
            }
        });
    }

    private static String name(TestIdentifier id) {
        Optional<MethodSource> method = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
        if (method.isEmpty() && id.getSource().isPresent()) {
            return where(id.getSource().get()) + " " + id.getDisplayName();
        }
        return method.map(m -> m.getClassName() + "#" + m.getMethodName()).orElse(id.getDisplayName())
                + (id.getDisplayName().endsWith(")") ? "" : " " + id.getDisplayName());
    }

    /** A scenario's place: its feature file (from the working directory when under it) and line. */
    private static String where(TestSource source) {
        if (source instanceof FileSource file) {
            Path cwd = Path.of("").toAbsolutePath();
            Path path = file.getFile().toPath().toAbsolutePath().normalize();
            return (path.startsWith(cwd) ? cwd.relativize(path) : path).toString().replace('\\', '/')
                    + file.getPosition().map(p -> ":" + p.getLine()).orElse("");
        }
        if (source instanceof ClasspathResourceSource resource) {
            return "classpath:" + resource.getClasspathResourceName()
                    + resource.getPosition().map(p -> ":" + p.getLine()).orElse("");
        }
        return source.toString();
    }

    private static List<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList();
    }
}
