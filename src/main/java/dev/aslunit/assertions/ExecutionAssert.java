package dev.aslunit.assertions;

import dev.aslunit.internal.pipeline.Models;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.ExecutedState;
import dev.aslunit.Execution;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link Execution}: how it ended, its output, its path and its virtual time.
 * Facts about the execution are in the past tense ({@code succeeded}, {@code tookPath}); checks on
 * data use AssertJ's {@code has…}. Every failure message ends with the execution's trace.
 */
public class ExecutionAssert extends AbstractAssert<ExecutionAssert, Execution> {

    Navigator navigator = Navigator.DIRECT;

    public ExecutionAssert(Execution actual) {
        super(actual, ExecutionAssert.class);
    }

    /** The execution ended with status SUCCEEDED. */
    public ExecutionAssert succeeded() {
        return check(() -> {
            if (actual.status() != Execution.Status.SUCCEEDED) {
                throw failure("%s", ExecutionMessages.shouldHaveSucceeded(actual));
            }
        });
    }

    /** The execution ended with status FAILED. */
    public ExecutionAssert failed() {
        return check(() -> {
            if (actual.status() != Execution.Status.FAILED) {
                throw failure("%s", ExecutionMessages.shouldHaveFailed(actual));
            }
        });
    }

    /** The execution failed with this error name (e.g. {@code States.TaskFailed}, or a Fail state's {@code Error}). */
    public ExecutionAssert failedWith(String error) {
        return check(() -> {
            if (actual.status() != Execution.Status.FAILED || !error.equals(actual.error())) {
                throw failureWithActualExpected(actual.error(), error, "%s", ExecutionMessages.shouldHaveFailedWith(actual, error));
            }
        });
    }

    /** The execution ended (failed, timed out, aborted) with exactly this cause. */
    public ExecutionAssert withCause(String cause) {
        return check(() -> {
            Execution.Status status = actual.status();
            if (status == Execution.Status.SUCCEEDED || status == Execution.Status.RUNNING
                    || !java.util.Objects.equals(cause, actual.cause())) {
                throw failureWithActualExpected(actual.cause(), cause, "%s", ExecutionMessages.shouldHaveCause(actual, cause));
            }
        });
    }

    /** The execution ended with status TIMED_OUT (its {@code TimeoutSeconds} elapsed). */
    public ExecutionAssert timedOut() {
        return check(() -> {
            if (actual.status() != Execution.Status.TIMED_OUT) {
                throw failure("%s", ExecutionMessages.shouldHaveTimedOut(actual));
            }
        });
    }

    /** The execution ended with status ABORTED (it was stopped). */
    public ExecutionAssert aborted() {
        return check(() -> {
            if (actual.status() != Execution.Status.ABORTED) {
                throw failure("%s", ExecutionMessages.shouldHaveBeenAborted(actual));
            }
        });
    }

    /**
     * The execution succeeded with exactly this output: JSON text, or a value Jackson serialises.
     * Numbers compare by value; objects need the same fields, arrays the same order.
     */
    public ExecutionAssert hasOutput(Object expectedJson) {
        return output(expectedJson, false);
    }

    /** The execution succeeded with an output that contains this JSON: more fields and any array order allowed. */
    public ExecutionAssert hasOutputContaining(Object expectedJson) {
        return output(expectedJson, true);
    }

    private ExecutionAssert output(Object expectedJson, boolean lenient) {
        return check(() -> {
            JsonNode expected = JsonSupport.document(expectedJson);
            List<String> differences = actual.status() == Execution.Status.SUCCEEDED
                    ? JsonSupport.differences(expected, actual.output(), lenient) : List.of("no output");
            if (!differences.isEmpty()) {
                throw failureWithActualExpected(JsonSupport.pretty(actual.output()), JsonSupport.pretty(expected), "%s",
                        ExecutionMessages.shouldHaveOutput(actual, expected, differences, lenient));
            }
        });
    }

    /**
     * The succeeded execution's output has this value at a JSONPath: a String is a JSON string, a
     * number a number, a JsonNode itself, anything else as Jackson serialises it.
     */
    public ExecutionAssert hasOutputAt(String jsonPath, Object expectedValue) {
        return check(() -> {
            JsonNode expected = JsonSupport.value(expectedValue);
            JsonNode found = actual.status() == Execution.Status.SUCCEEDED ? JsonSupport.at(actual.output(), jsonPath) : null;
            if (found == null || !JsonSupport.matches(expected, found, false)) {
                throw failureWithActualExpected(JsonSupport.compact(found), JsonSupport.compact(expected), "%s",
                        ExecutionMessages.shouldHaveOutputAt(actual, jsonPath, expected, found));
            }
        });
    }

