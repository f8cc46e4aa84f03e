package dev.aslunit.internal.facts;

import dev.aslunit.internal.definition.Catcher;
import dev.aslunit.internal.definition.Retrier;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.history.Durations;
import dev.aslunit.internal.json.JsonWriting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The readable, virtual-time account of an execution that failure messages end with and the CLI's
 * {@code run} prints: one line per state visit (per attempt when a state was retried), the retrier
 * that ran out and the catcher that fired, and the outcome. Written from the {@link ExecutionRecord}
 * alone, so it reads the same for any execution, live or read from a recorded history.
 */
public final class Trace {

    private static final int CAUSE_LIMIT = 100;

    private record Row(String time, String name, String type, String text) {
    }

    /** What the trace reads: the record, the states as defined, who waits for a task token, notes to add. */
    private record Execution(ExecutionRecord record, Function<String, State> states, List<String> waiting,
            List<String> notes, boolean detailed) {
        boolean isRunning() {
            return record.status() == ExecutionStatus.RUNNING;
        }
    }

    private Trace() {
    }

    /**
     * The trace of {@code record}, at most {@code maxLines} lines of visits; {@code states} gives a
     * state's definition by name, {@code waiting} the states waiting for a task token, {@code notes}
     * the lines to add under it.
     */
    public static String render(ExecutionRecord record, Function<String, State> states, List<String> waiting,
            List<String> notes, int maxLines) {
        return render(new Execution(record, states, waiting, notes, false), maxLines);
    }

    /** The whole trace with what each task call was given and every cause in full: the CLI's {@code run}. */
    public static String detailed(ExecutionRecord record, Function<String, State> states, List<String> waiting) {
        return render(new Execution(record, states, waiting, List.of(), true), Integer.MAX_VALUE);
    }

