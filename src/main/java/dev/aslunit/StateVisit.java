package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Records;
import dev.aslunit.internal.facts.VisitRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One entry into a state, from entering it to exiting it (or to where the execution stopped), as the
 * engine recorded it (or a recorded history tells it): input and output, attempts and the backoff
 * between them, the error it failed with, the state that caught it, the variables it assigned; for a
 * Map its iterations, for a Parallel its branches (of the last attempt).
 */
public final class StateVisit {

    static {
        Records.install(v -> ((StateVisit) v).record);
    }

    private final ExecutionView view;
    final VisitRecord record;
    private final List<TaskAttempt> attempts;

    StateVisit(ExecutionView view, VisitRecord record) {
        this.view = view;
        this.record = record;
        List<TaskAttempt> list = new ArrayList<>(record.attempts().size());
        record.attempts().forEach(a -> list.add(new TaskAttempt(a)));
        this.attempts = List.copyOf(list);
    }

    public String stateName() {
        return record.state();
    }

    /** ASL's type as the history names it: {@code Task}, {@code Choice}, {@code Map}, ... */
    public String type() {
        return record.type();
    }

    public Instant enteredAt() {
        return record.enteredAt();
    }

    /** When the state exited, or {@code null} when it never did (it failed uncaught, or still runs). */
    public Instant exitedAt() {
        return record.exitedAt();
    }

    public boolean exited() {
        return record.exited();
    }

    /** The virtual time from entering to exiting, or {@code null} when the state never exited. */
    public Duration duration() {
        return exitedAt() == null ? null : Duration.between(enteredAt(), exitedAt());
    }

    public JsonNode input() {
        return record.input();
    }

    /** The state's output, or {@code null} when it never exited. */
    public JsonNode output() {
        return record.output();
    }

    public List<TaskAttempt> attempts() {
        return attempts;
    }

    /** How many times the state was retried: attempts after the first. */
    public int retries() {
        return Math.max(0, attempts.size() - 1);
    }

    /** The backoff applied before each retry, in order. */
    public List<Duration> retryDelays() {
        List<Duration> delays = new ArrayList<>();
        for (TaskAttempt a : attempts) {
            if (a.delayBefore() != null) {
                delays.add(a.delayBefore());
            }
        }
        return delays;
    }

    /** The errors of the attempts that were retried, in order. */
    public List<String> retriedErrors() {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < attempts.size() - 1; i++) {
            errors.add(attempts.get(i).error());
        }
        return errors;
    }

    public TaskAttempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    /** Whether the state ended in an error (caught or not): its last attempt failed, or its evaluation failed. */
    public boolean failed() {
        return record.failed();
    }

    /** The error the state ended with, or {@code null}. */
    public String error() {
        return record.error();
    }

    public String cause() {
        return record.cause();
    }

    /** Whether the last attempt ended with {@code States.Timeout} or {@code States.HeartbeatTimeout}. */
    public boolean timedOut() {
        return record.lastAttempt() != null && record.lastAttempt().outcome() == ExecutionStatus.TIMED_OUT;
    }

    public boolean aborted() {
        return record.aborted();
    }

    /** The state entered next in the same scope (a Choice's decision, a catcher's target), or {@code null}. */
    public String next() {
        return record.next();
    }

    /** The catcher's target when the state failed and a {@code Catch} moved the execution on, else {@code null}. */
    public String caughtBy() {
        return record.caughtBy();
    }

    /** The variables this state assigned ({@code assignedVariables} of its exit event). */
    public Map<String, JsonNode> assignedVariables() {
        return record.assignedVariables();
    }

    /** Every variable visible in this state's scope right after it exited. */
    public Map<String, JsonNode> variablesAfter() {
        return record.variablesAfter();
    }

    /** A Map state's iterations in its last attempt, ordered by index. */
    public List<MapIteration> iterations() {
        List<MapIteration> iterations = new ArrayList<>();
        record.iterations().forEach(s -> iterations.add(new MapIteration(view, s)));
        return iterations;
    }

    /** The most Map iterations that were running at the same time in the last attempt. */
    public int maxConcurrencyObserved() {
        return record.maxConcurrencyObserved();
    }

    /** A Parallel state's branches in its last attempt, in the definition's order. */
    public List<ParallelBranch> branches() {
        List<ParallelBranch> branches = new ArrayList<>();
        if ("Parallel".equals(type())) {
            record.children().forEach(s -> branches.add(new ParallelBranch(view, s)));
        }
        return branches;
    }

    /** The index of the nearest enclosing Map iteration, or -1 outside any. */
    public int iterationIndex() {
        return record.iterationIndex();
    }

    /** Where this visit ran: "" at the top level, {@code Process[2]} in a Map iteration, {@code Fan branch 1} in a branch. */
    public String where() {
        return record.scope().label();
    }

    @Override
    public String toString() {
        return (where().isEmpty() ? "" : where() + " > ") + stateName() + " (" + type() + ")";
    }
}
