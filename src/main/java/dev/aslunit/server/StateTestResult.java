package dev.aslunit.server;

import java.util.Map;

/**
 * What AWS's TestState answers for one state.
 *
 * @param status         {@code SUCCEEDED}, {@code FAILED}, {@code RETRIABLE} (a retrier would retry
 *                       the error) or {@code CAUGHT_ERROR} (a catcher caught it)
 * @param output         the state's output as JSON text, or {@code null} when it failed
 * @param error          the error name when the state failed, was retriable or caught an error
 * @param cause          the error's cause
 * @param nextState      the state it transitions to, or {@code null} when it ends or fails
 * @param inspectionData at DEBUG and TRACE, AWS's {@code inspectionData} members for the kind of state
 *                       ({@code input}, {@code afterInputPath}, {@code afterParameters}, {@code result},
 *                       {@code afterResultSelector}, {@code afterResultPath}, {@code afterArguments},
 *                       {@code afterItemsPath}, {@code afterItemSelector}, {@code variables},
 *                       {@code maxConcurrency}, {@code toleratedFailureCount},
 *                       {@code toleratedFailurePercentage}, {@code errorDetails}), each as JSON text
 *                       ({@code errorDetails} e.g. {@code {"catchIndex":0}}), each present when ASLUnit
 *                       knows it exactly
 */
public record StateTestResult(String status, String output, String error, String cause, String nextState,
        Map<String, String> inspectionData) {

    public StateTestResult {
        inspectionData = Map.copyOf(inspectionData);
    }
}
