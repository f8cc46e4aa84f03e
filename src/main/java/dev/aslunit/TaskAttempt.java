package dev.aslunit;

import dev.aslunit.internal.facts.AttemptRecord;
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

    private final AttemptRecord record;

    TaskAttempt(AttemptRecord record) {
        this.record = record;
    }

    /** 1 for the first attempt, 2 for the first retry, ... */
    public int number() {
        return record.number();
    }

    public Instant startedAt() {
        return record.startedAt();
    }

    /** When the outcome arrived, or {@code null} while the attempt runs. */
    public Instant endedAt() {
        return record.endedAt();
    }

    /** The resource as the history names it (e.g. {@code invoke} for {@code lambda:invoke}), or {@code null}. */
    public String resource() {
        return record.resource();
    }

    /** The virtual time between the previous attempt's failure and this attempt: the backoff applied; {@code null} for the first. */
    public Duration delayBefore() {
        return record.delayBefore();
    }

    public Outcome outcome() {
        return Outcome.valueOf(record.outcome().name());
    }

    /** The error of a failed or timed-out attempt ({@code States.Timeout} for a timeout), else {@code null}. */
    public String error() {
        return record.error();
    }

    public String cause() {
        return record.cause();
    }

    public boolean failed() {
        return record.failed();
    }

    @Override
    public String toString() {
        return "attempt " + number() + " " + outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (error() != null ? ": " + error() : "");
    }
}
