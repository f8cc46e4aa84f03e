package dev.aslunit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.mock.TaskCall;
import dev.aslunit.mock.TaskMock;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the calls a mock received, across every execution of the test. For
 * {@code lambda:invoke} a call's input is the {@code Payload}, as for {@code returns(...)}.
 */
public class TaskMockAssert extends AbstractAssert<TaskMockAssert, TaskMock> {

    public TaskMockAssert(TaskMock actual) {
        super(actual, TaskMockAssert.class);
    }

    /** The mock was called exactly this many times (retries and Map iterations each count). */
    public TaskMockAssert wasCalled(int times) {
        return check(() -> {
            if (actual.callCount() != times) {
                throw failureWithActualExpected(actual.callCount(), times, "%s",
                        TaskMockMessages.shouldHaveBeenCalled(actual, times));
            }
        });
    }

    public TaskMockAssert wasNeverCalled() {
        return wasCalled(0);
    }

    /** At least one call's input satisfies the requirements (AssertJ assertions on the input as a {@link JsonNode}). */
    public TaskMockAssert calledWithInputSatisfying(Consumer<JsonNode> requirements) {
        return check(() -> {
            String firstFailure = null;
            for (TaskCall call : actual.calls()) {
                try {
                    requirements.accept(call.input());
                    return;
                } catch (AssertionError e) {
                    if (firstFailure == null) {
                        firstFailure = e.getMessage();
                    }
                }
            }
            throw failure("%s", TaskMockMessages.noCallSatisfies(actual, firstFailure == null ? "(no calls)" : firstFailure));
        });
    }

    /** The last call's input has this value at a JSONPath (values as in {@link ExecutionAssert#hasOutputAt}). */
    public TaskMockAssert withInputAt(String jsonPath, Object expectedValue) {
        return check(() -> {
            JsonNode expected = JsonSupport.value(expectedValue);
            List<TaskCall> calls = actual.calls();
            JsonNode found = calls.isEmpty() ? null : JsonSupport.at(calls.get(calls.size() - 1).input(), jsonPath);
            if (found == null || !JsonSupport.matches(expected, found, false)) {
                throw failureWithActualExpected(JsonSupport.compact(found), JsonSupport.compact(expected), "%s",
                        TaskMockMessages.shouldHaveInputAt(actual, jsonPath, expected, found));
            }
        });
    }

    private TaskMockAssert check(Runnable assertion) {
        isNotNull();
        assertion.run();
        return myself;
    }
}
