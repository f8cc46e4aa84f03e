package dev.aslunit.internal.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's {@link Fact}s folded into what a test reads: its status and result, every visit in
 * order, per scope and per state. The fold only files what the facts say (the next state of a visit
 * is the one entered after it in its scope; an error inside an iteration or branch is the error of
 * its Map's or Parallel's attempt); it guesses nothing. Built when first read, then kept while no
 * fact is added.
 */
public final class ExecutionRecord {

    private final ScopeRecord top = new ScopeRecord(null, null, 0);
    private final Map<Integer, ScopeRecord> scopes = new HashMap<>();
    private final Map<Integer, VisitRecord> visitsById = new HashMap<>();
    private final List<VisitRecord> visits = new ArrayList<>();
    private final Map<String, List<VisitRecord>> visitsByState = new LinkedHashMap<>();
    private ExecutionStatus status = ExecutionStatus.RUNNING;
    private Instant startedAt;
    private Instant stoppedAt;
    private Instant lastAt;
    private JsonNode input;
    private JsonNode output;
    private String error;
    private String cause;

    ExecutionRecord() {
        scopes.put(0, top);
    }

    /** The record of {@code facts}, in the order they were written. */
    public static ExecutionRecord of(List<Fact> facts) {
        ExecutionRecord r = new ExecutionRecord();
        for (Fact f : facts) {
            r.apply(f);
        }
        return r;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When the execution ended, or {@code null} while it runs. */
    public Instant stoppedAt() {
        return stoppedAt;
    }

    /** From start to stop; for a running execution, to the latest fact. */
    public Duration duration() {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, stoppedAt != null ? stoppedAt : lastAt);
    }

    public JsonNode input() {
        return input;
    }

