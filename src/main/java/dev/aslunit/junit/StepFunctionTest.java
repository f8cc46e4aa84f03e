package dev.aslunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests a state machine: the definition is loaded, validated and compiled once per JVM, and each
 * test gets its own {@link dev.aslunit.StateMachineUnderTest} (mocks, virtual clock, executions) as
 * a parameter of its {@code @Test} and {@code @BeforeEach} methods, or in a field of that type.
 *
 * <pre>{@code
 * @StepFunctionTest(definition = "order-processing.asl.json", startTime = "2026-01-05T09:00:00Z")
 * class OrderProcessingTest {
 *     @Test
 *     void ships(StateMachineUnderTest sfn) { ... }
 * }
 * }</pre>
 *
 * <p>On a class it applies to every test, also in {@code @Nested} classes and subclasses; on a
 * method (or a nested class) every attribute that is not left at its default overrides the outer one.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StepFunctionExtension.class)
public @interface StepFunctionTest {

    /**
     * The definition: a classpath resource (looked up from the classpath root, then in the test
     * class's package) or a file path from the working directory. ASL as JSON or YAML, or a SAM or
     * CloudFormation template (then say which state machine with {@link #logicalId()}).
     */
    String definition() default "";

    /** The state machine's logical id in a SAM/CloudFormation template. */
    String logicalId() default "";

    /**
     * A CDK app's synthesized {@code cdk.out} directory (a path from the working directory), instead
     * of {@link #definition()}; choose the state machine with {@link #stateMachine()}.
     */
    String cdkOut() default "";

    /**
     * In a CDK app, the state machine's construct path ({@code OrdersStack/OrderFlow}, with or
     * without {@code /Resource}) or logical id; not needed when the app has one state machine.
     */
    String stateMachine() default "";

    /** {@code ${Name}} substitutions as {@code "Name=value"}. */
    String[] substitutions() default {};

    /** STANDARD or EXPRESS; by default the template's type, else STANDARD. */
    Type type() default Type.DEFAULT;

    /** Where the virtual clock starts, as an ISO-8601 instant; by default {@code 2026-01-01T00:00:00Z}. */
    String startTime() default "";

    /** The seed of every random choice (execution names, task tokens, {@code $uuid()}, jitter); by default 0. */
    long seed() default 0;

    /** A Step Functions Local {@code MockConfigFile.json} (classpath resource or file path). */
    String mockConfig() default "";

    /** The mock file's test case, {@code "HappyPath"}, or {@code "StateMachineName#HappyPath"} when it has several. */
    String testCase() default "";

    /** A declared mock that no Task call reached fails a test that otherwise passed. */
    boolean strictMocks() default false;

    /**
     * Keeps every child execution a Distributed Map starts, for {@code Execution.childExecutions()};
     * by default they are not kept (workflow coverage counts them as they end, so a Map over a
     * million items does not hold them all in memory).
     */
    boolean keepChildExecutions() default false;

    /**
     * Leaves {@code ${Name}} placeholders that {@link #substitutions()} gives no value in the definition
     * as opaque text instead of refusing it (a Task whose {@code Resource} is one runs when a mock
     * answers it), as {@code aslunit validate --allow-placeholders} does.
     */
    boolean allowPlaceholders() default false;

    /**
     * The endpoint of every Task the test passes through ({@code sfn.passThrough("ChargeCard")}):
     * LocalStack's {@code http://localhost:4566}, a stub server; by default AWS's own endpoints, or the
     * run's configuration parameter {@code aslunit.aws.endpoint}. See docs/hybrid.md.
     */
    String awsEndpoint() default "";

    /** The region of passed-through Tasks; by default the configuration parameter {@code aslunit.aws.region}, else the AWS SDK's region chain. */
    String awsRegion() default "";

    /** A passed-through call's real duration passes on the virtual clock (by default it takes no virtual time). */
    boolean passThroughLatency() default false;

    /** The state machine type, with a default that defers to the template. */
    enum Type { DEFAULT, STANDARD, EXPRESS }
}
