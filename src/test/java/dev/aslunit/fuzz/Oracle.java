package dev.aslunit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.engine.S3ObjectStore;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.validation.Diagnostic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * What docs/engine.md promises of any valid workflow, checked on one {@link FuzzCase}: the loader
 * accepts it, and three runs (the same twice, then once with a Distributed Map's child executions
 * kept) each end within {@link #TIME_LIMIT} as AWS would end one, with identical histories; the
 * second, when it failed or timed out, ends as AWS would after a redrive too.
 */
final class Oracle {

    /**
     * Far above any generated workflow's real cost (milliseconds; a few seconds for three runs to
     * the 25,000-event limit on a machine loaded twelve times over), so only a hang reaches it.
     */
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** The errors a run may end with that are not {@code States.*}: the mocks' and the Fail states'. */
    private static final Set<String> OWN_ERRORS = Set.of("Lambda.TooManyRequestsException", "Custom.Error");
    private static final Map<ExecutionStatus, String> LAST_EVENT = Map.of(ExecutionStatus.SUCCEEDED,
            "ExecutionSucceeded", ExecutionStatus.FAILED, "ExecutionFailed", ExecutionStatus.TIMED_OUT,
            "ExecutionTimedOut");
    // daemon threads: a run that hangs and ignores interruption must not keep the test JVM alive
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-run");
        t.setDaemon(true);
        return t;
    });

    private Oracle() {
    }

    /** A failure's kind (for shrinking: a smaller case must fail the same way) and what it says. */
    record Problem(String kind, String message) {
    }

    /** The outcome of a case that passed, for the run's statistics. */
    record Outcome(ExecutionStatus status, String error, boolean hitEventLimit) {
    }

    static Optional<Problem> check(FuzzCase c) {
        return checkAndRun(c).problem();
    }

    record Result(Optional<Problem> problem, Outcome outcome) {
    }

    static Result checkAndRun(FuzzCase c) {
        LoadedDefinition loaded = DefinitionLoader.fromString(Json.write(c.definition())).named("fuzz-" + c.seed()).load();
        if (!loaded.isValid()) {
            return failed("refused: " + loaded.errors().get(0).code(), "the validator refused a generated definition:\n"
                    + loaded.errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        Future<Result> runs = RUNNER.submit(() -> runThreeTimes(c, loaded));
        try {
            return runs.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            runs.cancel(true);
            return failed("hang", "the runs did not end within " + TIME_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return failed("exception", "the engine threw:\n" + stackTrace(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted", "interrupted");
        }
    }

    private static Result runThreeTimes(FuzzCase c, LoadedDefinition loaded) {
        CompiledStateMachine machine = CompiledStateMachine.compile(loaded.definition(), "Fuzz");
        ExecutionRun first = run(machine, c, false);
        Optional<String> ending = endsAsAwsWould(first, c.definition());
        if (ending.isPresent()) {
            List<HistoryEvent> history = first.history();
            return failed(ending.get(), ending.get() + "\nthe history's last events:\n"
                    + render(history.subList(Math.max(0, history.size() - 20), history.size())));
        }
        ExecutionRun second = run(machine, c, false);
        Optional<String> difference = firstDifference(first.history(), second.history());
        if (difference.isPresent()) {
            return failed("nondeterministic", "the second run's history differs from the first's:\n" + difference.get());
        }
        // a failed or timed-out run may be redriven (docs/engine.md): from the state that failed, to
        // an end AWS could give too
        if (second.status() != ExecutionStatus.SUCCEEDED && second.notRedrivableReason() == null) {
            second.redrive();
            second.awaitCompletion();
            Optional<String> redriven = endsAsAwsWould(second, c.definition());
            if (redriven.isPresent()) {
                List<HistoryEvent> history = second.history();
                return failed("redrive: " + redriven.get(), "after a redrive, " + redriven.get()
                        + "\nthe history's last events:\n" + render(history.subList(Math.max(0, history.size() - 20),
                        history.size())));
            }
        }
        // a Distributed Map's children build their events only when kept: the parent must not notice
        // (nothing else reads the option, so without one the third run would repeat the second)
        if (!c.definition().toString().contains("DISTRIBUTED")) {
            return new Result(Optional.empty(), outcome(first));
        }
        ExecutionRun keepingChildren = run(machine, c, true);
        difference = firstDifference(first.history(), keepingChildren.history());
        if (difference.isPresent()) {
            return failed("children", "keeping the child executions changed the history:\n" + difference.get());
        }
        return new Result(Optional.empty(), outcome(first));
    }

    private static Outcome outcome(ExecutionRun run) {
        return new Outcome(run.status(), run.error(), run.cause() != null && run.cause().contains("history events"));
    }

    /**
     * SUCCEEDED, or FAILED / TIMED_OUT with a {@code States.*} error, a mocked one or a Fail state's
     * (the generator's Fail states use only those), as the history's last event says. No error only
     * where AWS gives none: a Fail state without {@code Error}, and the machine's own
     * {@code TimeoutSeconds} (an {@code ExecutionTimedOut} event without details). Never more
     * events than AWS's limit, and never still RUNNING: nothing in a generated workflow waits for a
     * callback, so a run that stops moving before its end is a bug.
     */
    private static Optional<String> endsAsAwsWould(ExecutionRun run, JsonNode definition) {
        ExecutionStatus status = run.status();
        if (!LAST_EVENT.containsKey(status)) {
            return Optional.of("the run ended " + status + ", which no generated workflow can on AWS");
        }
        List<HistoryEvent> history = run.history();
        if (history.size() > ExecutionRun.HISTORY_LIMIT) {
            return Optional.of("the history has " + history.size() + " events, more than AWS's limit of "
                    + ExecutionRun.HISTORY_LIMIT);
        }
        String last = history.get(history.size() - 1).type();
        if (!last.equals(LAST_EVENT.get(status))) {
            return Optional.of("the run ended " + status + " but its last event is " + last);
        }
        if (status != ExecutionStatus.SUCCEEDED) {
            String error = run.error();
            boolean mayHaveNoError = status == ExecutionStatus.FAILED ? hasFailWithoutError(definition)
                    : definition.has("TimeoutSeconds");
            if (error == null && !mayHaveNoError) {
                return Optional.of("the run ended " + status + " without an error");
            }
            if (error != null && !(error.startsWith("States.") || OWN_ERRORS.contains(error))) {
                return Optional.of("the run ended " + status + " with error " + error
                        + ", neither a States.* error nor a mocked one");
            }
            if (status == ExecutionStatus.TIMED_OUT && error != null && !error.equals("States.Timeout")) {
                return Optional.of("the run timed out with error " + error + " instead of States.Timeout");
            }
        }
        return Optional.empty();
    }

    private static boolean hasFailWithoutError(JsonNode node) {
        if (node.path("Type").asText().equals("Fail") && !node.has("Error") && !node.has("ErrorPath")) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && hasFailWithoutError(child)) {
                return true;
            }
        }
        return false;
    }

    private static ExecutionRun run(CompiledStateMachine machine, FuzzCase c, boolean keepChildren) {
        S3ObjectStore s3 = new S3ObjectStore();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.s3Objects().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> object = it.next();
            s3.put(RandomWorkflows.BUCKET, object.getKey(), object.getValue().asText());
        }
        ExecutionOptions options = ExecutionOptions.builder().input(c.input()).executionName("fuzz").seed(c.seed())
                .keepChildExecutions(keepChildren).s3(s3)
                .taskHandler(invocation -> Optional.of(answer(invocation, c.seed()))).build();
        return machine.start(options, new VirtualScheduler(START)).awaitCompletion();
    }

    /** A task answer chosen from the call alone, so every run sees the same answers. */
    private static TaskOutcome answer(TaskInvocation call, long seed) {
        int pick = Math.floorMod(call.stateName().hashCode() * 31 + call.invocation() * 7 + (int) seed, 10);
        return switch (pick) {
            case 0 -> TaskOutcome.failed("Lambda.TooManyRequestsException", "Rate exceeded");
            case 1 -> TaskOutcome.failed("Custom.Error", "{\"errorMessage\": \"boom\"}");
            case 2 -> new TaskOutcome.Succeeded(Json.nodes().objectNode().put("late", true), Duration.ofSeconds(120));
            case 3 -> new TaskOutcome.NoAnswer();
            default -> TaskOutcome.succeeded(Json.nodes().objectNode().put("ok", call.attempt()));
        };
    }

    private static Result failed(String kind, String message) {
        return new Result(Optional.of(new Problem(kind, message)), null);
    }

    private static String render(List<HistoryEvent> history) {
        return history.stream().map(Oracle::render).collect(Collectors.joining("\n"));
    }

    private static String render(HistoryEvent e) {
        return e.id() + " " + e.previousEventId() + " " + e.timestamp() + " " + e.type() + " " + e.details();
    }

    /**
     * Event by event: a history at the event limit with large payloads renders to gigabytes as one
     * string, which took longer than the runs themselves.
     */
    private static Optional<String> firstDifference(List<HistoryEvent> expected, List<HistoryEvent> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            String first = render(expected.get(i));
            String then = render(actual.get(i));
            if (!first.equals(then)) {
                return Optional.of("event " + (i + 1) + ":\n  first: " + first + "\n  then:  " + then);
            }
        }
        return expected.size() == actual.size() ? Optional.empty()
                : Optional.of("the histories have " + expected.size() + " and " + actual.size() + " events");
    }

    private static String stackTrace(Throwable t) {
        StringWriter text = new StringWriter();
        t.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
