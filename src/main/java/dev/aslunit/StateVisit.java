package dev.aslunit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry into a state, from its {@code *StateEntered} event to its {@code *StateExited} event (or
 * to where the history ends), with what the history tells about it: input and output, attempts and
 * the backoff between them, the error it failed with, the state that caught it, the variables it
 * assigned; for a Map its iterations, for a Parallel its branches (of the last attempt).
 */
public final class StateVisit {

    private final String stateName;
    private final String type;
    final Scope scope;
    private final Instant enteredAt;
    private final JsonNode input;
    final List<TaskAttempt> attempts = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();
    Instant exitedAt;
    JsonNode output;
    boolean exited;
    boolean aborted;
    String error;
    String cause;
    String next;
    int openChildren;
    int maxConcurrencyObserved;
    Map<String, JsonNode> assignedVariables = Map.of();
    Map<String, JsonNode> variablesAfter = Map.of();

    StateVisit(String stateName, String type, Scope scope, Instant enteredAt, JsonNode input) {
        this.stateName = stateName;
        this.type = type;
        this.scope = scope;
        this.enteredAt = enteredAt;
        this.input = input;
    }

    public String stateName() {
        return stateName;
    }

    /** ASL's type as the history names it: {@code Task}, {@code Choice}, {@code Map}, ... */
    public String type() {
        return type;
    }

    public Instant enteredAt() {
        return enteredAt;
    }

    /** When the state exited, or {@code null} when it never did (it failed uncaught, or still runs). */
    public Instant exitedAt() {
        return exitedAt;
    }

    public boolean exited() {
        return exited;
    }

    /** The virtual time from entering to exiting, or {@code null} when the state never exited. */
    public Duration duration() {
        return exitedAt == null ? null : Duration.between(enteredAt, exitedAt);
    }

    public JsonNode input() {
        return input;
    }

    /** The state's output, or {@code null} when it never exited. */
    public JsonNode output() {
        return output;
    }

    public List<TaskAttempt> attempts() {
        return Collections.unmodifiableList(attempts);
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
        return error() != null;
    }

    /** The error the state ended with, or {@code null}. */
    public String error() {
        TaskAttempt last = lastAttempt();
        if (last != null && last.failed()) {
            return last.error() != null ? last.error() : error;
        }
        return error;
    }

    public String cause() {
        TaskAttempt last = lastAttempt();
        if (last != null && last.failed() && last.error() != null) {
            return last.cause();
        }
        return cause;
    }

    /** Whether the last attempt ended with {@code States.Timeout} or {@code States.HeartbeatTimeout}. */
    public boolean timedOut() {
        TaskAttempt last = lastAttempt();
        return last != null && last.outcome() == TaskAttempt.Outcome.TIMED_OUT;
    }

    public boolean aborted() {
        return aborted;
    }

    /** The state entered next in the same scope (a Choice's decision, a catcher's target), or {@code null}. */
    public String next() {
        return next;
    }

    /** The catcher's target when the state failed and a {@code Catch} moved the execution on, else {@code null}. */
    public String caughtBy() {
        return failed() && exited ? next : null;
    }

    /** The variables this state assigned ({@code assignedVariables} of its exit event). */
    public Map<String, JsonNode> assignedVariables() {
        return assignedVariables;
    }

    /** Every variable visible in this state's scope right after it exited. */
    public Map<String, JsonNode> variablesAfter() {
        return variablesAfter;
    }

    /** A Map state's iterations in its last attempt, ordered by index. */
    public List<MapIteration> iterations() {
        List<MapIteration> iterations = new ArrayList<>();
        if ("Map".equals(type)) {
            List<Scope> byIndex = new ArrayList<>(children);
            byIndex.sort(java.util.Comparator.comparingInt(s -> s.index));
            Map<Integer, Scope> latest = new LinkedHashMap<>();
            for (Scope s : byIndex) {
                latest.put(s.index, s);
            }
            latest.values().forEach(s -> iterations.add(new MapIteration(s)));
        }
        return iterations;
    }

    /** The most Map iterations that were running at the same time in the last attempt. */
    public int maxConcurrencyObserved() {
        return maxConcurrencyObserved;
    }

    /** A Parallel state's branches in its last attempt, in the definition's order. */
    public List<ParallelBranch> branches() {
        List<ParallelBranch> branches = new ArrayList<>();
        if ("Parallel".equals(type)) {
            children.forEach(s -> branches.add(new ParallelBranch(s)));
        }
        return branches;
    }

    /** The index of the nearest enclosing Map iteration, or -1 outside any. */
    public int iterationIndex() {
        for (Scope s = scope; s.container != null; s = s.parent) {
            if ("Map".equals(s.container.type())) {
                return s.index;
            }
        }
        return -1;
    }

    /** Where this visit ran: "" at the top level, {@code Process[2]} in a Map iteration, {@code Fan branch 1} in a branch. */
    public String where() {
        return scope.label();
    }

    @Override
    public String toString() {
        return (where().isEmpty() ? "" : where() + " > ") + stateName + " (" + type + ")";
    }
}
