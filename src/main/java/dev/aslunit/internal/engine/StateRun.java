package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry into a state: what {@code $$.State} shows and what AWS's error causes quote. */
final class StateRun {

    final Frame frame;
    final String name;
    final JsonNode input;
    final long enteredEventId;
    final Instant enteredTime;
    int retryCount;
    String taskToken;
    private int[] retries;

    /** Whether {@code $$.State.RetryCount} exists: AWS shows it for the states that can retry. */
    final boolean countsRetries;

    /** The event the state-entered event follows: AWS links {@code EvaluationFailed} to it. */
    final long beforeEnteredEventId;

    StateRun(Frame frame, String name, JsonNode input, long enteredEventId, long beforeEnteredEventId,
            Instant enteredTime, boolean countsRetries) {
        this.beforeEnteredEventId = beforeEnteredEventId;
        this.countsRetries = countsRetries;
        this.frame = frame;
        this.name = name;
        this.input = input;
        this.enteredEventId = enteredEventId;
        this.enteredTime = enteredTime;
    }

    /** How often the {@code index}-th retrier has retried this state. */
    int retriesOf(int index) {
        return retries == null || index >= retries.length ? 0 : retries[index];
    }

    void countRetry(int index) {
        if (retries == null || index >= retries.length) {
            int[] grown = new int[index + 1];
            if (retries != null) {
                System.arraycopy(retries, 0, grown, 0, retries.length);
            }
            retries = grown;
        }
        retries[index]++;
        retryCount++;
    }

    /** AWS's prefix of run-time error causes. */
    String causePrefix() {
        return "An error occurred while executing the state '" + name + "' (entered at the event id #"
                + enteredEventId + "). ";
    }
}
