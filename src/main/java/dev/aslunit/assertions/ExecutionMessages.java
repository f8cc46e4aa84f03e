package dev.aslunit.assertions;

import static dev.aslunit.assertions.Messages.execution;
import static dev.aslunit.assertions.Messages.list;
import static dev.aslunit.assertions.Messages.outcome;
import static dev.aslunit.assertions.Messages.quote;
import static dev.aslunit.assertions.Messages.times;
import static dev.aslunit.assertions.Messages.withTrace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.history.Durations;
import dev.aslunit.Execution;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One factory per failure of {@link ExecutionAssert}; each message ends with the execution's trace. */
final class ExecutionMessages {

    private ExecutionMessages() {
    }

    static String shouldHaveSucceeded(Execution e) {
        return withTrace("Expecting " + execution(e) + " to have succeeded\nbut it " + outcome(e), e);
    }

    static String shouldHaveFailed(Execution e) {
        return withTrace("Expecting " + execution(e) + " to have failed\nbut it " + outcome(e), e);
    }

    static String shouldHaveFailedWith(Execution e, String error) {
        return withTrace("Expecting " + execution(e) + " to have failed with error:\n  " + quote(error)
                + "\nbut it " + outcome(e), e);
    }

    static String shouldHaveCause(Execution e, String cause) {
        String actual = e.status() == Execution.Status.SUCCEEDED || e.status() == Execution.Status.RUNNING
                ? "but it " + outcome(e) : "but the cause was:\n  " + quote(e.cause());
        return withTrace("Expecting " + execution(e) + " to have ended with cause:\n  " + quote(cause) + "\n" + actual, e);
    }

    static String shouldHaveTimedOut(Execution e) {
        return withTrace("Expecting " + execution(e) + " to have timed out\nbut it " + outcome(e), e);
    }

    static String shouldHaveBeenAborted(Execution e) {
        return withTrace("Expecting " + execution(e) + " to have been aborted\nbut it " + outcome(e), e);
    }

    static String shouldHaveOutput(Execution e, JsonNode expected, List<String> differences, boolean lenient) {
        String expectation = "Expecting " + execution(e) + " to have output"
                + (lenient ? " (lenient: more fields and any array order allowed)" : "") + ":\n  "
                + JsonSupport.compact(expected) + "\n";
        if (e.status() != Execution.Status.SUCCEEDED) {
            return withTrace(expectation + "but it " + outcome(e), e);
        }
        return withTrace(expectation + "but it had:\n  " + JsonSupport.compact(e.output())
                + "\ndifferences:\n  - " + String.join("\n  - ", differences), e);
    }

    static String shouldHaveOutputAt(Execution e, String path, JsonNode expected, JsonNode actual) {
        String expectation = "Expecting " + execution(e) + " to have output at " + quote(path) + ":\n  "
                + JsonSupport.compact(expected) + "\n";
        if (e.status() != Execution.Status.SUCCEEDED) {
            return withTrace(expectation + "but it " + outcome(e), e);
        }
        if (actual == null) {
            return withTrace(expectation + "but the output has nothing at " + quote(path) + ":\n  "
                    + JsonSupport.compact(e.output()), e);
        }
        return withTrace(expectation + "but it had:\n  " + JsonSupport.compact(actual), e);
    }

    static String shouldHaveTakenVirtualTime(Execution e, Duration expected) {
        String actual = e.isRunning()
                ? "but it is still running after " + Durations.format(e.duration())
                : "but it took " + Durations.format(e.duration()) + " (" + e.startTime() + " to " + e.stopTime() + ")";
        return withTrace("Expecting " + execution(e) + " to have taken " + Durations.format(expected)
                + " of virtual time\n" + actual, e);
    }

    static String shouldHaveTakenPath(Execution e, List<String> expected) {
        List<String> actual = e.path();
        return withTrace("Expecting " + execution(e) + " to have taken exactly the path:\n  " + list(expected)
                + "\nbut it took:\n  " + list(actual) + "\n" + firstDifference(expected, actual), e);
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "first difference at step " + (i + 1) + ": expected " + quote(expected.get(i))
                        + " but was " + quote(actual.get(i));
            }
        }
        if (actual.size() < expected.size()) {
            return "the path ended after step " + actual.size() + "; expected " + quote(expected.get(n))
                    + " at step " + (n + 1);
        }
        return "step " + (n + 1) + " " + quote(actual.get(n)) + " was not expected";
    }

    static String shouldHavePassedThrough(Execution e, List<String> expected, int missing) {
        List<String> entered = e.enteredStates();
        String reason = !entered.contains(expected.get(missing))
                ? quote(expected.get(missing)) + " was never entered"
                : quote(expected.get(missing)) + " was not entered after " + quote(expected.get(missing - 1));
        return withTrace("Expecting " + execution(e) + " to have passed through, in this order:\n  " + list(expected)
                + "\nbut " + reason + "; states entered:\n  " + list(entered), e);
    }

    static String shouldHaveRecordedEvents(Execution e, List<String> expected, int missing) {
        String reason = missing == 0
                ? "there is no " + expected.get(0) + " event"
                : "no " + expected.get(missing) + " event came after " + expected.get(missing - 1);
        StringBuilder events = new StringBuilder();
        e.history().forEach(ev -> events.append("\n  ").append(ev.id()).append(' ').append(ev.type())
                .append(ev.stateName() == null ? "" : " " + quote(ev.stateName())));
        return withTrace("Expecting the history of " + execution(e) + " to have recorded, in this order:\n  "
                + String.join(", ", expected) + "\nbut " + reason + "; events:" + events, e);
    }

    static String shouldNeverHaveEntered(Execution e, List<String> names, Map<String, Integer> entered) {
        StringBuilder sb = new StringBuilder();
        entered.forEach((name, count) -> sb.append("\n  ").append(quote(name)).append(' ').append(times(count)));
        return withTrace("Expecting " + execution(e) + " never to have entered:\n  " + list(names)
                + "\nbut it entered:" + sb, e);
    }

    static String shouldHaveEntered(Execution e, String state, int expected, int actual) {
        return withTrace("Expecting " + execution(e) + " to have entered " + quote(state) + " " + times(expected)
                + "\nbut it entered it " + times(actual), e);
    }

    static String shouldBeWaitingForTaskTokenAt(Execution e, String state) {
        String actual;
        if (!e.isRunning()) {
            actual = "but it " + outcome(e);
        } else if (e.statesWaitingForTaskToken().isEmpty()) {
            actual = "but no state is waiting for a task token";
        } else {
            actual = "but it is waiting for a task token at "
                    + String.join(", ", Messages.quoteAll(e.statesWaitingForTaskToken()));
        }
        return withTrace("Expecting " + execution(e) + " to be waiting for a task token at " + quote(state)
                + "\n" + actual, e);
    }

    static String noSuchState(Execution e, String name) {
        return withTrace(Messages.noSuchState(e, name), e);
    }
}
