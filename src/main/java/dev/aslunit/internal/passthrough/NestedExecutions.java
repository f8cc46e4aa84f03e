package dev.aslunit.internal.passthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.internal.integration.IntegrationPattern;
import dev.aslunit.internal.integration.ResourceArn;
import dev.aslunit.internal.integration.ServiceResponses;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.Waiter;
import software.amazon.awssdk.core.waiters.WaiterAcceptor;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * {@code arn:aws:states:::states:startExecution} passed through: StartExecution on the endpoint, and
 * for {@code .sync} and {@code .sync:2} DescribeExecution until the child ends, as Step Functions
 * waits for it. The waiting is the SDK's waiter (its own backoff between polls, bounded by
 * {@link Polling}), so no ASLUnit code sleeps or reads a clock; the engine's thread is held for the
 * child's real duration, which reaches the virtual clock only as opt-in latency.
 */
final class NestedExecutions {

    /** How often and how long a {@code .sync} task polls DescribeExecution before it gives up on the child. */
    record Polling(Duration first, Duration longest, Duration giveUpAfter) {
        /** Children of tests run for seconds; ten minutes is past any a test should start. */
        static final Polling DEFAULT = new Polling(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofMinutes(10));

        String giveUpText() {
            return giveUpAfter.toMinutes() > 0 ? giveUpAfter.toMinutes() + " minutes" : giveUpAfter.toMillis() + " ms";
        }

        int attempts() {
            // enough polls to reach the time limit at the longest interval; the waiter stops at whichever comes first
            return (int) Math.min(Integer.MAX_VALUE, giveUpAfter.toMillis() / Math.max(1, longest.toMillis()) + 16);
        }
    }

    /** One DescribeExecution answer, or the service's error, for the waiter to judge. */
    private record Poll(ObjectNode response, SdkGateway.CallFailed failed) {
        boolean running() {
            return failed == null && "RUNNING".equals(response.path("Status").asText());
        }
    }

    private static final String SFN = "sfn";

    private final SdkGateway sdk;
    private final Polling polling;

    NestedExecutions(SdkGateway sdk, Polling polling) {
        this.sdk = sdk;
        this.polling = polling;
    }

    TaskOutcome answer(TaskInvocation invocation, ResourceArn arn) throws SdkGateway.CallFailed {
        ObjectNode request = invocation.parameters() != null && invocation.parameters().isObject()
                ? ((ObjectNode) invocation.parameters()).deepCopy() : Json.nodes().objectNode();
        JsonNode input = request.get("Input");
        // Step Functions sends the child's Input as JSON text, and "{}" when the Task gives none
        if (input == null || input.isNull()) {
            request.put("Input", "{}");
        } else if (!input.isTextual()) {
            request.put("Input", Json.write(input));
        }
        ObjectNode started = sdk.call(SFN, "startExecution", request, invocation.resource());
        if (arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            return new TaskOutcome.NoAnswer();
        }
        if (!arn.pattern().isSync()) {
            return TaskOutcome.succeeded(ServiceResponses.complete(invocation, epochMillis(started)));
        }
        ObjectNode ended = awaitEnd(started.path("ExecutionArn").asText(), invocation);
        ObjectNode shaped = shape(ended, arn.pattern() == IntegrationPattern.SYNC_2);
        if ("SUCCEEDED".equals(ended.path("Status").asText())) {
            return TaskOutcome.succeeded(shaped);
        }
        // as Step Functions: a child that failed, timed out or was aborted fails the Task with its description as the cause
        return TaskOutcome.failed("States.TaskFailed", Json.write(shaped));
    }

    private ObjectNode awaitEnd(String executionArn, TaskInvocation invocation) throws SdkGateway.CallFailed {
        ObjectNode ask = Json.nodes().objectNode().put("ExecutionArn", executionArn);
        Waiter<Poll> waiter = Waiter.builder(Poll.class)
                .addAcceptor(WaiterAcceptor.retryOnResponseAcceptor(Poll::running))
                .addAcceptor(WaiterAcceptor.successOnResponseAcceptor(p -> !p.running()))
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategyV2(BackoffStrategy.exponentialDelayWithoutJitter(polling.first(), polling.longest()))
                        .maxAttempts(polling.attempts())
                        .waitTimeout(polling.giveUpAfter())
                        .build())
                .build();
        Poll last;
        try {
            last = waiter.run(() -> describe(ask, invocation.resource())).matched().response()
                    .orElseThrow(() -> new IllegalStateException("The SDK's waiter ended without an answer for " + executionArn));
        } catch (SdkClientException e) {
            throw new IllegalStateException("The child execution " + executionArn + " that Task state '"
                    + invocation.stateName() + "' started (" + invocation.resource() + ") was still RUNNING after "
                    + polling.giveUpText() + " of polling DescribeExecution, and ASLUnit stopped"
                    + " waiting for it. Stop it on the endpoint (aws stepfunctions stop-execution --execution-arn "
                    + executionArn + "), or mock the Task.", e);
        }
        if (last.failed() != null) {
            throw last.failed();
        }
        return last.response();
    }

    private Poll describe(ObjectNode ask, String resource) {
        try {
            return new Poll(sdk.call(SFN, "describeExecution", ask, resource), null);
        } catch (SdkGateway.CallFailed f) {
            return new Poll(null, f);
        }
    }

    /**
     * DescribeExecution as a {@code .sync} task returns it: the members in alphabetical order, dates
     * in epoch milliseconds, {@code Input} and {@code Output} as JSON text ({@code .sync}) or as JSON
     * ({@code .sync:2}).
     */
    private static ObjectNode shape(ObjectNode described, boolean jsonIo) {
        ObjectNode withDates = epochMillis(described);
        List<String> names = new ArrayList<>();
        withDates.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        ObjectNode out = Json.nodes().objectNode();
        for (String name : names) {
            JsonNode value = withDates.get(name);
            out.set(name, jsonIo && (name.equals("Input") || name.equals("Output")) ? parsed(value) : value);
        }
        return out;
    }

    /** The SDK's timestamps ({@code StartDate}, {@code StopDate}, {@code RedriveDate}) as Step Functions writes them: epoch milliseconds. */
    private static ObjectNode epochMillis(ObjectNode response) {
        ObjectNode out = response.deepCopy();
        for (String name : List.of("StartDate", "StopDate", "RedriveDate")) {
            JsonNode value = out.get(name);
            if (value != null && value.isTextual()) {
                try {
                    out.put(name, Instant.parse(value.textValue()).toEpochMilli());
                } catch (DateTimeParseException e) {
                    // not a date the SDK wrote: left as the endpoint sent it
                }
            }
        }
        return out;
    }

    private static JsonNode parsed(JsonNode text) {
        if (!text.isTextual()) {
            return text;
        }
        try {
            return Json.parse(text.textValue());
        } catch (IOException e) {
            return TextNode.valueOf(text.textValue());
        }
    }
}
