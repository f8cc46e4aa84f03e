package dev.aslunit;

import dev.aslunit.internal.history.Durations;
import dev.aslunit.internal.definition.Catcher;
import dev.aslunit.internal.definition.Retrier;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable, virtual-time account of an execution that failure messages end with: one line per
 * state visit (per attempt when a state was retried), the catcher that fired, and the outcome.
 * Written from the history alone, so it reads the same for any execution, live or recorded.
 * {@link dev.aslunit.internal.history.ExecutionTrace} prints the raw events instead (one line per event, for
 * the CLI); this one reads the derived visits, so it lives here, above the history package.
 */
final class StateTrace {

    private static final int CAUSE_LIMIT = 100;

    private record Row(String time, String name, String type, String text) {
    }

    private StateTrace() {
    }

    static String render(Execution execution, int maxLines) {
        Instant start = execution.startTime();
        List<Row> rows = new ArrayList<>();
        for (StateVisit v : execution.visits()) {
            addRows(execution, v, start, rows);
        }
        int timeWidth = 0;
        int nameWidth = 0;
        int typeWidth = 0;
        for (Row r : rows) {
            timeWidth = Math.max(timeWidth, r.time().length());
            nameWidth = Math.max(nameWidth, r.name().length());
            typeWidth = Math.max(typeWidth, r.type().length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Execution trace (virtual time from ").append(start == null ? "-" : start).append("):\n");
        int shown = Math.min(rows.size(), Math.max(1, maxLines));
        for (int i = 0; i < shown; i++) {
            Row r = rows.get(i);
            String line = "  " + pad(r.time(), timeWidth) + "  " + pad(r.name(), nameWidth) + "  "
                    + pad(r.type(), typeWidth) + "  " + r.text();
            sb.append(line.stripTrailing()).append('\n');
        }
        if (rows.size() > shown) {
            sb.append("  … ").append(rows.size() - shown).append(" more lines (-Daslunit.trace.maxLines=")
                    .append(rows.size()).append(" shows them all)\n");
        }
        sb.append(outcome(execution));
        for (String note : execution.notes()) {
            sb.append('\n').append(note);
        }
        return sb.toString();
    }

    private static void addRows(Execution execution, StateVisit v, Instant start, List<Row> rows) {
        String name = "  ".repeat(v.scope.depth()) + scopeMark(v.scope) + v.stateName();
        String entered = offset(start, v.enteredAt());
        List<TaskAttempt> attempts = v.attempts();
        boolean perAttempt = attempts.size() > 1 || (attempts.size() == 1 && attempts.get(0).failed());
        if (perAttempt) {
            for (TaskAttempt a : attempts) {
                String text = "attempt " + a.number() + " " + attemptText(execution, v, a);
                if (a.delayBefore() != null) {
                    text += "   (retry " + (a.number() - 1) + " after " + Durations.format(a.delayBefore()) + ")";
                }
                rows.add(new Row(offset(start, a.startedAt()), name, v.type(), text));
            }
            if (v.exited() && !v.failed()) {
                rows.add(new Row("", "", "", "→ " + (v.next() != null ? v.next() : "exited")));
            }
        } else {
            rows.add(new Row(entered, name, v.type(), visitText(execution, v)));
        }
        if (v.caughtBy() != null) {
            rows.add(new Row("", "", "", retriesExhausted(execution, v) + "caught " + v.error()
                    + catcherText(execution, v) + " → " + v.caughtBy()));
        }
    }

    private static String scopeMark(Scope scope) {
        if (scope.container == null || scope.visits.isEmpty()) {
            return "";
        }
        return "Map".equals(scope.container.type()) ? "[" + scope.index + "] " : "#" + scope.index + " ";
    }

    private static String attemptText(Execution execution, StateVisit v, TaskAttempt a) {
        switch (a.outcome()) {
            case SUCCEEDED:
                return "succeeded" + took(a.startedAt(), a.endedAt());
            case FAILED:
                return "failed: " + errorText(a.error(), a.cause());
            case TIMED_OUT:
                return "timed out: " + (a.error() == null ? "States.Timeout" : a.error()) + took(a.startedAt(), a.endedAt());
            case ABORTED:
                return "aborted";
            default:
                return running(execution, v);
        }
    }

    private static String visitText(Execution execution, StateVisit v) {
        if (v.aborted()) {
            return "aborted";
        }
        if ("Fail".equals(v.type())) {
            return v.error() != null ? errorText(v.error(), v.cause())
                    : errorText(execution.error(), execution.cause());
        }
        if (v.failed() && v.caughtBy() == null) {
            return "failed: " + errorText(v.error(), v.cause());
        }
        if (!v.exited()) {
            return "Wait".equals(v.type()) ? "waiting" : running(execution, v);
        }
        switch (v.type()) {
            case "Choice":
                return "→ " + v.next();
            case "Wait":
                return "waited " + Durations.format(v.duration());
            case "Map": {
                List<MapIteration> its = v.iterations();
                long ok = its.stream().filter(i -> i.outcome() == TaskAttempt.Outcome.SUCCEEDED).count();
                String text = its.size() + (its.size() == 1 ? " iteration" : " iterations");
                if (ok != its.size()) {
                    text += ": " + ok + " succeeded, " + (its.size() - ok) + " failed";
                }
                return text + took(v.enteredAt(), v.exitedAt());
            }
            case "Parallel":
                return v.branches().size() + " branches" + took(v.enteredAt(), v.exitedAt());
            default:
                return "succeeded" + took(v.enteredAt(), v.exitedAt());
        }
    }

    private static String running(Execution execution, StateVisit v) {
        if (execution.statesWaitingForTaskToken().contains(v.stateName()) || waitsForToken(execution, v)) {
            return "waiting for a task token";
        }
        return execution.isRunning() ? "running" : "did not finish";
    }

    private static boolean waitsForToken(Execution execution, StateVisit v) {
        State s = execution.stateDefinition(v.stateName());
        return s instanceof TaskState && ((TaskState) s).resource() != null
                && ((TaskState) s).resource().endsWith(".waitForTaskToken") && execution.isRunning();
    }

    /** "retries exhausted (Retry[0], MaxAttempts 3); " when a retrier matched the error and ran out. */
    private static String retriesExhausted(Execution execution, StateVisit v) {
        State s = execution.stateDefinition(v.stateName());
        if (v.retries() == 0 || !(s instanceof State.Retryable)) {
            return "";
        }
        List<Retrier> retriers = ((State.Retryable) s).retry();
        for (int i = 0; i < retriers.size(); i++) {
            List<String> errors = retriers.get(i).errorEquals();
            if (errors.contains(v.error()) || errors.contains("States.ALL")
                    || errors.contains("States.TaskFailed") && !v.error().startsWith("States.")) {
                return "retries exhausted (Retry[" + i + "], MaxAttempts " + retriers.get(i).maxAttempts() + "); ";
            }
        }
        return "";
    }

    private static String catcherText(Execution execution, StateVisit v) {
        State s = execution.stateDefinition(v.stateName());
        if (!(s instanceof State.Retryable)) {
            return "";
        }
        List<Catcher> catchers = ((State.Retryable) s).catchers();
        int fallback = -1;
        for (int i = 0; i < catchers.size(); i++) {
            Catcher c = catchers.get(i);
            if (c.next() != null && c.next().equals(v.caughtBy())) {
                if (c.errorEquals().contains(v.error())) {
                    return describe(i, c);
                }
                if (fallback < 0) {
                    fallback = i;
                }
            }
        }
        return fallback < 0 ? "" : describe(fallback, catchers.get(fallback));
    }

    private static String describe(int index, Catcher c) {
        return " by Catch[" + index + "] [" + Execution.quoted(c.errorEquals()) + "]";
    }

    private static String outcome(Execution execution) {
        String took = Durations.format(execution.duration());
        switch (execution.status()) {
            case SUCCEEDED:
                return "Execution succeeded after " + took;
            case FAILED:
                return "Execution failed after " + took + ": " + errorText(execution.error(), execution.cause());
            case TIMED_OUT:
                return "Execution timed out after " + took + ": " + errorText(execution.error(), execution.cause());
            case ABORTED:
                return "Execution aborted after " + took
                        + (execution.error() != null ? ": " + errorText(execution.error(), execution.cause()) : "");
            default:
                List<String> waiting = execution.statesWaitingForTaskToken();
                return "Execution still running after " + took
                        + (waiting.isEmpty() ? "" : ", waiting for a task token at " + Execution.quoted(waiting));
        }
    }

    static String errorText(String error, String cause) {
        String text = error == null ? "(no error name)" : error;
        if (cause != null && !cause.isEmpty()) {
            String c = cause.length() > CAUSE_LIMIT ? cause.substring(0, CAUSE_LIMIT) + "…" : cause;
            text += " \"" + c.replace("\n", "\\n") + "\"";
        }
        return text;
    }

    private static String took(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return "";
        }
        return " (took " + Durations.format(Duration.between(from, to)) + ")";
    }

    private static String offset(Instant start, Instant at) {
        return start == null || at == null ? "" : "+" + Durations.format(Duration.between(start, at));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
