package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.Retrier;
import dev.aslunit.internal.facts.ErrorEquals;
import dev.aslunit.internal.facts.Fact;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code Retry} and {@code Catch} of a Task, Parallel or Map state. The first retrier whose
 * {@code ErrorEquals} matches decides: it retries after its backoff while it has attempts left;
 * once it is exhausted (or none matches) the first matching catcher takes over; else the state's
 * frame fails with the error.
 */
final class Recovery {

    /** A compiled catcher: what it catches, where it goes, and how it shapes the error output. */
    static final class Catch {
        final List<String> errorEquals;
        final String nextName;
        final CatchFlow flow;
        Step next;

        Catch(List<String> errorEquals, String nextName, CatchFlow flow) {
            this.errorEquals = errorEquals;
            this.nextName = nextName;
            this.flow = flow;
        }
    }

    /** A catcher's output and assignments, in its state's query language. */
    interface CatchFlow {
        JsonNode output(Scope scope, JsonNode errorOutput);

        Map<String, JsonNode> assign(Scope scope, JsonNode errorOutput);
    }

    static final Recovery NONE = new Recovery(List.of(), List.of());

    final List<Retrier> retriers;
    final List<Catch> catchers;

    Recovery(List<Retrier> retriers, List<Catch> catchers) {
        this.retriers = retriers;
        this.catchers = catchers;
    }

    /**
     * Handles {@code error} of {@code run}: schedules {@code retry} after the backoff, or runs
     * {@code givingUp} (the state's own failure event) and then catches or fails the frame.
     */
    void handle(Step step, StateRun run, String error, String cause, Runnable retry, Runnable givingUp) {
        Frame frame = run.frame;
        if (error == null) {
            error = "";
        }
        for (int i = 0; i < retriers.size(); i++) {
            Retrier r = retriers.get(i);
            if (ErrorEquals.matches(r.errorEquals(), error)) {
                if (run.retriesOf(i) < r.maxAttempts()) {
                    Duration delay = delay(r, run.retriesOf(i), frame.run);
                    run.countRetry(i);
                    Step.record(run, new Fact.Retried(run.visit, i, delay));
                    frame.run.at(frame.run.now().plus(delay), () -> {
                        if (frame.isLive()) {
                            retry.run();
                        }
                    });
                    return;
                }
                Step.record(run, new Fact.Retried(run.visit, i, null));
                break;
            }
        }
        if (givingUp != null) {
            givingUp.run();
        }
        for (int i = 0; i < catchers.size(); i++) {
            Catch c = catchers.get(i);
            if (ErrorEquals.matches(c.errorEquals, error)) {
                Step.record(run, new Fact.Caught(run.visit, i, c.nextName));
                ObjectNode errorOutput = EngineJson.errorOutput(error, cause);
                Scope scope = new Scope(run, run.input);
                scope.errorOutput = errorOutput;
                try {
                    JsonNode output = c.flow.output(scope, errorOutput);
                    step.exited(run, output, c.flow.assign(scope, errorOutput));
                    frame.go(c.next, output);
                } catch (StateFailure f) {
                    Step.failFrame(frame, f);
                }
                return;
            }
        }
        frame.fail(error.isEmpty() ? null : error, cause);
    }

    /** {@code IntervalSeconds × BackoffRate^attempt}, capped by {@code MaxDelaySeconds}, FULL jitter drawn from the seed. */
    static Duration delay(Retrier r, int attempt, ExecutionRun execution) {
        double seconds = r.intervalSeconds() * Math.pow(r.backoffRate(), attempt);
        if (r.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, r.maxDelaySeconds());
        }
        if ("FULL".equals(r.jitterStrategy())) {
            seconds = execution.random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
