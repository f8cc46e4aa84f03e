package dev.aslunit.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.server.StateTestResult;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what TestState answered for one state ({@link dev.aslunit.server.StateTest}):
 * its status, output, error and next state, and the data after each processing step. Each failure
 * message shows the whole answer.
 */
public class StateTestResultAssert extends AbstractAssert<StateTestResultAssert, StateTestResult> {

    public StateTestResultAssert(StateTestResult actual) {
        super(actual, StateTestResultAssert.class);
    }

    /** The state succeeded (status {@code SUCCEEDED}). */
    public StateTestResultAssert succeeded() {
        return hasStatus("SUCCEEDED");
    }

    /** The state failed and nothing caught or would retry the error (status {@code FAILED}). */
    public StateTestResultAssert failed() {
        return hasStatus("FAILED");
    }

    /** A catcher caught the error (status {@code CAUGHT_ERROR}); {@link #goesTo} names its target. */
    public StateTestResultAssert caughtError() {
        return hasStatus("CAUGHT_ERROR");
    }

    /** A retrier would retry the error (status {@code RETRIABLE}). */
    public StateTestResultAssert isRetriable() {
        return hasStatus("RETRIABLE");
    }

    public StateTestResultAssert hasStatus(String status) {
        return check(() -> {
            if (!status.equals(actual.status())) {
                throw failureWithActualExpected(actual.status(), status, "Expected the state to end %s but it ended %s%n%s",
                        status, actual.status(), describe());
            }
        });
    }

    /** The state's output equals this JSON (strict: same fields, arrays in order; numbers by value). */
    public StateTestResultAssert hasOutput(Object expectedJson) {
        return check(() -> {
            JsonNode expected = JsonSupport.document(expectedJson);
            JsonNode output = actual.output() == null ? null : JsonSupport.document(actual.output());
            List<String> differences = output == null ? List.of("$: no output") : JsonSupport.differences(expected, output, false);
            if (!differences.isEmpty()) {
                throw failureWithActualExpected(JsonSupport.compact(output), JsonSupport.compact(expected),
                        "Expected the state's output to be%n%s%nbut it differs:%n  %s%n%s", JsonSupport.pretty(expected),
                        String.join("\n  ", differences), describe());
            }
        });
    }

    /** The state ended with this error (FAILED, CAUGHT_ERROR or RETRIABLE). */
    public StateTestResultAssert hasError(String error) {
        return check(() -> {
            if (!error.equals(actual.error())) {
                throw failureWithActualExpected(actual.error(), error, "Expected the error %s but got %s%n%s", error,
                        actual.error() == null ? "none" : actual.error(), describe());
            }
        });
    }

    public StateTestResultAssert hasError(String error, String cause) {
        hasError(error);
        return check(() -> {
            if (!Objects.equals(cause, actual.cause())) {
                throw failureWithActualExpected(actual.cause(), cause, "Expected the cause %s but got %s%n%s", cause,
                        actual.cause(), describe());
            }
        });
    }

    /** The state transitions to this state (its {@code Next}, a Choice's pick, or a catcher's {@code Next}). */
    public StateTestResultAssert goesTo(String nextState) {
        return check(() -> {
            if (!nextState.equals(actual.nextState())) {
                throw failureWithActualExpected(actual.nextState(), nextState, "Expected the state to go to %s but %s%n%s",
                        nextState, actual.nextState() == null ? "it goes nowhere" : "it goes to " + actual.nextState(),
                        describe());
            }
        });
    }

    /**
     * An {@code inspectionData} member (at DEBUG or TRACE) equals this JSON, e.g.
     * {@code hasInspectionData("afterParameters", "{\"id\":7}")} or {@code ("errorDetails", "{\"retryIndex\":0, ...}")}.
     */
    public StateTestResultAssert hasInspectionData(String member, Object expectedJson) {
        return check(() -> {
            String text = actual.inspectionData().get(member);
            JsonNode expected = JsonSupport.document(expectedJson);
            JsonNode found = text == null ? null : JsonSupport.document(text);
            if (found == null || !JsonSupport.matches(expected, found, false)) {
                throw failureWithActualExpected(JsonSupport.compact(found), JsonSupport.compact(expected),
                        "Expected inspectionData.%s to be %s but it is %s%n%s", member, JsonSupport.compact(expected),
                        found == null ? "absent" : JsonSupport.compact(found), describe());
            }
        });
    }

    private String describe() {
        return "TestState answered: status " + actual.status()
                + (actual.output() == null ? "" : ", output " + actual.output())
                + (actual.error() == null ? "" : ", error " + actual.error())
                + (actual.cause() == null ? "" : ", cause " + actual.cause())
                + (actual.nextState() == null ? "" : ", nextState " + actual.nextState())
                + (actual.inspectionData().isEmpty() ? "" : ", inspectionData " + actual.inspectionData());
    }

    private StateTestResultAssert check(Runnable assertion) {
        isNotNull();
        assertion.run();
        return myself;
    }
}
