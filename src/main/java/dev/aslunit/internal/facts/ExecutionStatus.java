package dev.aslunit.internal.facts;

/**
 * An execution's status, as {@code DescribeExecution} reports it; also how one task attempt, Map
 * iteration or Parallel branch ended. {@code Execution.Status} and
 * {@code TaskAttempt.Outcome} are its public faces.
 */
public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED
}
