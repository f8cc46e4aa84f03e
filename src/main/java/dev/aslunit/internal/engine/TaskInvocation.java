package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.integration.ServiceCall;
import java.time.Instant;

/**
 * What a Task state asks of its resource, as the engine hands it to a {@link TaskHandler}.
 *
 * @param stateName      the Task state's name
 * @param resource       the {@code Resource} ARN as written (after substitutions)
 * @param parameters     the effective parameters: {@code Parameters} or {@code Arguments} evaluated
 *                       (for a Lambda function ARN without parameters: the state's effective input)
 * @param attempt        0 for the first attempt, n for the n-th retry
 * @param invocation     0-based count of this state's invocations in this execution, counting retries
 *                       and Map iterations (Step Functions Local's mock counter)
 * @param taskToken      the token for {@code .waitForTaskToken} resources (also in the context), else {@code null}
 * @param now            the virtual time of the call
 * @param executionArn   the execution's ARN
 */
public record TaskInvocation(
        String stateName,
        String resource,
        JsonNode parameters,
        int attempt,
        int invocation,
        String taskToken,
        Instant now,
        String executionArn) implements ServiceCall {
}
