package dev.aslunit.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One call of a Task, as a mock sees and records it.
 *
 * @param stateName   the Task state
 * @param resource    its {@code Resource}
 * @param input       the effective input: for {@code lambda:invoke} the {@code Payload} (what the
 *                    function receives, the same thing {@code returns(...)} answers for), otherwise
 *                    the effective parameters
 * @param parameters  the effective parameters as the service receives them
 * @param attempt     0 for the first attempt, n for the n-th retry
 * @param invocation  0-based count of this state's calls in its execution (retries and Map iterations counted)
 * @param time        the virtual time of the call
 * @param taskToken   the task token of a {@code .waitForTaskToken} task, else {@code null}
 * @param executionArn the calling execution
 */
public record TaskCall(
        String stateName,
        String resource,
        JsonNode input,
        JsonNode parameters,
        int attempt,
        int invocation,
        Instant time,
        String taskToken,
        String executionArn) {
}
