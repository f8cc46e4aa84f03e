package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt of a state that AWS retries: a Task's call to its resource, or one run of a Map or
 * Parallel state. Read-only outside this package: {@link ExecutionRecord} fills it in.
 */
public final class AttemptRecord {

    final int number;
    final Instant startedAt;
    final String resource;
    final JsonNode parameters;
    final Duration delayBefore;
    ExecutionStatus outcome = ExecutionStatus.RUNNING;
    Instant endedAt;
    String error;
    String cause;
    JsonNode result;
    int retrier = -1;
    Duration retryDelay;

    AttemptRecord(int number, Instant startedAt, String resource, JsonNode parameters, Duration delayBefore) {
        this.number = number;
        this.startedAt = startedAt;
        this.resource = resource;
        this.parameters = parameters;
        this.delayBefore = delayBefore;
    }

    /** 1 for the first attempt, 2 for the first retry, ... */
    public int number() {
        return number;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When the outcome arrived, or {@code null} while the attempt runs. */
    public Instant endedAt() {
        return endedAt;
    }

    /** The resource as the history names it, or {@code null} for a Map's or Parallel's attempt. */
    public String resource() {
        return resource;
    }

    /** What a Task's call was given, or {@code null}. */
    public JsonNode parameters() {
        return parameters;
    }

    /** The virtual time from the previous attempt's end to this one's start: the backoff; {@code null} for the first. */
    public Duration delayBefore() {
        return delayBefore;
    }

    public ExecutionStatus outcome() {
        return outcome;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    /** What a Task's resource answered when the attempt succeeded (before any selector), or {@code null}. */
    public JsonNode result() {
        return result;
    }

    /** The index of the retrier whose {@code ErrorEquals} matched this attempt's error, or -1 (none, or not known). */
    public int retrier() {
        return retrier;
    }

    /** Whether {@link #retrier()} retried this attempt (else it had no attempts left). */
    public boolean retried() {
        return retrier >= 0 && retryDelay != null;
    }

    /** Whether {@link #retrier()} matched but had used up its {@code MaxAttempts}. */
    public boolean retriesExhausted() {
        return retrier >= 0 && retryDelay == null;
    }

    public boolean failed() {
        return outcome == ExecutionStatus.FAILED || outcome == ExecutionStatus.TIMED_OUT;
    }
}
