package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.cdk.CdkResource;
import dev.aslunit.internal.definition.load.cdk.CdkStateMachine;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.pipeline.DefinitionPipeline;
import dev.aslunit.internal.pipeline.MockFileCase;
import dev.aslunit.internal.pipeline.MutantScope;
import dev.aslunit.internal.pipeline.Source;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A definition loaded, validated and compiled once by the definition pipeline, with its Step
 * Functions Local mock file read and checked: immutable and shared by every test that uses the same
 * definition. Each test gets its own {@link StateMachineUnderTest} from {@link #newTest()}.
 */
public final class PreparedStateMachine {

    private final StepFunctionsConfig config;
    private final LoadedDefinition loaded;
    private final CompiledStateMachine compiled;
    private final MockFileCase mockFile;
    private final CdkStateMachine cdk;

    /** How a test gives a placeholder its value (the CLI's own words are the loader's default). */
    private static final String PLACEHOLDER_HINT = "@StepFunctionTest(substitutions = \"%1$s=VALUE\") or"
            + " StepFunctionsConfig.Builder#substitution(\"%1$s\", VALUE); in Cucumber, Given the substitutions:"
            + " | %1$s | VALUE |; or let placeholders stay opaque with allowPlaceholders = true";

    private PreparedStateMachine(StepFunctionsConfig config, LoadedDefinition loaded, CompiledStateMachine compiled,
            MockFileCase mockFile, CdkStateMachine cdk) {
        this.cdk = cdk;
        this.config = config;
        this.loaded = loaded;
        this.compiled = compiled;
        this.mockFile = mockFile;
    }

    /**
     * Finds, loads, validates and compiles the definition. A name is looked up on the classpath root,
     * then in {@code anchor}'s package (when given), then as a file from the working directory.
     *
     * @throws IllegalArgumentException when the definition or mock file cannot be found, listing where it looked
     * @throws dev.aslunit.internal.definition.load.InvalidDefinitionException listing every problem of an invalid definition
     */
    public static PreparedStateMachine prepare(StepFunctionsConfig config, Class<?> anchor) {
        return prepare(config, anchor, (key, prepare) -> prepare.get());
    }

    /**
     * {@link #prepare(StepFunctionsConfig, Class)} through a cache: {@code cache} is given a key and
     * the work that prepares the machine when it holds nothing under that key. The key is what the
     * lookup found (the definition's and the mock file's resource or file) with everything else that
     * makes the compiled machine differ, so test classes of different packages that find the same
     * files share one prepared machine.
     */
    public static PreparedStateMachine prepare(StepFunctionsConfig config, Class<?> anchor,
            BiFunction<Object, Supplier<PreparedStateMachine>, PreparedStateMachine> cache) {
        return prepare(config, anchor, null, cache);
    }

    /**
     * As {@link #prepare(StepFunctionsConfig, Class, BiFunction)}, with the definition's ASL replaced
     * by {@code replacement} (a mutant, in mutation testing): the type, CDK resources, mock file and
     * name stay the original's, and the source is named {@code <definition>.mutant}, so pictures
     * of its failing executions do not overwrite the original's. {@code null} loads the original.
     */
    public static PreparedStateMachine prepare(StepFunctionsConfig config, Class<?> anchor, String replacement,
            BiFunction<Object, Supplier<PreparedStateMachine>, PreparedStateMachine> cache) {
        ClassLoader classLoader = anchor != null ? anchor.getClassLoader()
                : Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : PreparedStateMachine.class.getClassLoader();
        Source definition = Source.find(config.definition(), "state machine definition", anchor, classLoader).require();
        // a missing mock file is reported after the definition's own problems, as it always was
        Source mocks = config.mockConfig() == null ? null
                : Source.find(config.mockConfig(), "mock config file", anchor, classLoader);
        String name = config.logicalId() != null ? config.logicalId() : baseName(config.definition());
        // in a mutation test run, the Cucumber glue and the test-file runner get their mutant here
        String identity = MutantScope.identity(definition.found(), config.logicalId());
        String scoped = MutantScope.current().map(scope -> scope.loaded(identity, config, anchor)).orElse(null);
        String text = replacement != null ? replacement : scoped;
        Key key = new Key(definition.found(), mocks == null ? null : mocks.found(), name, config.logicalId(),
                config.substitutions(), config.type(), config.testCase(), config.region(), config.accountId(),
                config.awsEnvironmentChosen(), config.allowPlaceholders(), text);
        return cache.apply(key, () -> prepare(config, classLoader, definition, mocks, name, text));
    }

    /** What makes two prepared machines the same: the files found, not the names asked for (and a mutant's text). */
    private record Key(String definition, String mockConfig, String name, String logicalId,
            Map<String, String> substitutions, StateMachineType type, String testCase, String region, String accountId,
            boolean awsEnvironmentChosen, boolean allowPlaceholders, String mutant) {
    }

    private static PreparedStateMachine prepare(StepFunctionsConfig config, ClassLoader classLoader, Source definition,
            Source mocks, String name, String replacement) {
        DefinitionLoader loader = definition.loader(classLoader).substitutions(config.substitutions())
                .placeholderHint(PLACEHOLDER_HINT);
        if (config.allowPlaceholders()) {
            loader = loader.allowOpaquePlaceholders();
        }
        if (config.awsEnvironmentChosen()) {
            loader = loader.awsEnvironment(config.region(), config.accountId());
        }
        if (config.logicalId() != null) {
            loader = loader.stateMachine(config.logicalId());
        }
        if (config.type() != null) {
            loader = loader.type(config.type());
        }
        Compilation compilation;
        CdkStateMachine cdk;
        if (replacement == null) {
            compilation = DefinitionPipeline.compile(loader, name);
            cdk = compilation.loaded().cdkStateMachine();
        } else {
            // a mutant replaces the definition's text for one suite run: the original must be valid, but is
            // not compiled (a mutation test run prepares hundreds of mutants)
            LoadedDefinition original = loader.load();
            if (!original.isValid()) {
                DefinitionPipeline.compile(loader, name).require();
            }
            cdk = original.cdkStateMachine();
            compilation = DefinitionPipeline.compile(DefinitionLoader.fromString(replacement)
                    .named(definition.name() + ".mutant").type(original.type()), name);
        }
        CompiledStateMachine compiled = compilation.require();
        MockFileCase mockFile = mocks == null ? null
                : MockFileCase.read(mocks, config.testCase(), name, compiled.definition());
        return new PreparedStateMachine(config, compilation.loaded(), compiled, mockFile, cdk);
    }

    public StepFunctionsConfig config() {
        return config;
    }

    StateMachineDefinition definition() {
        return compiled.definition();
    }

    /** The definition as ASL JSON text. */
    String definitionJson() {
        return loaded.json().toString();
    }

    /** Where the definition came from, for messages (e.g. {@code order-processing.asl.json}). */
    public String source() {
        return loaded.source();
    }

    /** STANDARD or EXPRESS, as configured or as the template declares it. */
    public StateMachineType type() {
        return loaded.type();
    }

    /** The definition's ASL as JSON, after {@code ${...}} substitutions: what was validated and compiled. */
    public JsonNode json() {
        return loaded.json();
    }

    CompiledStateMachine compiled() {
        return compiled;
    }

    /** The Step Functions Local test case's handler, or {@code null} without a mock file. */
    dev.aslunit.internal.engine.TaskHandler mockConfigHandler() {
        return mockFile == null ? null : mockFile.answers(definition());
    }

    /**
     * A resource as a mock selects it: in a CDK app, the construct path of a Lambda function, queue,
     * table... ({@code OrdersStack/ChargeCard}) becomes the ARN the definition calls; anything else
     * (an ARN or a glob) is returned as it is.
     */
    String resource(String constructPathOrArn) {
        if (cdk == null) {
            return constructPathOrArn;
        }
        String path = constructPathOrArn.endsWith("/Resource")
                ? constructPathOrArn.substring(0, constructPathOrArn.length() - "/Resource".length()) : constructPathOrArn;
        CdkResource resource = cdk.resourceByConstructPath().get(path);
        if (resource == null) {
            return constructPathOrArn;
        }
        String arn = resource.values().get("Arn");
        return arn != null ? arn : resource.values().getOrDefault("Ref", constructPathOrArn);
    }

    /** A fresh sandbox: its own mocks, clock (at the configured start) and executions. */
    public StateMachineUnderTest newTest() {
        return new StateMachineUnderTest(this, config);
    }

    /**
     * A fresh sandbox that takes its start time, seed and mock strictness from {@code testConfig}
     * (one prepared definition serves tests that differ only in those).
     */
    public StateMachineUnderTest newTest(StepFunctionsConfig testConfig) {
        return new StateMachineUnderTest(this, testConfig);
    }

    private static String baseName(String definition) {
        String file = Path.of(definition).getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
