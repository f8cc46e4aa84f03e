package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One entry into a state, as the engine ran it (or as a recorded history tells it): input and output,
 * attempts, the error it failed with, the catcher or Choice rule that chose what came next, the
 * variables it assigned, and for a Map or Parallel state the iterations or branches of its last
 * attempt. Read-only outside this package: {@link ExecutionRecord} fills it in.
 */
public final class VisitRecord {

    final String state;
    final String type;
    final ScopeRecord scope;
    final Instant enteredAt;
    final JsonNode input;
    final List<AttemptRecord> attempts = new ArrayList<>();
    final List<ScopeRecord> children = new ArrayList<>();
    Instant exitedAt;
    JsonNode output;
    boolean exited;
    boolean aborted;
    String error;
    String cause;
    String next;
    int catcher = -1;
    int choiceRule = NO_RULE;
    int openChildren;
    int maxConcurrencyObserved;
    Map<String, JsonNode> assignedVariables = Map.of();
    Map<String, JsonNode> variablesAfter = Map.of();

    /** {@link #choiceRule()} of a visit that is no Choice, or whose decision is not known. */
    public static final int NO_RULE = -2;
    /** {@link #choiceRule()} when the Choice went to its {@code Default}. */
    public static final int DEFAULT_RULE = -1;

    VisitRecord(String state, String type, ScopeRecord scope, Instant enteredAt, JsonNode input) {
        this.state = state;
        this.type = type;
        this.scope = scope;
        this.enteredAt = enteredAt;
        this.input = input;
    }

    public String state() {
        return state;
    }

    /** ASL's type as the history names it: {@code Task}, {@code Choice}, {@code Map}, ... */
    public String type() {
        return type;
    }

    public ScopeRecord scope() {
        return scope;
    }

    public Instant enteredAt() {
        return enteredAt;
    }

    public JsonNode input() {
        return input;
    }

    public List<AttemptRecord> attempts() {
        return Collections.unmodifiableList(attempts);
    }

    public AttemptRecord lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    /** The iterations or branches of the last attempt, in the order they started. */
    public List<ScopeRecord> children() {
        return Collections.unmodifiableList(children);
    }

    /** A Map visit's iterations in its last attempt, by index (the latest run of each index). */
    public List<ScopeRecord> iterations() {
        if (!"Map".equals(type)) {
            return List.of();
        }
        java.util.TreeMap<Integer, ScopeRecord> latest = new java.util.TreeMap<>();
        for (ScopeRecord s : children) {
            latest.put(s.index, s);
        }
        return List.copyOf(latest.values());
    }

    public Instant exitedAt() {
        return exitedAt;
    }

    public JsonNode output() {
        return output;
    }

    public boolean exited() {
        return exited;
    }

    public boolean aborted() {
        return aborted;
    }

    /** The state's own error (a Fail state's, an evaluation's), not an attempt's. */
    public String ownError() {
        return error;
    }

    public String ownCause() {
        return cause;
    }

    /** The error the state ended with, or {@code null}: its last attempt's if that failed, else its own. */
    public String error() {
        AttemptRecord last = lastAttempt();
        if (last != null && last.failed()) {
            return last.error != null ? last.error : error;
        }
        return error;
    }

    public String cause() {
        AttemptRecord last = lastAttempt();
        if (last != null && last.failed() && last.error != null) {
            return last.cause;
        }
        return cause;
    }

    public boolean failed() {
        return error() != null;
    }

    /** The state entered next in the same scope, or {@code null}. */
    public String next() {
        return next;
    }

    /** The catcher's target when the state failed and a {@code Catch} moved the execution on, else {@code null}. */
    public String caughtBy() {
        return failed() && exited ? next : null;
    }

    /** The index of the catcher that caught the state's error, or -1 (none, or not known). */
    public int catcher() {
        return catcher;
    }

    /** The index of the Choice rule that matched, {@link #DEFAULT_RULE}, or {@link #NO_RULE}. */
    public int choiceRule() {
        return choiceRule;
    }

    public int maxConcurrencyObserved() {
        return maxConcurrencyObserved;
    }

    public Map<String, JsonNode> assignedVariables() {
        return assignedVariables;
    }

    public Map<String, JsonNode> variablesAfter() {
        return variablesAfter;
    }

    /** The index of the nearest enclosing Map iteration, or -1 outside any. */
    public int iterationIndex() {
        for (ScopeRecord s = scope; s.container != null; s = s.parent) {
            if (s.isMapIteration()) {
                return s.index;
            }
        }
        return -1;
    }
}
