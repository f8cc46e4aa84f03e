package dev.aslunit.assertions;

import dev.aslunit.internal.pipeline.Models;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.ExecutedState;
import dev.aslunit.Execution;
import dev.aslunit.MapIteration;
import dev.aslunit.StateVisit;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one state of an execution, reached with {@code assertThat(execution).state("Pay")}.
 * A state entered more than once (in a loop, or once per Map iteration) is judged by its last visit;
 * {@link ExecutionAssert#entered(String, int)} counts the visits.
 */
public class StateAssert extends AbstractAssert<StateAssert, ExecutedState> {

    Navigator navigator = Navigator.DIRECT;

    public StateAssert(ExecutedState actual) {
        super(actual, StateAssert.class);
    }

    /** The state was retried exactly this many times (attempts after the first). */
    public StateAssert wasRetried(int times) {
        return check("to have been retried " + Messages.times(times), v -> {
            if (v.retries() != times) {
                throw failureWithActualExpected(v.retries(), times, "%s", StateMessages.shouldHaveBeenRetried(actual, times));
            }
        });
    }

    public StateAssert wasNotRetried() {
        return check("not to have been retried", v -> {
            if (v.retries() != 0) {
                throw failureWithActualExpected(v.retries(), 0, "%s", StateMessages.shouldHaveBeenRetried(actual, 0));
            }
        });
    }

    /**
     * The errors that made AWS retry, in order; a single error means every retry followed that error.
     */
    public StateAssert withErrors(String... errors) {
        return check("to have been retried after errors", v -> {
            List<String> expected = List.of(errors);
            List<String> actualErrors = v.retriedErrors();
            boolean same = expected.size() == 1 && !actualErrors.isEmpty()
                    ? actualErrors.stream().allMatch(expected.get(0)::equals)
                    : actualErrors.equals(expected);
            if (!same) {
                throw failureWithActualExpected(actualErrors, expected, "%s",
                        StateMessages.shouldHaveBeenRetriedAfterErrors(actual, expected));
            }
        });
    }

    /** The backoff actually applied before each retry, in order (e.g. 2s, 4s for IntervalSeconds 2, BackoffRate 2). */
    public StateAssert retriedAfter(Duration... delays) {
        return check("to have been retried", v -> {
            List<Duration> expected = List.of(delays);
            if (!v.retryDelays().equals(expected)) {
                throw failureWithActualExpected(v.retryDelays(), expected, "%s",
                        StateMessages.shouldHaveBeenRetriedAfter(actual, expected));
            }
        });
    }

    /** The state failed and a {@code Catch} sent the execution to this state. */
    public StateAssert wasCaughtBy(String catcherTarget) {
        return check("to have been caught by " + Messages.quote(catcherTarget), v -> {
            if (!catcherTarget.equals(v.caughtBy())) {
                throw failureWithActualExpected(v.caughtBy(), catcherTarget, "%s",
                        StateMessages.shouldHaveBeenCaughtBy(actual, catcherTarget));
            }
        });
    }

    /** The state failed (caught or not) with this error. */
    public StateAssert withError(String error) {
        return check("to have failed with error " + Messages.quote(error), v -> {
            if (!error.equals(v.error())) {
                throw failureWithActualExpected(v.error(), error, "%s", StateMessages.shouldHaveFailedWithError(actual, error));
            }
        });
    }

    /** The state failed with this cause. */
    public StateAssert withCause(String cause) {
        return check("to have failed with cause " + Messages.quote(cause), v -> {
            if (!v.failed() || !Objects.equals(cause, v.cause())) {
                throw failureWithActualExpected(v.cause(), cause, "%s", StateMessages.shouldHaveFailedWithCause(actual, cause));
            }
        });
    }

    /** The state's effective input ({@code *StateEntered}) was exactly this JSON. */
    public StateAssert receivedInput(Object expectedJson) {
        return check("to have received input", v -> {
            JsonNode expected = JsonSupport.document(expectedJson);
            List<String> differences = JsonSupport.differences(expected, v.input(), false);
            if (!differences.isEmpty()) {
                throw failureWithActualExpected(JsonSupport.pretty(v.input()), JsonSupport.pretty(expected), "%s",
                        StateMessages.shouldHaveReceivedInput(actual, expected, differences));
            }
        });
    }

    /** The state's input ({@code *StateEntered}) has this value at {@code jsonPath} (objects may have more fields). */
    public StateAssert receivedInputAt(String jsonPath, Object expectedValue) {
        return check("to have received input", v -> {
            JsonNode expected = JsonSupport.value(expectedValue);
            JsonNode found = JsonSupport.at(v.input(), jsonPath);
            if (found == null || !JsonSupport.matches(expected, found, false)) {
                throw failureWithActualExpected(JsonSupport.compact(found), JsonSupport.compact(expected), "%s",
                        StateMessages.shouldHaveReceivedInputAt(actual, jsonPath, expected, found));
            }
        });
    }

    /** The state's output ({@code *StateExited}) was exactly this JSON. */
    public StateAssert hadOutput(Object expectedJson) {
        return check("to have had output", v -> {
            JsonNode expected = JsonSupport.document(expectedJson);
            List<String> differences = v.exited() ? JsonSupport.differences(expected, v.output(), false) : List.of("none");
            if (!differences.isEmpty()) {
                throw failureWithActualExpected(JsonSupport.pretty(v.output()), JsonSupport.pretty(expected), "%s",
                        StateMessages.shouldHaveHadOutput(actual, expected, differences));
            }
        });
    }

    /** The state's output had this value at a JSONPath (values as in {@link ExecutionAssert#hasOutputAt}). */
    public StateAssert hadOutputAt(String jsonPath, Object expectedValue) {
        return check("to have had output", v -> {
            JsonNode expected = JsonSupport.value(expectedValue);
            JsonNode found = v.exited() ? JsonSupport.at(v.output(), jsonPath) : null;
            if (found == null || !JsonSupport.matches(expected, found, false)) {
                throw failureWithActualExpected(JsonSupport.compact(found), JsonSupport.compact(expected), "%s",
                        StateMessages.shouldHaveHadOutputAt(actual, jsonPath, expected, found));
            }
        });
    }

    /** The state's last attempt ended with {@code States.Timeout} or {@code States.HeartbeatTimeout}. */
    public StateAssert timedOut() {
        return check("to have timed out", v -> {
            if (!v.timedOut()) {
                throw failure("%s", StateMessages.shouldHaveTimedOut(actual));
            }
        });
    }

    /** A Choice state chose this next state. */
    public StateAssert choseBranch(String nextState) {
        return check("to have chosen " + Messages.quote(nextState), v -> {
            requireType("Choice");
            if (!nextState.equals(v.next())) {
                throw failureWithActualExpected(v.next(), nextState, "%s", StateMessages.shouldHaveChosen(actual, nextState));
            }
        });
    }

    /** The virtual time from entering the state to leaving it. */
    public StateAssert tookVirtualTime(Duration expected) {
        return check("to have taken " + dev.aslunit.internal.history.Durations.format(expected) + " of virtual time", v -> {
            if (v.duration() == null || !v.duration().equals(expected)) {
                throw failureWithActualExpected(v.duration(), expected, "%s",
                        StateMessages.shouldHaveTakenVirtualTime(actual, expected));
            }
        });
    }

    /** A Map state ran this many iterations (in its last attempt). */
    public StateAssert hadIterations(int count) {
        return check("to have run iterations", v -> {
            requireType("Map");
            if (Models.definition(actual) instanceof MapState && ((MapState) Models.definition(actual)).distributed()) {
                // a Distributed Map's iterations are child executions, counted only where the test keeps them
                List<Execution> children = actual.execution().childExecutions().get(actual.name());
                if (children == null || children.size() != count) {
                    throw failureWithActualExpected(children == null ? "not kept" : children.size(), count, "%s",
                            StateMessages.shouldHaveHadChildExecutions(actual, count, children));
                }
                return;
            }
            if (v.iterations().size() != count) {
                throw failureWithActualExpected(v.iterations().size(), count, "%s",
                        StateMessages.shouldHaveHadIterations(actual, count));
            }
        });
    }

    /** A Map state's iteration with this index entered exactly these states. */
    public StateAssert iterationTookPath(int index, String... stateNames) {
        return check("to have run an iteration " + index, v -> {
            requireType("Map");
            MapIteration it = v.iterations().stream().filter(i -> i.index() == index).findFirst()
                    .orElseThrow(() -> failure("%s", StateMessages.noSuchIteration(actual, index)));
            List<String> expected = List.of(stateNames);
            if (!it.path().equals(expected)) {
                throw failureWithActualExpected(it.path(), expected, "%s",
                        StateMessages.iterationShouldHaveTakenPath(actual, it, expected));
            }
        });
    }

    /** The most iterations of a Map state that ran at the same time (compare with its {@code MaxConcurrency}). */
    public StateAssert hasMaxConcurrencyObserved(int iterations) {
        return check("to have run iterations", v -> {
            requireType("Map");
            if (v.maxConcurrencyObserved() != iterations) {
                throw failureWithActualExpected(v.maxConcurrencyObserved(), iterations, "%s",
                        StateMessages.shouldHaveMaxConcurrency(actual, iterations));
            }
        });
    }

    /** A Parallel state's branch (numbered from 0, in definition order) entered exactly these states. */
    public StateAssert branchTookPath(int index, String... stateNames) {
        return check("to have run branch " + index, v -> {
            requireType("Parallel");
            if (index < 0 || index >= v.branches().size()) {
                throw failure("%s", StateMessages.noSuchBranch(actual, index));
            }
            List<String> expected = List.of(stateNames);
            if (!v.branches().get(index).path().equals(expected)) {
                throw failureWithActualExpected(v.branches().get(index).path(), expected, "%s",
                        StateMessages.branchShouldHaveTakenPath(actual, index, expected));
            }
        });
    }

    /** Right after the state, its scope had this variable with this value (values as in {@link ExecutionAssert#hasOutputAt}). */
    public StateAssert hasVariable(String name, Object expectedValue) {
        return check("to have set variables", v -> {
            JsonNode expected = JsonSupport.value(expectedValue);
            JsonNode found = v.exited() ? v.variablesAfter().get(name) : null;
            if (found == null || !JsonSupport.matches(expected, found, false)) {
                throw failureWithActualExpected(JsonSupport.compact(found), JsonSupport.compact(expected), "%s",
                        StateMessages.shouldHaveVariable(actual, name, expected));
            }
        });
    }

    /**
     * The same state's visits in one Map iteration only, e.g.
     * {@code state("Charge").inIteration(1).wasCaughtBy("Declined")}.
     */
    @CheckReturnValue
    public StateAssert inIteration(int index) {
        isNotNull();
        ExecutedState narrowed = actual.inIteration(index);
        StateAssert next = extracting(state -> narrowed, StateAssert::new);
        return navigator.follow(StateAssert.class, ExecutedState.class, narrowed, next);
    }

    /** Back to the execution, to go on asserting on it. */
    @CheckReturnValue
    public ExecutionAssert returnToExecution() {
        isNotNull();
        Execution execution = actual.execution();
        ExecutionAssert back = extracting(state -> execution, ExecutionAssert::new);
        return navigator.follow(ExecutionAssert.class, Execution.class, execution, back);
    }

    private interface VisitCheck {
        void check(StateVisit lastVisit);
    }

    /** Every assertion runs through here: the state must exist and have been entered. */
    private StateAssert check(String expectation, VisitCheck assertion) {
        isNotNull();
        if (!actual.exists()) {
            throw failure("%s", ExecutionMessages.noSuchState(actual.execution(), actual.name()));
        }
        if (!actual.wasEntered()) {
            throw failure("%s", StateMessages.neverEntered(actual, expectation));
        }
        assertion.check(actual.lastVisit());
        return myself;
    }

    private void requireType(String type) {
        if (!type.equals(actual.type())) {
            throw failure("%s", StateMessages.wrongType(actual, type));
        }
    }
}
