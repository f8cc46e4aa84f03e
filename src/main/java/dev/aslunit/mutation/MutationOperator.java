package dev.aslunit.mutation;

/**
 * The mistakes a mutant makes in a definition, each one a mistake that takes real workflows down.
 * {@link #suggestion()} says, in words, the test that notices it; {@code docs/mutation-testing.md}
 * lists them with examples.
 */
public enum MutationOperator {

    RETRY_REMOVE("retry-remove", "Make the state fail with an error this rule names and assert how often it was retried"
            + " (assertThat(execution).state(...).wasRetried(n))."),
    RETRY_ERROR_REMOVE("retry-error-remove", "Make the state fail with exactly this error and assert it was retried."),
    RETRY_MAX_ATTEMPTS("retry-max-attempts", "Make the state fail more often than MaxAttempts allows and assert the"
            + " exact number of retries, and that the last failure is caught or fails the execution."),
    RETRY_INTERVAL("retry-interval", "Assert the waits between attempts (retriedAfter(...)) or the execution's"
            + " virtual time (tookVirtualTime(...)) for a state that is retried."),
    RETRY_BACKOFF_RATE("retry-backoff-rate", "Make the state fail at least twice in a row and assert the growing waits"
            + " between attempts (retriedAfter(...))."),
    CATCH_REMOVE("catch-remove", "Make the state fail with an error this Catch names (after its retries) and assert"
            + " the state the execution went to."),
    CATCH_RETARGET("catch-retarget", "Make the state fail with an error this Catch names and assert the path taken"
            + " after it (tookPath(...) or a state was entered)."),
    CHOICE_SWAP("choice-swap", "Run one input per branch of the Choice and assert where each went."),
    CHOICE_NEGATE("choice-negate", "Run an input for which the rule holds and one for which it does not, and assert"
            + " both paths."),
    CHOICE_OPERATOR("choice-operator", "Run an input exactly at the rule's boundary (equal to the constant) and assert"
            + " the path."),
    CHOICE_CONSTANT("choice-constant", "Run inputs at the constant and one past it and assert the path of each."),
    CHOICE_DEFAULT_REMOVE("choice-default-remove", "Run an input that matches no rule and assert it takes the Default."),
    TIMEOUT("timeout", "Make the Task hang (neverAnswers(), or a latency past the limit) and assert States.Timeout"
            + " and when it happened (tookVirtualTime(...))."),
    RESULT_PATH("result-path", "Assert the state's output: where the result lands and that the input around it is"
            + " kept (hasOutputAt(...), hadOutputAt(...))."),
    ASSIGN_REMOVE("assign-remove", "Assert the variable's value after the state, or the output that uses it."),
    OUTPUT_FIELD_REMOVE("output-field-remove", "Assert the field in the state's or the execution's output."),
    MAP_TOLERATED_FAILURE("map-tolerated-failure", "Make some iterations fail and assert whether the Map fails"
            + " (States.ExceedToleratedFailureThreshold) or succeeds."),
    MAP_MAX_CONCURRENCY("map-max-concurrency", "Assert how many iterations ran at once (maxConcurrency of the Map's"
            + " iterations) or the virtual time of a Map whose items take time."),
    END_REROUTE("end-reroute", "Assert the full path (tookPath(...)) or the output of an execution that ends at this"
            + " state.");

    private final String key;
    private final String suggestion;

    MutationOperator(String key, String suggestion) {
        this.key = key;
        this.suggestion = suggestion;
    }

    /** The operator's name in ids and reports, e.g. {@code retry-remove}. */
    public String key() {
        return key;
    }

    /** The kind of test that kills a mutant of this operator, in words. */
    public String suggestion() {
        return suggestion;
    }
}
