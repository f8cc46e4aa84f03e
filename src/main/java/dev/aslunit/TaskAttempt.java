package dev.aslunit;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt of a state that AWS retries: a Task's call to its resource (from {@code TaskScheduled},
 * {@code LambdaFunctionScheduled} or {@code ActivityScheduled} to its outcome), or one run of a Map or
 * Parallel state (from {@code MapStateStarted}/{@code ParallelStateStarted}).
 */
public final class TaskAttempt {

    /** How an attempt ended. */
    public enum Outcome { SUCCEEDED, FAILED, TIMED_OUT, ABORTED, RUNNING }

    private final int number;
    private final Instant startedAt;
    private final String resource;
    private final Duration delayBefore;
    Outcome outcome = Outcome.RUNNING;
    Instant endedAt;
    String error;
    String cause;

    TaskAttempt(int number, Instant startedAt, String resource, Duration delayBefore) {
        this.number = number;
        this.startedAt = startedAt;
        this.resource = resource;
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

    /** The resource as the history names it (e.g. {@code invoke} for {@code lambda:invoke}), or {@code null}. */
    public String resource() {
        return resource;
    }

    /** The virtual time between the previous attempt's failure and this attempt: the backoff applied; {@code null} for the first. */
    public Duration delayBefore() {
        return delayBefore;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The error of a failed or timed-out attempt ({@code States.Timeout} for a timeout), else {@code null}. */
    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED || outcome == Outcome.TIMED_OUT;
    }

    @Override
    public String toString() {
        return "attempt " + number + " " + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (error != null ? ": " + error : "");
    }
}
