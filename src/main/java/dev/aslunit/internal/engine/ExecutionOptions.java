package dev.aslunit.internal.engine;

import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import dev.aslunit.StateMachineType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * How one execution runs: its input, name, type, random seed, the account it pretends to run in,
 * who answers its Task states, and the S3 objects a Distributed Map sees. Built with
 * {@link #builder()}; every field has a default (see {@code docs/engine.md}).
 *
 * @param executionName {@code null} for a name drawn from the seeded random source (a UUID, as AWS)
 * @param keepChildExecutions whether {@link ExecutionRun#childExecutions()} keeps the history of every
 *        child execution a Distributed Map starts (off by default: a million items would be kept)
 * @param childExecutionListener {@code null}, or what receives each child execution of a Distributed Map
 *        that is not kept, as it ends: the Map state's name and the child's history, which the run
 *        then forgets (so a summary, such as workflow coverage, costs no memory per item). A child
 *        still running when the execution ends is handed over then, as far as it got. With
 *        {@code keepChildExecutions} on it is never called: the children are in
 *        {@link ExecutionRun#childExecutions()}, and nothing sees a child twice.
 * @param contextObject {@code null}, or what turns the context object ({@code $$}, {@code $states.context})
 *        the engine built for a state into the one the state sees: TestState's {@code context} replaces
 *        parts of it. It must not change its argument, whose nodes the run shares.
 */
public record ExecutionOptions(
        JsonNode input,
        String executionName,
        StateMachineType type,
        long seed,
        String region,
        String accountId,
        String roleArn,
        TaskHandler taskHandler,
        S3ObjectStore s3,
        boolean keepChildExecutions,
        BiConsumer<String, EndedChild> childExecutionListener,
        UnaryOperator<ObjectNode> contextObject) {

    public static final long DEFAULT_SEED = 0L;
    public static final String DEFAULT_REGION = DefaultAwsEnvironment.REGION;
    public static final String DEFAULT_ACCOUNT = DefaultAwsEnvironment.ACCOUNT_ID;

    public ExecutionOptions {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(taskHandler, "taskHandler");
        Objects.requireNonNull(s3, "s3");
        if (roleArn == null) {
            roleArn = "arn:aws:iam::" + accountId + ":role/aslunit-execution-role";
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().input(input).executionName(executionName).type(type).seed(seed).region(region)
                .accountId(accountId).roleArn(roleArn).taskHandler(taskHandler).s3(s3)
                .keepChildExecutions(keepChildExecutions).childExecutionListener(childExecutionListener)
                .contextObject(contextObject);
    }

    /** Builds {@link ExecutionOptions}; unset fields take their documented defaults. */
    public static final class Builder {
        private JsonNode input = JsonNodeFactory.instance.objectNode();
        private String executionName;
        private StateMachineType type = StateMachineType.STANDARD;
        private long seed = DEFAULT_SEED;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT;
        private String roleArn;
        private TaskHandler taskHandler = invocation -> java.util.Optional.empty();
        private S3ObjectStore s3 = new S3ObjectStore();
        private boolean keepChildExecutions;
        private BiConsumer<String, EndedChild> childExecutionListener;
        private UnaryOperator<ObjectNode> contextObject;

        private Builder() {
        }

        public Builder input(JsonNode input) {
            this.input = input;
            return this;
        }

        public Builder executionName(String executionName) {
            this.executionName = executionName;
            return this;
        }

        public Builder type(StateMachineType type) {
            this.type = type;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder taskHandler(TaskHandler taskHandler) {
            this.taskHandler = taskHandler;
            return this;
        }

        public Builder s3(S3ObjectStore s3) {
            this.s3 = s3;
            return this;
        }

        public Builder keepChildExecutions(boolean keepChildExecutions) {
            this.keepChildExecutions = keepChildExecutions;
            return this;
        }

        public Builder childExecutionListener(BiConsumer<String, EndedChild> childExecutionListener) {
            this.childExecutionListener = childExecutionListener;
            return this;
        }

        public Builder contextObject(UnaryOperator<ObjectNode> contextObject) {
            this.contextObject = contextObject;
            return this;
        }

        public ExecutionOptions build() {
            return new ExecutionOptions(input, executionName, type, seed, region, accountId, roleArn, taskHandler, s3,
                    keepChildExecutions, childExecutionListener, contextObject);
        }
    }
}