    public JsonNode output() {
        return output;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public ScopeRecord top() {
        return top;
    }

    /** Every visit at any depth, in the order the states were entered. */
    public List<VisitRecord> visits() {
        return Collections.unmodifiableList(visits);
    }

    /** The visits of the state of this name, in order; empty when never entered. */
    public List<VisitRecord> visitsOf(String state) {
        return visitsByState.getOrDefault(state, List.of());
    }

    VisitRecord visit(int id) {
        return visitsById.get(id);
    }

    ScopeRecord scope(int id) {
        return scopes.get(id);
    }

    List<VisitRecord> namedVisits(String state) {
        return visitsByState.get(state);
    }

    void apply(Fact fact) {
        if (fact instanceof Fact.Entered e) {
            entered(e);
        } else if (fact instanceof Fact.Exited e) {
            exited(e);
        } else if (fact instanceof Fact.AttemptStarted a) {
            VisitRecord v = visitsById.get(a.visit());
            AttemptRecord previous = v.lastAttempt();
            Duration delay = previous == null || previous.endedAt == null ? null : Duration.between(previous.endedAt, a.at());
            v.attempts.add(new AttemptRecord(v.attempts.size() + 1, a.at(), a.resource(), a.parameters(), delay));
            v.children.clear();
            v.openChildren = 0;
            v.maxConcurrencyObserved = 0;
            seen(a.at());
        } else if (fact instanceof Fact.AttemptEnded a) {
            VisitRecord v = visitsById.get(a.visit());
            AttemptRecord last = v.lastAttempt();
            if (last != null && last.outcome == ExecutionStatus.RUNNING) {
                end(last, a.outcome(), a.at());
                last.result = a.result();
                if (a.error() != null) {
                    last.error = a.error();
                    last.cause = a.cause();
                }
                if (last.failed()) {
                    propagate(v, last.error, last.cause);
                }
            }
            seen(a.at());
        } else if (fact instanceof Fact.Retried r) {
            AttemptRecord last = visitsById.get(r.visit()).lastAttempt();
            if (last != null) {
                last.retrier = r.retrier();
                last.retryDelay = r.delay();
            }
        } else if (fact instanceof Fact.Caught c) {
            visitsById.get(c.visit()).catcher = c.catcher();
        } else if (fact instanceof Fact.Chose c) {
            visitsById.get(c.visit()).choiceRule = c.rule();
        } else if (fact instanceof Fact.Failed f) {
            VisitRecord v = visitsById.get(f.visit());
            v.error = f.error();
            v.cause = f.cause();
            propagate(v, v.error, v.cause);
        } else if (fact instanceof Fact.Aborted a) {
            VisitRecord v = visitsById.get(a.visit());
            v.aborted = true;
            AttemptRecord last = v.lastAttempt();
            if (last != null && last.outcome == ExecutionStatus.RUNNING) {
                end(last, ExecutionStatus.ABORTED, a.at());
            }
            seen(a.at());
        } else if (fact instanceof Fact.ScopeOpened o) {
            VisitRecord container = visitsById.get(o.container());
            ScopeRecord s = new ScopeRecord(scopes.get(o.parent()), container, o.index());
            scopes.put(o.scope(), s);
            container.children.add(s);
            if (s.isMapIteration()) {
                container.openChildren++;
                container.maxConcurrencyObserved = Math.max(container.maxConcurrencyObserved, container.openChildren);
            }
        } else if (fact instanceof Fact.ScopeEnded e) {
            ScopeRecord s = scopes.get(e.scope());
            s.outcome = e.outcome();
            if (s.isMapIteration()) {
                s.container.openChildren--;
            }
        } else if (fact instanceof Fact.Started s) {
            startedAt = s.at();
            input = s.input();
            seen(s.at());
        } else if (fact instanceof Fact.Ended e) {
            status = e.status();
            stoppedAt = e.at();
            output = e.output();
            error = e.error();
            cause = e.cause();
            seen(e.at());
        } else if (fact instanceof Fact.Redriven r) {
            status = ExecutionStatus.RUNNING;
            stoppedAt = null;
            output = null;
            error = null;
            cause = null;
            seen(r.at());
        }
    }

    private void entered(Fact.Entered e) {
        ScopeRecord scope = scopes.getOrDefault(e.scope(), top);
        VisitRecord previous = scope.visits.isEmpty() ? null : scope.visits.get(scope.visits.size() - 1);
        if (previous != null && previous.exited && previous.next == null) {
            previous.next = e.state();
        }
        VisitRecord v = new VisitRecord(e.state(), e.type(), scope, e.at(), e.input());
        visitsById.put(e.visit(), v);
        scope.visits.add(v);
        scope.open = v;
        visits.add(v);
        visitsByState.computeIfAbsent(e.state(), k -> new ArrayList<>()).add(v);
        seen(e.at());
    }

    private void exited(Fact.Exited e) {
        VisitRecord v = visitsById.get(e.visit());
        v.exited = true;
        v.exitedAt = e.at();
        v.output = e.output();
        if (e.assigned() != null) {
            v.assignedVariables = Collections.unmodifiableMap(new LinkedHashMap<>(e.assigned()));
            v.scope.assign(e.assigned());
        }
        v.variablesAfter = v.scope.snapshot();
        if (v.scope.open == v) {
            v.scope.open = null;
        }
        seen(e.at());
    }

    private static void end(AttemptRecord a, ExecutionStatus outcome, Instant at) {
        a.outcome = outcome;
        a.endedAt = at;
    }

    /** A failure inside a Map iteration or Parallel branch becomes the error of the container's attempt. */
    private static void propagate(VisitRecord v, String error, String cause) {
        VisitRecord container = v.scope.container;
        if (container != null && container.lastAttempt() != null && error != null) {
            container.lastAttempt().error = error;
            container.lastAttempt().cause = cause;
        }
    }

    private void seen(Instant at) {
        if (at != null && (lastAt == null || at.isAfter(lastAt))) {
            lastAt = at;
        }
    }
}
