package dev.aslunit;

import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link StateMachineUnderTest} is made of: the definition (a classpath resource or a file;
 * ASL JSON or YAML, a SAM/CloudFormation template with {@code logicalId}, or a CDK app's
 * {@code cdk.out} with the state machine's construct path as {@code logicalId}), its {@code ${...}}
 * substitutions, STANDARD or EXPRESS, where the virtual clock starts, the random seed, an optional
 * Step Functions Local mock file with its test case, whether unused mocks fail a test, and where
 * Tasks passed through to real services go ({@code awsEndpoint}, {@code awsRegion}; docs/hybrid.md).
 * Immutable; built with {@link #newBuilder()} and validated by {@link Builder#build()}.
 */
public final class StepFunctionsConfig {

    /** Where the virtual clock starts unless told otherwise. */
    public static final Instant DEFAULT_START_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private final String definition;
    private final String logicalId;
    private final Map<String, String> substitutions;
    private final StateMachineType type;
    private final Instant startTime;
    private final long seed;
    private final String mockConfig;
    private final String testCase;
    private final boolean strictMocks;
    private final boolean keepChildExecutions;
    private final boolean allowPlaceholders;
    private final String region;
    private final String accountId;
    private final URI awsEndpoint;
    private final String awsRegion;
    private final boolean passThroughLatency;

    private StepFunctionsConfig(Builder b) {
        this.definition = b.definition;
        this.logicalId = b.logicalId;
        this.substitutions = Map.copyOf(b.substitutions);
        this.type = b.type;
        this.startTime = b.startTime;
        this.seed = b.seed;
        this.mockConfig = b.mockConfig;
        this.testCase = b.testCase;
        this.strictMocks = b.strictMocks;
        this.keepChildExecutions = b.keepChildExecutions;
        this.allowPlaceholders = b.allowPlaceholders;
        this.region = b.region;
        this.accountId = b.accountId;
        this.awsEndpoint = b.awsEndpoint;
        this.awsRegion = b.awsRegion;
        this.passThroughLatency = b.passThroughLatency;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.definition = definition;
        b.logicalId = logicalId;
        b.substitutions.putAll(substitutions);
        b.type = type;
        b.startTime = startTime;
        b.seed = seed;
        b.mockConfig = mockConfig;
        b.testCase = testCase;
        b.strictMocks = strictMocks;
        b.keepChildExecutions = keepChildExecutions;
        b.allowPlaceholders = allowPlaceholders;
        b.region = region;
        b.accountId = accountId;
        b.awsEndpoint = awsEndpoint;
        b.awsRegion = awsRegion;
        b.passThroughLatency = passThroughLatency;
        return b;
    }

    /** A classpath resource or a file path. */
    public String definition() {
        return definition;
    }

    /**
     * The state machine's logical id in a SAM/CloudFormation template, or in a CDK app (when
     * {@link #definition()} is its {@code cdk.out}) its construct path or logical id; or {@code null}.
     */
    public String logicalId() {
        return logicalId;
    }

    public Map<String, String> substitutions() {
        return substitutions;
    }

    /** STANDARD or EXPRESS; {@code null} for the template's type, else STANDARD. */
    public StateMachineType type() {
        return type;
    }

    public Instant startTime() {
        return startTime;
    }

    public long seed() {
        return seed;
    }

    /** A Step Functions Local {@code MockConfigFile.json} (classpath resource or file), or {@code null}. */
    public String mockConfig() {
        return mockConfig;
    }

    /** The mock file's test case: {@code "TestCase"} or {@code "StateMachineName#TestCase"}, or {@code null}. */
    public String testCase() {
        return testCase;
    }

    /** Whether a declared mock that no call reached fails a test that otherwise passed. */
    /** Whether {@code ${Name}} placeholders without a value stay in the definition as opaque text. */
    public boolean allowPlaceholders() {
        return allowPlaceholders;
    }

    public boolean strictMocks() {
        return strictMocks;
    }

    /** Whether executions keep their Distributed Maps' child executions ({@link Execution#childExecutions()}). */
    public boolean keepChildExecutions() {
        return keepChildExecutions;
    }

    /** The region in the executions' ARNs and of a CDK app's tokens. */
    public String region() {
        return region != null ? region : DefaultAwsEnvironment.REGION;
    }

    /** The account in the executions' ARNs and of a CDK app's tokens. */
    public String accountId() {
        return accountId != null ? accountId : DefaultAwsEnvironment.ACCOUNT_ID;
    }

    /** Whether a region or account was chosen; if not, a CDK stack deployed to an explicit environment keeps it. */
    boolean awsEnvironmentChosen() {
        return region != null || accountId != null;
    }

    /** The endpoint every passed-through Task calls (LocalStack, a stub server), or {@code null} for AWS's own. */
    public URI awsEndpoint() {
        return awsEndpoint;
    }

    /** The region of passed-through Tasks, or {@code null} for the AWS SDK's default region chain. */
    public String awsRegion() {
        return awsRegion;
    }

    /** Whether a passed-through call's real duration passes on the virtual clock (by default it takes no virtual time). */
    public boolean passThroughLatency() {
        return passThroughLatency;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StepFunctionsConfig)) {
            return false;
        }
        StepFunctionsConfig c = (StepFunctionsConfig) o;
        return seed == c.seed && strictMocks == c.strictMocks && keepChildExecutions == c.keepChildExecutions
                && allowPlaceholders == c.allowPlaceholders && definition.equals(c.definition)
                && Objects.equals(logicalId, c.logicalId) && substitutions.equals(c.substitutions) && type == c.type
                && startTime.equals(c.startTime) && Objects.equals(mockConfig, c.mockConfig)
                && Objects.equals(testCase, c.testCase) && Objects.equals(region, c.region)
                && Objects.equals(accountId, c.accountId) && Objects.equals(awsEndpoint, c.awsEndpoint)
                && Objects.equals(awsRegion, c.awsRegion) && passThroughLatency == c.passThroughLatency;
    }

    @Override
    public int hashCode() {
        return Objects.hash(definition, logicalId, substitutions, type, startTime, seed, mockConfig, testCase, strictMocks,
                keepChildExecutions, allowPlaceholders, region, accountId, awsEndpoint, awsRegion, passThroughLatency);
    }

    @Override
    public String toString() {
        return "StepFunctionsConfig{definition=" + definition + (logicalId == null ? "" : ", logicalId=" + logicalId)
                + (substitutions.isEmpty() ? "" : ", substitutions=" + substitutions)
                + (type == null ? "" : ", type=" + type) + ", startTime=" + startTime + ", seed=" + seed
                + (mockConfig == null ? "" : ", mockConfig=" + mockConfig + ", testCase=" + testCase)
                + (strictMocks ? ", strictMocks" : "") + (keepChildExecutions ? ", keepChildExecutions" : "")
                + (allowPlaceholders ? ", allowPlaceholders" : "")
                + (region == null ? "" : ", region=" + region) + (accountId == null ? "" : ", accountId=" + accountId)
                + (awsEndpoint == null ? "" : ", awsEndpoint=" + awsEndpoint) + (awsRegion == null ? "" : ", awsRegion=" + awsRegion)
                + (passThroughLatency ? ", passThroughLatency" : "") + "}";
    }

    /** Builds a {@link StepFunctionsConfig}; only the definition is required. */
    public static final class Builder {
        private String definition;
        private String logicalId;
        private final Map<String, String> substitutions = new LinkedHashMap<>();
        private StateMachineType type;
        private Instant startTime = DEFAULT_START_TIME;
        private long seed;
        private String mockConfig;
        private String testCase;
        private boolean strictMocks;
        private boolean allowPlaceholders;
        private boolean keepChildExecutions;
        private String region;
        private String accountId;
        private URI awsEndpoint;
        private String awsRegion;
        private boolean passThroughLatency;

        private Builder() {
        }

        public Builder definition(String classpathResourceOrFile) {
            this.definition = classpathResourceOrFile;
            return this;
        }

        public Builder definition(Path file) {
            this.definition = file.toString();
            return this;
        }

        public Builder logicalId(String logicalId) {
            this.logicalId = logicalId;
            return this;
        }

        public Builder substitution(String name, String value) {
            this.substitutions.put(name, value);
            return this;
        }

        public Builder substitutions(Map<String, String> values) {
            this.substitutions.putAll(values);
            return this;
        }

        public Builder type(StateMachineType type) {
            this.type = type;
            return this;
        }

        public Builder startTime(Instant startTime) {
            this.startTime = startTime;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A Step Functions Local mock file and its test case ({@code "TestCase"} or {@code "StateMachineName#TestCase"}). */
        public Builder mockConfig(String classpathResourceOrFile, String testCase) {
            return mockConfigFile(classpathResourceOrFile).testCase(testCase);
        }

        public Builder mockConfigFile(String classpathResourceOrFile) {
            this.mockConfig = classpathResourceOrFile;
            return this;
        }

        public Builder testCase(String testCase) {
            this.testCase = testCase;
            return this;
        }

        /**
         * Leave {@code ${Name}} placeholders that have no value in the definition as opaque text, as
         * {@code aslunit validate --allow-placeholders} does, instead of refusing it; a Task whose
         * resource is such a placeholder runs as long as a mock answers it.
         */
        public Builder allowPlaceholders(boolean allow) {
            this.allowPlaceholders = allow;
            return this;
        }

        public Builder strictMocks(boolean strictMocks) {
            this.strictMocks = strictMocks;
            return this;
        }

        /**
         * Keeps the history of every child execution a Distributed Map starts, for
         * {@link Execution#childExecutions()}; off by default, since a Map over a million items would
         * keep them all. Workflow coverage does not need it: children that are not kept reach it one
         * by one as they end.
         */
        public Builder keepChildExecutions(boolean keepChildExecutions) {
            this.keepChildExecutions = keepChildExecutions;
            return this;
        }

        /**
         * The region of the executions' ARNs and a CDK app's tokens;
         * {@value DefaultAwsEnvironment#REGION} by default.
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * The account of the executions' ARNs and a CDK app's tokens;
         * {@value DefaultAwsEnvironment#ACCOUNT_ID} by default.
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * The endpoint of every Task passed through ({@code sfn.passThrough("ChargeCard")}): LocalStack
         * ({@code http://localhost:4566}), a stub server; by default AWS's own endpoints. Nothing is
         * called unless a test passes a Task through.
         */
        public Builder awsEndpoint(URI endpoint) {
            this.awsEndpoint = endpoint;
            return this;
        }

        /** The region of passed-through Tasks ({@code eu-west-1}); by default the AWS SDK's region chain. */
        public Builder awsRegion(String region) {
            this.awsRegion = region == null || region.isBlank() ? null : region;
            return this;
        }

        /**
         * Lets a passed-through call's real duration pass on the virtual clock, so a {@code TimeoutSeconds}
         * races it; off by default, when a real call takes no virtual time and runs stay deterministic.
         */
        public Builder passThroughLatency(boolean passThroughLatency) {
            this.passThroughLatency = passThroughLatency;
            return this;
        }

        /** @throws IllegalArgumentException naming what is missing or inconsistent */
        public StepFunctionsConfig build() {
            if (definition == null || definition.isBlank()) {
                throw new IllegalArgumentException("No state machine definition: give a classpath resource or a file,"
                        + " e.g. @StepFunctionTest(definition = \"order-processing.asl.json\")");
            }
            if (startTime == null) {
                throw new IllegalArgumentException("The start time of the virtual clock must not be null");
            }
            if (mockConfig != null && (testCase == null || testCase.isBlank())) {
                throw new IllegalArgumentException("The mock config " + mockConfig + " needs a test case:"
                        + " testCase = \"HappyPath\" (or \"StateMachineName#HappyPath\")");
            }
            if (mockConfig == null && testCase != null && !testCase.isBlank()) {
                throw new IllegalArgumentException("testCase \"" + testCase + "\" needs a mock config file:"
                        + " mockConfig = \"MockConfigFile.json\"");
            }
            if (awsEndpoint != null && (awsEndpoint.getScheme() == null || awsEndpoint.getHost() == null)) {
                throw new IllegalArgumentException("The AWS endpoint " + awsEndpoint + " needs a scheme and a host,"
                        + " e.g. awsEndpoint = \"http://localhost:4566\"");
            }
            return new StepFunctionsConfig(this);
        }
    }
}
