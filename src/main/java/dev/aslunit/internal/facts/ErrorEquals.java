package dev.aslunit.internal.facts;

import java.util.List;

/** AWS's rule for matching an error against a retrier's or catcher's {@code ErrorEquals}. */
public final class ErrorEquals {

    private ErrorEquals() {
    }

    /**
     * Nothing catches or retries {@code States.Runtime}, not even naming it. {@code States.ALL}
     * matches every other error: AWS's guide calls {@code States.DataLimitExceeded} terminal, but
     * recorded executions show a task's {@code States.DataLimitExceeded} caught by {@code States.ALL}.
     * {@code States.TaskFailed} matches what {@code States.ALL} matches except {@code States.Timeout};
     * other names match themselves.
     */
    public static boolean matches(List<String> errorEquals, String error) {
        if ("States.Runtime".equals(error)) {
            return false;
        }
        for (String e : errorEquals) {
            if (e.equals(error) || e.equals("States.ALL")
                    || e.equals("States.TaskFailed") && !"States.Timeout".equals(error)) {
                return true;
            }
        }
        return false;
    }
}
