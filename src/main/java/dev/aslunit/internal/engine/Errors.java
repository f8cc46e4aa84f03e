package dev.aslunit.internal.engine;

import java.util.List;

/** AWS's error names and its rules for matching them against {@code ErrorEquals}. */
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

    /**
     * Nothing catches or retries {@code States.Runtime}, not even naming it. {@code States.ALL}
     * matches every other error: AWS's guide calls {@code States.DataLimitExceeded} terminal, but
     * recorded executions show a task's {@code States.DataLimitExceeded} caught by {@code States.ALL}.
     * {@code States.TaskFailed} matches what {@code States.ALL} matches except {@code States.Timeout};
     * other names match themselves.
     */
    static boolean matches(List<String> errorEquals, String error) {
        if (RUNTIME.equals(error)) {
            return false;
        }
        for (String e : errorEquals) {
            if (e.equals(error)) {
                return true;
            }
            if (e.equals(ALL) && !isTerminal(error)) {
                return true;
            }
            if (e.equals(TASK_FAILED) && !isTerminal(error) && !TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTerminal(String error) {
        return RUNTIME.equals(error);
    }
}
