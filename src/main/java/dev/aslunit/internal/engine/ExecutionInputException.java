package dev.aslunit.internal.engine;

/**
 * An execution input AWS's {@code StartExecution} would refuse before any execution exists (its
 * ValidationException), so the caller's mistake rather than a {@code States.*} failure.
 */
public final class ExecutionInputException extends IllegalArgumentException {

    ExecutionInputException(String message) {
        super(message);
    }
}