    /** The execution took exactly this much virtual time from start to stop. */
    public ExecutionAssert tookVirtualTime(Duration expected) {
        return check(() -> {
            if (actual.isRunning() || !actual.duration().equals(expected)) {
                throw failureWithActualExpected(actual.duration(), expected, "%s",
                        ExecutionMessages.shouldHaveTakenVirtualTime(actual, expected));
            }
        });
    }

    /** The states entered at the top level were exactly these, in this order. */
    public ExecutionAssert tookPath(String... stateNames) {
        return check(() -> {
            List<String> expected = List.of(stateNames);
            requireStates(expected);
            if (!actual.path().equals(expected)) {
                throw failureWithActualExpected(actual.path(), expected, "%s",
                        ExecutionMessages.shouldHaveTakenPath(actual, expected));
            }
        });
    }

    /** These states were entered in this order, with any states between them (at any depth). */
    public ExecutionAssert passedThrough(String... stateNames) {
        return check(() -> {
            List<String> expected = List.of(stateNames);
            requireStates(expected);
            List<String> entered = actual.enteredStates();
            int position = 0;
            for (int i = 0; i < expected.size(); i++) {
                int found = entered.subList(position, entered.size()).indexOf(expected.get(i));
                if (found < 0) {
                    throw failure("%s", ExecutionMessages.shouldHavePassedThrough(actual, expected, i));
                }
                position += found + 1;
            }
        });
    }

    /** None of these states was entered, at any depth. */
    public ExecutionAssert neverEntered(String... stateNames) {
        return check(() -> {
            List<String> names = List.of(stateNames);
            requireStates(names);
            Map<String, Integer> entered = new LinkedHashMap<>();
            for (String name : names) {
                int count = actual.state(name).visits().size();
                if (count > 0) {
                    entered.put(name, count);
                }
            }
            if (!entered.isEmpty()) {
                throw failure("%s", ExecutionMessages.shouldNeverHaveEntered(actual, names, entered));
            }
        });
    }

    /** The state was entered exactly this many times, counting every Map iteration and loop. */
    public ExecutionAssert entered(String stateName, int times) {
        return check(() -> {
            requireStates(List.of(stateName));
            int count = actual.state(stateName).visits().size();
            if (count != times) {
                throw failureWithActualExpected(count, times, "%s",
                        ExecutionMessages.shouldHaveEntered(actual, stateName, times, count));
            }
        });
    }

    /** The execution is running and the state is waiting for a task token. */
    public ExecutionAssert isWaitingForTaskTokenAt(String stateName) {
        return check(() -> {
            requireStates(List.of(stateName));
            if (!actual.isRunning() || !actual.statesWaitingForTaskToken().contains(stateName)) {
                throw failure("%s", ExecutionMessages.shouldBeWaitingForTaskTokenAt(actual, stateName));
            }
        });
    }

    /**
     * The history recorded events of these types in this order, other events between them allowed,
     * e.g. {@code recordedEvents("TaskScheduled", "TaskTimedOut", "ExecutionFailed")}.
     */
    public ExecutionAssert recordedEvents(String... eventTypes) {
        return check(() -> {
            List<String> types = actual.history().stream().map(dev.aslunit.HistoryEvent::type).toList();
            int position = 0;
            for (int i = 0; i < eventTypes.length; i++) {
                int found = types.subList(position, types.size()).indexOf(eventTypes[i]);
                if (found < 0) {
                    throw failure("%s", ExecutionMessages.shouldHaveRecordedEvents(actual, List.of(eventTypes), i));
                }
                position += found + 1;
            }
        });
    }

    /** Assertions on one state (at any depth) of this execution. */
    @CheckReturnValue
    public StateAssert state(String stateName) {
        isNotNull();
        ExecutedState target = actual.state(stateName);
        StateAssert next = extracting(execution -> target, StateAssert::new);
        return navigator.follow(StateAssert.class, ExecutedState.class, target, next);
    }

    /** Every assertion runs through here: one place to adopt AssertJ 4's {@code executeAssertion}. */
    private ExecutionAssert check(Runnable assertion) {
        isNotNull();
        assertion.run();
        return myself;
    }

    private void requireStates(List<String> names) {
        for (String name : names) {
            if (Models.stateDefinition(actual, name) == null) {
                throw failure("%s", ExecutionMessages.noSuchState(actual, name));
            }
        }
    }
}
