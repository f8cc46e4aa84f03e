package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A resource's answer to a {@link TaskInvocation}. Every answer may take virtual time
 * ({@code latency}); a Task's {@code TimeoutSeconds} and {@code HeartbeatSeconds} run against it.
 * For {@code .waitForTaskToken} resources the answer is the callback that arrives after
 * {@code latency}; for {@code .sync} resources it is the job's final result.
 */
public sealed interface TaskOutcome {

    /** The task returned {@code result} (the raw result, before {@code ResultSelector}). */
    record Succeeded(JsonNode result, Duration latency) implements TaskOutcome {
    }

    /** The task failed with {@code error} (e.g. {@code Lambda.TooManyRequestsException}) and {@code cause}. */
    record Failed(String error, String cause, Duration latency) implements TaskOutcome {
    }

    /**
     * No answer comes by itself: a token task waits for a callback sent through the engine, any
     * other task until its timeout fires.
     */
    record NoAnswer() implements TaskOutcome {
    }

    static TaskOutcome succeeded(JsonNode result) {
        return new Succeeded(result, Duration.ZERO);
    }

    static TaskOutcome failed(String error, String cause) {
        return new Failed(error, cause, Duration.ZERO);
    }
}
