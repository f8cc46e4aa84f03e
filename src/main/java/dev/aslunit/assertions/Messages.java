package dev.aslunit.assertions;

import dev.aslunit.internal.history.Durations;
import dev.aslunit.Execution;
import dev.aslunit.StateVisit;
import dev.aslunit.TaskAttempt;
import dev.aslunit.mock.StateNames;
import dev.aslunit.internal.report.ExecutionPicture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pieces every failure message shares: subjects, lists, outcomes, attempts, "did you mean", the trace. */
final class Messages {

    private Messages() {
    }

    static String execution(Execution e) {
        return "execution \"" + e.name() + "\"";
    }

    static String state(Execution e, String state, String scope) {
        return "state \"" + state + "\"" + scope + " of " + execution(e);
    }

    /** Appends the bounded trace and names the file with the execution's picture: every execution message carries the evidence. */
    static String withTrace(String message, Execution e) {
        return message + "\n\n" + e.trace() + picture(e);
    }

    /** A picture that cannot be written (read-only directory) must not hide the failure it illustrates. */
    private static String picture(Execution e) {
        try {
            return "\nPicture of the execution: " + ExecutionPicture.write(e).toAbsolutePath();
        } catch (RuntimeException unwritable) {
            return "\n(No picture of the execution: " + unwritable.getMessage() + ")";
        }
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    static String list(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            quoted.add(quote(n));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    static String durations(List<Duration> ds) {
        List<String> out = new ArrayList<>();
        for (Duration d : ds) {
            out.add(Durations.format(d));
        }
        return "[" + String.join(", ", out) + "]";
    }

    static String times(int n) {
        return n == 1 ? "1 time" : n + " times";
    }

    static String errorLines(String error, String cause) {
        return "  error: " + error + (cause == null ? "" : "\n  cause: " + quote(cause));
    }

    /** How the execution actually ended, completing "but it …". */
    static String outcome(Execution e) {
        switch (e.status()) {
            case SUCCEEDED:
                return "succeeded with output:\n  " + JsonSupport.compact(e.output());
            case FAILED:
                return "failed with:\n" + errorLines(e.error(), e.cause());
            case TIMED_OUT:
                return "timed out with:\n" + errorLines(e.error(), e.cause());
            case ABORTED:
                return "was aborted" + (e.error() == null ? "" : " with:\n" + errorLines(e.error(), e.cause()));
            default:
                List<String> waiting = e.statesWaitingForTaskToken();
                return "is still running" + (waiting.isEmpty() ? ""
                        : ", waiting for a task token at " + String.join(", ", quoteAll(waiting)));
        }
    }

    static List<String> quoteAll(List<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(quote(n)));
        return out;
    }

    /** One line per attempt of a visit, with virtual times relative to the execution's start. */
    static String attempts(Execution e, StateVisit v) {
        StringBuilder sb = new StringBuilder();
        for (TaskAttempt a : v.attempts()) {
            sb.append("\n  attempt ").append(a.number()).append(" at ").append(offset(e, a.startedAt())).append(' ');
            switch (a.outcome()) {
                case SUCCEEDED:
                    sb.append("succeeded");
                    break;
                case FAILED:
                    sb.append("failed: ").append(a.error()).append(a.cause() == null ? "" : " " + quote(a.cause()));
                    break;
                case TIMED_OUT:
                    sb.append("timed out: ").append(a.error());
                    break;
                case ABORTED:
                    sb.append("aborted");
                    break;
                default:
                    sb.append("still running");
            }
            if (a.delayBefore() != null) {
                sb.append(" (after ").append(Durations.format(a.delayBefore())).append(')');
            }
        }
        return sb.length() == 0 ? "\n  (no attempts)" : sb.toString();
    }

    static String offset(Execution e, Instant at) {
        return "+" + Durations.format(Duration.between(e.startTime(), at));
    }

    /** "No state named "ShipOrdr" in execution "o-17"'s state machine; did you mean "ShipOrder"?" and the states. */
    static String noSuchState(Execution e, String name) {
        return "The state machine of " + execution(e) + " has no state named " + quote(name)
                + StateNames.didYouMean(name, e.stateNames())
                + "\nStates: " + String.join(", ", e.stateNames());
    }
}
