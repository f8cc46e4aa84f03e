package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One state of a state machine. Every field keeps its value as written, with these conventions:
 * <ul>
 *   <li>JSONPath path fields ({@code InputPath}, {@code ResultPath}, {@code OutputPath}) hold
 *       {@code "$"} when absent (AWS's default) and {@code null} when written as JSON {@code null};</li>
 *   <li>templates and expressions ({@code Parameters}, {@code Arguments}, {@code Output},
 *       {@code Assign}, ...) are the JSON as written, {@code null} when absent; they are compiled
 *       by the engine once, at load;</li>
 *   <li>fields that may be a number or a JSONata string ({@code TimeoutSeconds}, {@code Seconds},
 *       ...) are kept as JSON nodes.</li>
 * </ul>
 * {@link #queryLanguage()} is the effective language: the state's own, else its machine's.
 */
public sealed interface State
        permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {

    String name();

    String comment();

    QueryLanguage queryLanguage();

    SourceLocation location();

    /** ASL's {@code Type} value, e.g. {@code "Task"}. */
    String type();

    /** @return the transition, or {@code null} for Choice, Succeed and Fail */
    default Transition transition() {
        return null;
    }

    /** Fields shared by Task, Parallel and Map: what they do with results and errors. */
    interface Retryable {
        java.util.List<Retrier> retry();

        java.util.List<Catcher> catchers();
    }

    /** JSONPath and JSONata input/output processing common to most states. */
    interface DataFlow {
        String inputPath();

        String outputPath();

        JsonNode output();

        JsonNode assign();
    }
}
