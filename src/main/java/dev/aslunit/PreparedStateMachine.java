package dev.aslunit;

import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.StateMachineType;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import dev.aslunit.internal.definition.load.cdk.CdkResource;
import dev.aslunit.internal.definition.load.cdk.CdkStateMachine;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A definition loaded, validated and compiled once, with its Step Functions Local mock file read
 * and checked: immutable and shared by every test that uses the same definition. Each test gets its
 * own {@link StateMachineUnderTest} from {@link #newTest()}.
 */
public final class PreparedStateMachine {

    private final StepFunctionsConfig config;
    private final LoadedDefinition loaded;
    private final CompiledStateMachine compiled;
    private final MockConfigFile mockConfig;
    private final String mockStateMachine;
    private final String mockTestCase;
    private final CdkStateMachine cdk;

    private PreparedStateMachine(StepFunctionsConfig config, LoadedDefinition loaded, CompiledStateMachine compiled,
            MockConfigFile mockConfig, String mockStateMachine, String mockTestCase, CdkStateMachine cdk) {
        this.cdk = cdk;
        this.config = config;
        this.loaded = loaded;
        this.compiled = compiled;
        this.mockConfig = mockConfig;
        this.mockStateMachine = mockStateMachine;
        this.mockTestCase = mockTestCase;
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
        ClassLoader classLoader = anchor != null ? anchor.getClassLoader()
                : Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader() : PreparedStateMachine.class.getClassLoader();
        Located definition = locate(config.definition(), "state machine definition", anchor, classLoader).require();
        // a missing mock file is reported after the definition's own problems, as it always was
        Located mocks = config.mockConfig() == null ? null
                : locate(config.mockConfig(), "mock config file", anchor, classLoader);
        String name = config.logicalId() != null ? config.logicalId() : baseName(config.definition());
        Key key = new Key(definition.found(), mocks == null ? null : mocks.found(), name, config.logicalId(),
                config.substitutions(), config.type(), config.testCase());
        return cache.apply(key, () -> prepare(config, classLoader, definition, mocks, name));
    }

    /** What makes two prepared machines the same: the files found, not the names asked for. */
    private record Key(String definition, String mockConfig, String name, String logicalId,
            Map<String, String> substitutions, StateMachineType type, String testCase) {
    }

    private static PreparedStateMachine prepare(StepFunctionsConfig config, ClassLoader classLoader, Located definition,
            Located mocks, String name) {
        DefinitionLoader loader = definition.resource != null
                ? DefinitionLoader.fromClasspath(definition.resource, classLoader)
                // a CDK app's tokens that resolve to nothing stay opaque: a mock answers those tasks anyway
                : CdkApp.isCloudAssembly(definition.file)
                        ? DefinitionLoader.fromCdkApp(definition.file).allowOpaquePlaceholders()
                        : DefinitionLoader.fromFile(definition.file);
        loader = loader.substitutions(config.substitutions());
        if (config.logicalId() != null) {
            loader = loader.stateMachine(config.logicalId());
        }
        if (config.type() != null) {
            loader = loader.type(config.type());
        }
        LoadedDefinition loaded = loader.load();
        StateMachineDefinition model = loaded.requireValid();
        CompiledStateMachine compiled = CompiledStateMachine.compile(model, name);

        MockConfigFile mockConfig = null;
        String mockStateMachine = null;
        String mockTestCase = null;
        if (mocks != null) {
            mocks.require();
            mockConfig = mocks.resource != null ? MockConfigFile.fromClasspath(mocks.resource) : MockConfigFile.parse(mocks.file);
            MockConfigFile.TestCaseName testCase = mockConfig.testCase(config.testCase(), name);
            mockStateMachine = testCase.stateMachine();
            mockTestCase = testCase.testCase();
            mockConfig.handlerFor(mockStateMachine, mockTestCase, model);
        }
        return new PreparedStateMachine(config, loaded, compiled, mockConfig, mockStateMachine, mockTestCase,
                loaded.cdkStateMachine());
    }

    public StepFunctionsConfig config() {
        return config;
    }

    public StateMachineDefinition definition() {
        return compiled.definition();
    }

    /** Where the definition came from, for messages (e.g. {@code order-processing.asl.json}). */
    public String source() {
        return loaded.source();
    }

    /** STANDARD or EXPRESS, as configured or as the template declares it. */
    public StateMachineType type() {
        return loaded.type();
    }

    CompiledStateMachine compiled() {
        return compiled;
    }

    /** The Step Functions Local test case's handler, or {@code null} without a mock file. */
    dev.aslunit.internal.engine.TaskHandler mockConfigHandler() {
        return mockConfig == null ? null : mockConfig.handlerFor(mockStateMachine, mockTestCase, definition());
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

    /** A classpath resource (found at {@code url}) or a file; neither when nothing was found where it looked. */
    private record Located(String name, String what, String resource, URL url, Path file, List<String> searched) {

        /** What was found, the same whichever anchor found it; for nothing, where it looked. */
        String found() {
            return url != null ? url.toString() : file != null ? file.toAbsolutePath().normalize().toString()
                    : "nothing in " + searched;
        }

        Located require() {
            if (resource == null && file == null) {
                throw new IllegalArgumentException("Cannot find the " + what + " \"" + name + "\". Looked in:\n  "
                        + String.join("\n  ", searched)
                        + "\nPut it under src/test/resources, or give a path from the working directory.");
            }
            return this;
        }
    }

    private static Located locate(String name, String what, Class<?> anchor, ClassLoader classLoader) {
        List<String> searched = new ArrayList<>();
        String root = name.startsWith("/") ? name.substring(1) : name;
        searched.add("classpath:" + root);
        URL url = find(classLoader, root);
        if (url != null) {
            return new Located(name, what, root, url, null, searched);
        }
        if (anchor != null && !name.startsWith("/") && anchor.getPackageName().length() > 0) {
            String inPackage = anchor.getPackageName().replace('.', '/') + "/" + name;
            searched.add("classpath:" + inPackage + " (the package of " + anchor.getSimpleName() + ")");
            url = find(classLoader, inPackage);
            if (url != null) {
                return new Located(name, what, inPackage, url, null, searched);
            }
        }
        Path file = Path.of(name);
        searched.add(file.toAbsolutePath().normalize() + " (from the working directory)");
        if (Files.isRegularFile(file) || CdkApp.isCloudAssembly(file)) {
            return new Located(name, what, null, null, file, searched);
        }
        return new Located(name, what, null, null, null, searched);
    }

    private static URL find(ClassLoader classLoader, String resource) {
        return classLoader == null ? ClassLoader.getSystemResource(resource) : classLoader.getResource(resource);
    }
}