    private static String render(Execution execution, int maxLines) {
        ExecutionRecord record = execution.record();
        Instant start = record.startedAt();
        List<Row> rows = new ArrayList<>();
        for (VisitRecord v : record.visits()) {
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

    private static void addRows(Execution execution, VisitRecord v, Instant start, List<Row> rows) {
        String name = "  ".repeat(v.scope().depth()) + scopeMark(v.scope()) + v.state();
        String entered = offset(start, v.enteredAt());
        List<AttemptRecord> attempts = v.attempts();
        boolean perAttempt = attempts.size() > 1 || (attempts.size() == 1 && attempts.get(0).failed());
        if (perAttempt) {
            for (AttemptRecord a : attempts) {
                String text = "attempt " + a.number() + " " + attemptText(execution, v, a) + given(execution, a);
                if (a.delayBefore() != null) {
                    text += "   (retry " + (a.number() - 1) + " after " + Durations.format(a.delayBefore()) + ")";
                }
                rows.add(new Row(offset(start, a.startedAt()), name, v.type(), text));
            }
            if (v.exited() && !v.failed()) {
                rows.add(new Row("", "", "", "→ " + (v.next() != null ? v.next() : "exited")));
            }
        } else {
            rows.add(new Row(entered, name, v.type(), visitText(execution, v)
                    + (attempts.isEmpty() ? "" : given(execution, attempts.get(0)))));
        }
        if (v.caughtBy() != null) {
            rows.add(new Row("", "", "", retriesExhausted(execution, v) + "caught " + v.error()
                    + catcherText(execution, v) + " → " + v.caughtBy()));
        }
    }

    private static String scopeMark(ScopeRecord scope) {
        if (scope.container() == null || scope.visits().isEmpty()) {
            return "";
        }
        return scope.isMapIteration() ? "[" + scope.index() + "] " : "#" + scope.index() + " ";
    }

    private static String attemptText(Execution execution, VisitRecord v, AttemptRecord a) {
        switch (a.outcome()) {
            case SUCCEEDED:
                return "succeeded" + took(a.startedAt(), a.endedAt());
            case FAILED:
                // a callback that failed after an hour took that hour, as a timed-out one does
                return "failed: " + errorText(execution, a.error(), a.cause()) + took(a.startedAt(), a.endedAt());
            case TIMED_OUT:
                return "timed out: " + (a.error() == null ? "States.Timeout" : a.error()) + took(a.startedAt(), a.endedAt());
            case ABORTED:
                return "aborted";
            default:
                return running(execution, v);
        }
    }

    private static String visitText(Execution execution, VisitRecord v) {
        if (v.aborted()) {
            return "aborted";
        }
        if ("Fail".equals(v.type())) {
            return v.error() != null ? errorText(execution, v.error(), v.cause())
                    : errorText(execution, execution.record().error(), execution.record().cause());
        }
        if (v.failed() && v.caughtBy() == null) {
            return "failed: " + errorText(execution, v.error(), v.cause());
        }
        if (!v.exited()) {
            return "Wait".equals(v.type()) ? "waiting" : running(execution, v);
        }
        switch (v.type()) {
            case "Choice":
                return "→ " + v.next();
            case "Wait":
                return "waited " + Durations.format(Duration.between(v.enteredAt(), v.exitedAt()));
            case "Map": {
                List<ScopeRecord> its = v.iterations();
                long ok = its.stream().filter(i -> i.outcome() == ExecutionStatus.SUCCEEDED).count();
                String text = its.size() + (its.size() == 1 ? " iteration" : " iterations");
                if (ok != its.size()) {
                    text += ": " + ok + " succeeded, " + (its.size() - ok) + " failed";
                }
                return text + took(v.enteredAt(), v.exitedAt());
            }
            case "Parallel":
                return v.children().size() + " branches" + took(v.enteredAt(), v.exitedAt());
            default:
                return "succeeded" + took(v.enteredAt(), v.exitedAt());
        }
    }

    private static String running(Execution execution, VisitRecord v) {
        if (execution.waiting().contains(v.state()) || waitsForToken(execution, v)) {
            return "waiting for a task token";
        }
        return execution.isRunning() ? "running" : "did not finish";
    }

    private static boolean waitsForToken(Execution execution, VisitRecord v) {
        State s = execution.states().apply(v.state());
        return s instanceof TaskState && ((TaskState) s).resource() != null
                && ((TaskState) s).resource().endsWith(".waitForTaskToken") && execution.isRunning();
    }

    /** "retries exhausted (Retry[0], MaxAttempts 3); " when a retrier matched the error and ran out. */
    private static String retriesExhausted(Execution execution, VisitRecord v) {
        State s = execution.states().apply(v.state());
        AttemptRecord last = v.lastAttempt();
        if (v.attempts().size() < 2 || !last.retriesExhausted() || !(s instanceof State.Retryable)) {
            return "";
        }
        Retrier r = ((State.Retryable) s).retry().get(last.retrier());
        return "retries exhausted (Retry[" + last.retrier() + "], MaxAttempts " + r.maxAttempts() + "); ";
    }

    private static String catcherText(Execution execution, VisitRecord v) {
        State s = execution.states().apply(v.state());
        if (v.catcher() < 0 || !(s instanceof State.Retryable)) {
            return "";
        }
        return describe(v.catcher(), ((State.Retryable) s).catchers().get(v.catcher()));
    }

    private static String describe(int index, Catcher c) {
        return " by Catch[" + index + "] [" + quoted(c.errorEquals()) + "]";
    }

    private static String outcome(Execution execution) {
        ExecutionRecord r = execution.record();
        String took = Durations.format(r.duration());
        switch (r.status()) {
            case SUCCEEDED:
                return "Execution succeeded after " + took;
            case FAILED:
                return "Execution failed after " + took + ": " + errorText(execution, r.error(), r.cause());
            case TIMED_OUT:
                return "Execution timed out after " + took + ": " + errorText(execution, r.error(), r.cause());
            case ABORTED:
                return "Execution aborted after " + took
                        + (r.error() != null ? ": " + errorText(execution, r.error(), r.cause()) : "");
            default:
                List<String> waiting = execution.waiting();
                return "Execution still running after " + took
                        + (waiting.isEmpty() ? "" : ", waiting for a task token at " + quoted(waiting));
        }
    }

    /** Names in quotes, comma-separated: {@code "A", "B"}. */
    public static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
        }
        return sb.toString();
    }

    /** In the detailed trace, "  with {...}": what a task call was given. */
    private static String given(Execution execution, AttemptRecord a) {
        return execution.detailed() && a.parameters() != null ? "  with " + JsonWriting.text(a.parameters()) : "";
    }

    private static String errorText(Execution execution, String error, String cause) {
        String text = error == null ? "(no error name)" : error;
        if (cause != null && !cause.isEmpty()) {
            String c = cause.length() > CAUSE_LIMIT && !execution.detailed() ? cause.substring(0, CAUSE_LIMIT) + "…" : cause;
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
