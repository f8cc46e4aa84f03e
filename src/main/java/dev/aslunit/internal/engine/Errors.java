package dev.aslunit.internal.engine;

/** AWS's error names; matching them against {@code ErrorEquals} is {@link dev.aslunit.internal.facts.ErrorEquals}. */
final class Errors {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String RUNTIME = "States.Runtime";
    static final String TIMEOUT = "States.Timeout";
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

    private Errors() {
    }


    /** An error that ends the execution at once: nothing catches or retries it. */
    static boolean isTerminal(String error) {
        return RUNTIME.equals(error);
    }
}
