package dev.aslunit.junit;

import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.VirtualClock;
import dev.aslunit.assertions.StepFunctionSoftAssertions;
import dev.aslunit.StateMachineType;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.internal.pipeline.AwsParameters;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.internal.pipeline.Sandboxes;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ExecutionPicture;
import dev.aslunit.internal.report.ReportWriter;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit Jupiter extension behind {@link StepFunctionTest}; register it yourself with
 * {@code @RegisterExtension} and {@link #newInstance()} to configure it in code.
 *
 * <p>State lives only in JUnit's stores: compiled definitions in the root store (once per JVM, keyed
 * by the definition and mock file found, substitutions and type), each test's sandbox in its method's store.
 * Nothing stored needs closing. Uses only API common to JUnit 5 and 6.
 */
public class StepFunctionExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StepFunctionExtension.class);
    private static final ExtensionContext.Namespace COVERAGE =
            ExtensionContext.Namespace.create((Object[]) CoverageSessionListener.NAMESPACE);
    private static final String SANDBOX = "sandbox";
    private static final String SOFTLY = "softly";
    private static final String PICTURES_DRAWN = "picturesDrawn";
    /** JUnit configuration parameters: the endpoint and region of passed-through Tasks for the whole run (docs/hybrid.md). */
    static final String AWS_ENDPOINT = AwsParameters.ENDPOINT;
    static final String AWS_REGION = AwsParameters.REGION;

    /** The prefix of the configuration parameter that gives a mutant's text: see {@link #mutantParameter}. */
    public static final String MUTANT_DEFINITION = "aslunit.mutation.definition.";

    private final StepFunctionsConfig base;

    /** For {@link StepFunctionTest} and {@code @ExtendWith}: all configuration comes from annotations. */
    public StepFunctionExtension() {
        this(null);
    }

    private StepFunctionExtension(StepFunctionsConfig base) {
        this.base = base;
    }

    /** A builder for {@code @RegisterExtension}; {@link StepFunctionTest} annotations still override it. */
    public static Builder newInstance() {
        return new Builder();
    }

    @Override
    public final void beforeAll(ExtensionContext context) {
        configFor(context).ifPresent(config -> prepared(context, config));
    }

    @Override
    public final void beforeEach(ExtensionContext context) {
        StateMachineUnderTest sfn = sandbox(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance, sfn);
        }
    }

    @Override
    public final void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        recordCoverage(context, store.get(SANDBOX, StateMachineUnderTest.class));
        StepFunctionSoftAssertions softly = store.get(SOFTLY, StepFunctionSoftAssertions.class);
        StateMachineUnderTest sfn = store.get(SANDBOX, StateMachineUnderTest.class);
        if (softly != null && context.getExecutionException().isEmpty()) {
            try {
                softly.assertAll();
            } catch (AssertionError failure) {
                throw withPictures(context, sfn, failure);
            }
        }
        if (sfn != null && context.getExecutionException().isPresent()) {
            // failed outside the test method (AssertJ's SoftAssertionsExtension, say): draw its pictures all the same
            if (store.get(PICTURES_DRAWN) == null) {
                context.publishReportEntry("aslunit.pictures", pictures(context, sfn).strip());
            }
            return;
        }
        if (sfn == null) {
            return;
        }
        List<TaskMock> unused = sfn.unusedMocks();
        if (!unused.isEmpty()) {
            String list = unused.stream().map(m -> m + (m.declaredAt() == null ? "" : " (" + m.declaredAt() + ")"))
                    .collect(Collectors.joining(", "));
            if (sfn.config().strictMocks()) {
                throw new AssertionError("Mocks that no Task call reached (strictMocks): " + list
                        + "\nRemove them, or check that the execution takes the path they were declared for.");
            }
            context.publishReportEntry("aslunit.unusedMocks", list);
        }
        VerifyMode.afterTest(context, sfn, prepared(context, sfn.config()), reportDirectory(context));
    }

    /**
     * A failing test's message names the picture of each of its executions (the graph with the
     * path taken), drawn now, in a folder of this test's own under the report directory the JUnit
     * configuration names ({@value CoverageSessionListener#REPORT_DIR}), so the failure can be seen,
     * not only read. The assertions' messages only describe; drawing is the runner's job.
     */
    @Override
    public final void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        StateMachineUnderTest sfn = context.getStore(NAMESPACE).get(SANDBOX, StateMachineUnderTest.class);
        if (!(failure instanceof AssertionError)) {
            throw failure;
        }
        throw withPictures(context, sfn, (AssertionError) failure);
    }

    private static AssertionError withPictures(ExtensionContext context, StateMachineUnderTest sfn, AssertionError failure) {
        if (sfn == null || sfn.executions().isEmpty()) {
            return failure;
        }
        String message = failure.getMessage() + "\n" + pictures(context, sfn);
        AssertionError named = failure instanceof AssertionFailedError
                ? new AssertionFailedError(message, ((AssertionFailedError) failure).getExpected(),
                        ((AssertionFailedError) failure).getActual(), failure.getCause())
                : new AssertionError(message, failure.getCause());
        named.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            named.addSuppressed(suppressed);
        }
        return named;
    }

    /**
     * Draws each execution of the test once; a picture that cannot be written must not hide the
     * failure. None in a mutation run: a test a mutant fails is a kill to count, not a failure to
     * look at, and drawing its executions (thousands, for a test stopped in a loop) would keep the
     * mutant's thread busy long after its time is up.
     */
    private static String pictures(ExtensionContext context, StateMachineUnderTest sfn) {
        if (MutantScope.current().isPresent()) {
            return "";
        }
        context.getStore(NAMESPACE).put(PICTURES_DRAWN, Boolean.TRUE);
        summary(context).ifPresent(s -> s.pictures(context.getUniqueId(),
                sfn.executions().stream().map(ExecutionPicture::mermaid).toList()));
        StringBuilder pictures = new StringBuilder();
        String test = testFolder(context);
        for (Execution e : sfn.executions()) {
            try {
                pictures.append("\nPicture of execution \"").append(e.name()).append("\": ")
                        .append(ExecutionPicture.write(e, reportDirectory(context), test).toAbsolutePath());
            } catch (RuntimeException unwritable) {
                pictures.append("\n(No picture of execution \"").append(e.name()).append("\": ")
                        .append(unwritable.getMessage()).append(')');
            }
        }
        return pictures.toString();
    }

    /** {@code OrderTest.pays}, and {@code OrderTest.pays[2]} for the second invocation of a template. */
    static String testFolder(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        String id = context.getUniqueId();
        int invocation = id.lastIndexOf("-invocation:#");
        return invocation < 0 ? name : name + "[" + id.substring(invocation + "-invocation:#".length(), id.length() - 1) + "]";
    }

    private static Path reportDirectory(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(CoverageSessionListener.REPORT_DIR)
                .orElse(ReportWriter.DEFAULT_DIRECTORY));
    }

    /**
     * Hands the test's executions, passed or failed, to the coverage collector of the launcher session
     * running it ({@link CoverageSessionListener}); JUnit before 5.13 has no session store, so there
     * the run's active collector takes them.
     */
    private static void recordCoverage(ExtensionContext context, StateMachineUnderTest sfn) {
        if (sfn == null) {
            return;
        }
        collector(context).ifPresent(c -> c.recordTest(sfn));
    }

    /** The session's run summary, on JUnit 5.13+ (older JUnit has no session store: no summary there). */
    private static Optional<RunSummary> summary(ExtensionContext context) {
        try {
            return Optional.ofNullable(context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, COVERAGE)
                    .get(CoverageSessionListener.SUMMARY_KEY, RunSummary.class));
        } catch (LinkageError olderJUnit) {
            return Optional.empty();
        }
    }

    private static Optional<CoverageCollector> collector(ExtensionContext context) {
        try {
            return Optional.ofNullable(context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION,
                    COVERAGE).get(CoverageSessionListener.COLLECTOR, CoverageCollector.class));
        } catch (LinkageError olderJUnit) {
            return CoverageCollector.active();
        }
    }

    @Override
    public final boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == StateMachineUnderTest.class || type == VirtualClock.class
                || type == StepFunctionSoftAssertions.class;
    }

    @Override
    public final Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException(type.getSimpleName() + " belongs to one test: take it as a"
                    + " parameter of a @Test or @BeforeEach method, not of " + parameterContext.getDeclaringExecutable());
        }
        if (type == StepFunctionSoftAssertions.class) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(SOFTLY, k -> new StepFunctionSoftAssertions(),
                    StepFunctionSoftAssertions.class);
        }
        StateMachineUnderTest sfn = sandbox(context);
        return type == VirtualClock.class ? sfn.clock() : sfn;
    }

    private StateMachineUnderTest sandbox(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(SANDBOX, k -> {
            StepFunctionsConfig config = configFor(context).orElseThrow(() -> new ExtensionConfigurationException(
                    "No state machine definition for " + context.getDisplayName() + ": give one with"
                            + " @StepFunctionTest(definition = \"order-processing.asl.json\")"));
            StateMachineUnderTest sfn = prepared(context, config).newTest(config);
            // the children of a Distributed Map count as they end, and are not kept unless the test asks
            collector(context).ifPresent(c -> Sandboxes.onChildExecutionEnd(sfn, c));
            return sfn;
        }, StateMachineUnderTest.class);
    }

    /**
     * Compiled once per JVM: the root store outlives every class. In a mutation test run, the
     * configuration parameter {@link #MUTANT_DEFINITION}{@code <definition>} of the launcher request
     * holds the mutant's text, which replaces the definition's for that request only (each request
     * has its own root store, so runs of different mutants in parallel share nothing).
     */
    private static PreparedStateMachine prepared(ExtensionContext context, StepFunctionsConfig config) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        String mutant = context.getConfigurationParameter(mutantParameter(config)).orElse(null);
        return PreparedStateMachine.prepare(config, context.getRequiredTestClass(), mutant,
                (key, prepare) -> store.getOrComputeIfAbsent(key, k -> prepare.get(), PreparedStateMachine.class));
    }

    /**
     * The configuration parameter that replaces a definition by a mutant's text: {@value #MUTANT_DEFINITION}
     * followed by the definition as the annotation names it, and {@code #logicalId} when it has one.
     */
    public static String mutantParameter(StepFunctionsConfig config) {
        return MUTANT_DEFINITION + config.definition() + (config.logicalId() == null ? "" : "#" + config.logicalId());
    }

    private static void inject(Object instance, StateMachineUnderTest sfn) {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                Object value = field.getType() == StateMachineUnderTest.class ? sfn
                        : field.getType() == VirtualClock.class ? sfn.clock() : null;
                if (value != null) {
                    try {
                        field.setAccessible(true);
                        field.set(instance, value);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new ExtensionConfigurationException("Cannot inject " + field.getType().getSimpleName()
                                + " into " + field + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /** The configuration from outermost to innermost: the builder's, enclosing classes, the class, the method. */
    private Optional<StepFunctionsConfig> configFor(ExtensionContext context) {
        return configFor(context.getRequiredTestClass(), context.getTestMethod().orElse(null), context);
    }

    /**
     * Every configuration the annotations of a test class give (the class, its methods and its
     * {@code @Nested} classes), for mutation testing; one given in code with
     * {@code @RegisterExtension} is not seen.
     */
    static List<StepFunctionsConfig> configurations(Class<?> testClass) {
        List<StepFunctionsConfig> out = new ArrayList<>();
        StepFunctionExtension annotationsOnly = new StepFunctionExtension();
        List<AnnotatedElement> places = new ArrayList<>(List.of(testClass));
        for (Method m : testClass.getDeclaredMethods()) {
            if (AnnotationSupport.isAnnotated(m, StepFunctionTest.class)) {
                places.add(m);
            }
        }
        for (AnnotatedElement place : places) {
            annotationsOnly.configFor(testClass, place instanceof Method ? (Method) place
                    : null, null).filter(c -> !out.contains(c)).ifPresent(out::add);
        }
        for (Class<?> inner : testClass.getDeclaredClasses()) {
            if (!Modifier.isStatic(inner.getModifiers())) {
                configurations(inner).stream().filter(c -> !out.contains(c)).forEach(out::add);
            }
        }
        return out;
    }

    /** @param context the test's, for the run's configuration parameters; {@code null} where there is none yet */
    private Optional<StepFunctionsConfig> configFor(Class<?> testClass, Method testMethod, ExtensionContext context) {
        List<AnnotatedElement> elements = new ArrayList<>();
        if (testMethod != null) {
            elements.add(testMethod);
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            elements.add(c);
        }
        StepFunctionsConfig.Builder builder = base != null ? base.toBuilder() : StepFunctionsConfig.newBuilder();
        boolean found = base != null;
        if (context != null) {
            awsParameters(context, builder);
        }
        for (int i = elements.size() - 1; i >= 0; i--) {
            Optional<StepFunctionTest> annotation = AnnotationSupport.findAnnotation(elements.get(i), StepFunctionTest.class);
            if (annotation.isPresent()) {
                apply(annotation.get(), builder, elements.get(i));
                found = true;
            }
        }
        if (!found) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** The run's endpoint and region, under what the extension's builder and the annotations say. */
    private void awsParameters(ExtensionContext context, StepFunctionsConfig.Builder b) {
        if (base == null || base.awsEndpoint() == null) {
            context.getConfigurationParameter(AWS_ENDPOINT).filter(v -> !v.isBlank())
                    .ifPresent(v -> b.awsEndpoint(endpoint(v, "the configuration parameter " + AWS_ENDPOINT)));
        }
        if (base == null || base.awsRegion() == null) {
            context.getConfigurationParameter(AWS_REGION).ifPresent(b::awsRegion);
        }
    }

    private static URI endpoint(String text, String where) {
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below with the fix
        }
        throw new ExtensionConfigurationException("The AWS endpoint \"" + text + "\" in " + where
                + " is not a URL with a scheme and a host, e.g. http://localhost:4566");
    }

    private static void apply(StepFunctionTest a, StepFunctionsConfig.Builder b, AnnotatedElement where) {
        if (!a.definition().isEmpty()) {
            b.definition(a.definition());
        }
        if (!a.logicalId().isEmpty()) {
            b.logicalId(a.logicalId());
        }
        if (!a.cdkOut().isEmpty()) {
            b.definition(a.cdkOut());
        }
        if (!a.stateMachine().isEmpty()) {
            b.logicalId(a.stateMachine());
        }
        for (String s : a.substitutions()) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException("Substitution \"" + s + "\" on " + where
                        + " is not Name=value, e.g. substitutions = \"PaymentFunctionArn=arn:aws:lambda:...\"");
            }
            b.substitution(s.substring(0, eq).trim(), s.substring(eq + 1));
        }
        if (a.type() != StepFunctionTest.Type.DEFAULT) {
            b.type(StateMachineType.valueOf(a.type().name()));
        }
        if (!a.startTime().isEmpty()) {
            try {
                b.startTime(Instant.parse(a.startTime()));
            } catch (DateTimeParseException e) {
                throw new ExtensionConfigurationException("startTime \"" + a.startTime() + "\" on " + where
                        + " is not an ISO-8601 instant such as 2026-01-05T09:00:00Z", e);
            }
        }
        if (a.seed() != 0) {
            b.seed(a.seed());
        }
        if (!a.mockConfig().isEmpty()) {
            b.mockConfigFile(a.mockConfig());
        }
        if (!a.testCase().isEmpty()) {
            b.testCase(a.testCase());
        }
        if (a.strictMocks()) {
            b.strictMocks(true);
        }
        if (a.keepChildExecutions()) {
            b.keepChildExecutions(true);
        }
        if (a.allowPlaceholders()) {
            b.allowPlaceholders(true);
        }
        if (!a.awsEndpoint().isEmpty()) {
            b.awsEndpoint(endpoint(a.awsEndpoint(), "awsEndpoint on " + where));
        }
        if (!a.awsRegion().isEmpty()) {
            b.awsRegion(a.awsRegion());
        }
        if (a.passThroughLatency()) {
            b.passThroughLatency(true);
        }
    }

    /** Configures an extension for {@code @RegisterExtension}. */
    public static final class Builder {
        private final StepFunctionsConfig.Builder config = StepFunctionsConfig.newBuilder();

        private Builder() {
        }

        public Builder definition(String classpathResourceOrFile) {
            config.definition(classpathResourceOrFile);
            return this;
        }

        public Builder logicalId(String logicalId) {
            config.logicalId(logicalId);
            return this;
        }

        /** A definition file, from the working directory (a test's {@code Path} works as it is). */
        public Builder definition(Path file) {
            config.definition(file);
            return this;
        }

        public Builder substitution(String name, String value) {
            config.substitution(name, value);
            return this;
        }

        /** Values for {@code ${Name}} placeholders, added to those given before. */
        public Builder substitutions(Map<String, String> values) {
            config.substitutions(values);
            return this;
        }

        /** See {@link StepFunctionTest#allowPlaceholders()}. */
        public Builder allowPlaceholders(boolean allow) {
            config.allowPlaceholders(allow);
            return this;
        }

        public Builder type(StateMachineType type) {
            config.type(type);
            return this;
        }

        public Builder startTime(Instant startTime) {
            config.startTime(startTime);
            return this;
        }

        public Builder seed(long seed) {
            config.seed(seed);
            return this;
        }

        public Builder mockConfig(String classpathResourceOrFile, String testCase) {
            config.mockConfig(classpathResourceOrFile, testCase);
            return this;
        }

        public Builder strictMocks(boolean strict) {
            config.strictMocks(strict);
            return this;
        }

        /** Keeps every Distributed Map child execution, for {@link Execution#childExecutions()}. */
        public Builder keepChildExecutions(boolean keep) {
            config.keepChildExecutions(keep);
            return this;
        }

        /** The endpoint of passed-through Tasks (docs/hybrid.md). */
        public Builder awsEndpoint(URI endpoint) {
            config.awsEndpoint(endpoint);
            return this;
        }

        /** The region of passed-through Tasks (docs/hybrid.md). */
        public Builder awsRegion(String region) {
            config.awsRegion(region);
            return this;
        }

        /** @throws IllegalArgumentException when the configuration is incomplete */
        public StepFunctionExtension build() {
            return new StepFunctionExtension(config.build());
        }
    }
}
