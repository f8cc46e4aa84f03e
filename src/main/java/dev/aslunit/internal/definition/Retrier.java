package dev.aslunit.internal.definition;

import java.util.List;

/**
 * One {@code Retry} rule, with AWS's defaults filled in: {@code IntervalSeconds} 1,
 * {@code MaxAttempts} 3, {@code BackoffRate} 2.0. {@code maxDelaySeconds} and
 * {@code jitterStrategy} are {@code null} when absent.
 */
public record Retrier(
        List<String> errorEquals,
        int intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Integer maxDelaySeconds,
        String jitterStrategy,
        String comment,
        SourceLocation location) {

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }
}
