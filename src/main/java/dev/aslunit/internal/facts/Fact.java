package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One thing the engine knew as it ran an execution, written as it happened. A {@link FactLog} keeps
 * them in order; {@link ExecutionRecord#of} folds them into visits, attempts and scopes. Visits and
 * scopes are numbered by the log from 1; scope 0 is the execution's top level. JSON values are the
 * engine's own nodes, shared, never copied (the engine never changes a node once made).
 */
public sealed interface Fact {

    /** The execution started with {@code input}. */
    record Started(Instant at, JsonNode input) implements Fact {
    }

    /** The execution ended; {@code error} and {@code cause} as {@code DescribeExecution} has them. */
    record Ended(ExecutionStatus status, Instant at, JsonNode output, String error, String cause) implements Fact {
    }

    /** A redrive set the execution running again. */
    record Redriven(Instant at) implements Fact {
    }

    /** A Map iteration (a Map state's {@code index}th) or Parallel branch started, inside {@code parent}. */
    record ScopeOpened(int scope, int parent, int container, int index) implements Fact {
    }

    /** A Map iteration ended. */
    record ScopeEnded(int scope, ExecutionStatus outcome) implements Fact {
    }

    /** A state was entered; {@code type} is ASL's ({@code Task}, {@code Choice}, ...). */
    record Entered(int visit, int scope, String state, String type, Instant at, JsonNode input) implements Fact {
    }

    /** A state exited; {@code assigned} is what its {@code Assign} (or its catcher's) stored, or {@code null}. */
    record Exited(int visit, Instant at, JsonNode output, Map<String, JsonNode> assigned) implements Fact {
    }

    /**
     * One attempt began: a Task's call to its resource (named as its scheduled event names it) with
     * {@code parameters}, or a run of a Map or Parallel state's iterations or branches
     * ({@code resource} and {@code parameters} {@code null}).
     */
    record AttemptStarted(int visit, Instant at, String resource, JsonNode parameters) implements Fact {
    }

    /**
     * The current attempt ended; a failed one with its error and cause ({@code null} when not known yet), a
     * Task's that succeeded with the {@code result} its resource answered ({@code null} when not known).
     */
    record AttemptEnded(int visit, Instant at, ExecutionStatus outcome, String error, String cause, JsonNode result)
            implements Fact {

        public AttemptEnded(int visit, Instant at, ExecutionStatus outcome, String error, String cause) {
            this(visit, at, outcome, error, cause, null);
        }
    }

    /**
     * The {@code retrier}th of the state's {@code Retry} matched the current attempt's error: it retries
     * after {@code delay}, or, with {@code delay} {@code null}, it had no attempts left.
     */
    record Retried(int visit, int retrier, Duration delay) implements Fact {
    }

    /** The {@code catcher}th of the state's {@code Catch} caught the error and goes on to {@code next}. */
    record Caught(int visit, int catcher, String next) implements Fact {
    }

    /** A Choice state's {@code rule}th rule matched ({@code -1}: its {@code Default}), going on to {@code next}. */
    record Chose(int visit, int rule, String next) implements Fact {
    }

    /** The state itself failed: a Fail state, or an expression that could not be evaluated. */
    record Failed(int visit, String error, String cause) implements Fact {
    }

    /** The state was stopped because a sibling branch or iteration failed, or its Map Run did. */
    record Aborted(int visit, Instant at) implements Fact {
    }
}
