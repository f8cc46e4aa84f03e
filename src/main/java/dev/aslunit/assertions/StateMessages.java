package dev.aslunit.assertions;

import static dev.aslunit.assertions.Messages.attempts;
import static dev.aslunit.assertions.Messages.durations;
import static dev.aslunit.assertions.Messages.errorLines;
import static dev.aslunit.assertions.Messages.list;
import static dev.aslunit.assertions.Messages.quote;
import static dev.aslunit.assertions.Messages.state;
import static dev.aslunit.assertions.Messages.times;
import static dev.aslunit.assertions.Messages.withTrace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.history.Durations;
import dev.aslunit.ExecutedState;
import dev.aslunit.Execution;
import dev.aslunit.MapIteration;
import dev.aslunit.StateVisit;
import java.time.Duration;
import java.util.List;

/** One factory per failure of {@link StateAssert}; each message ends with the execution's trace. */
final class StateMessages {

    private StateMessages() {
    }

    private static String subject(ExecutedState s) {
        return state(s.execution(), s.name(), s.scope());
    }

    private static String typed(ExecutedState s) {
        return s.type() + " " + subject(s);
    }

    private static String trace(String message, ExecutedState s) {
        return withTrace(message, s.execution());
    }

    static String neverEntered(ExecutedState s, String expectation) {
        return trace("Expecting " + subject(s) + " " + expectation + "\nbut it was never entered; the path was:\n  "
                + list(s.execution().path()), s);
    }

    static String wrongType(ExecutedState s, String expectedType) {
        return trace("Expecting a " + expectedType + " state but " + quote(s.name()) + " is a " + s.type()
                + " state (" + Messages.execution(s.execution()) + ")", s);
    }

    static String shouldHaveBeenRetried(ExecutedState s, int expected) {
        StateVisit v = s.lastVisit();
        String expectation = expected == 0 ? "not to have been retried" : "to have been retried " + times(expected);
        return trace("Expecting " + subject(s) + " " + expectation + "\nbut it was retried " + times(v.retries())
                + ":" + attempts(s.execution(), v), s);
    }

    static String shouldHaveBeenRetriedAfterErrors(ExecutedState s, List<String> expected) {
        StateVisit v = s.lastVisit();
        return trace("Expecting the retries of " + subject(s) + " to have followed the errors:\n  " + list(expected)
                + "\nbut they followed:\n  " + list(v.retriedErrors()) + "\nattempts:" + attempts(s.execution(), v), s);
    }

    static String shouldHaveBeenRetriedAfter(ExecutedState s, List<Duration> expected) {
        StateVisit v = s.lastVisit();
        return trace("Expecting " + subject(s) + " to have been retried after:\n  " + durations(expected)
                + "\nbut it was retried after:\n  " + durations(v.retryDelays())
                + "\nattempts:" + attempts(s.execution(), v), s);
    }

    static String shouldHaveBeenCaughtBy(ExecutedState s, String catcher) {
        StateVisit v = s.lastVisit();
        String actual;
        if (!v.failed()) {
            actual = "but it did not fail" + (v.next() == null ? "" : "; it went on to " + quote(v.next()));
        } else if (v.caughtBy() == null) {
            actual = "but it failed with " + v.error() + " and nothing caught it";
        } else {
            actual = "but it was caught by " + quote(v.caughtBy()) + " (error " + v.error() + ")";
        }
        return trace("Expecting " + subject(s) + " to have been caught by " + quote(catcher) + "\n" + actual, s);
    }

    static String shouldHaveFailedWithError(ExecutedState s, String error) {
        StateVisit v = s.lastVisit();
        String actual = v.failed() ? "but it failed with:\n" + errorLines(v.error(), v.cause()) : "but it did not fail";
        return trace("Expecting " + subject(s) + " to have failed with error:\n  " + quote(error) + "\n" + actual, s);
    }

    static String shouldHaveFailedWithCause(ExecutedState s, String cause) {
        StateVisit v = s.lastVisit();
        String actual = v.failed() ? "but it failed with:\n" + errorLines(v.error(), v.cause()) : "but it did not fail";
        return trace("Expecting " + subject(s) + " to have failed with cause:\n  " + quote(cause) + "\n" + actual, s);
    }

    static String shouldHaveReceivedInput(ExecutedState s, JsonNode expected, List<String> differences) {
        return trace("Expecting " + subject(s) + " to have received input:\n  " + JsonSupport.compact(expected)
                + "\nbut it received:\n  " + JsonSupport.compact(s.lastVisit().input())
                + "\ndifferences:\n  - " + String.join("\n  - ", differences), s);
    }

    static String shouldHaveHadOutput(ExecutedState s, JsonNode expected, List<String> differences) {
        StateVisit v = s.lastVisit();
        String expectation = "Expecting " + subject(s) + " to have had output:\n  " + JsonSupport.compact(expected);
        if (!v.exited()) {
            return trace(expectation + "\nbut it never exited", s);
        }
        return trace(expectation + "\nbut it had:\n  " + JsonSupport.compact(v.output())
                + "\ndifferences:\n  - " + String.join("\n  - ", differences), s);
    }

    static String shouldHaveHadOutputAt(ExecutedState s, String path, JsonNode expected, JsonNode actual) {
        StateVisit v = s.lastVisit();
        String expectation = "Expecting " + subject(s) + " to have had output at " + quote(path) + ":\n  "
                + JsonSupport.compact(expected);
        if (!v.exited()) {
            return trace(expectation + "\nbut it never exited", s);
        }
        if (actual == null) {
            return trace(expectation + "\nbut its output has nothing at " + quote(path) + ":\n  "
                    + JsonSupport.compact(v.output()), s);
        }
        return trace(expectation + "\nbut it had:\n  " + JsonSupport.compact(actual), s);
    }

    static String shouldHaveTimedOut(ExecutedState s) {
        StateVisit v = s.lastVisit();
        String actual = v.attempts().isEmpty()
                ? (v.failed() ? "but it failed with " + v.error() : "but it did not time out")
                : "but its last attempt did not time out:" + attempts(s.execution(), v);
        return trace("Expecting " + subject(s) + " to have timed out\n" + actual, s);
    }

    static String shouldHaveChosen(ExecutedState s, String expected) {
        StateVisit v = s.lastVisit();
        String actual = v.next() != null ? "but it chose " + quote(v.next())
                : v.failed() ? "but it chose nothing: it failed with " + v.error() : "but it has not chosen yet";
        return trace("Expecting " + typed(s) + " to have chosen " + quote(expected) + "\n" + actual, s);
    }

    static String shouldHaveTakenVirtualTime(ExecutedState s, Duration expected) {
        StateVisit v = s.lastVisit();
        Execution e = s.execution();
        String actual = v.exitedAt() == null
                ? "but it has not exited (entered at " + Messages.offset(e, v.enteredAt()) + ")"
                : "but it took " + Durations.format(v.duration()) + " (entered at " + Messages.offset(e, v.enteredAt())
                        + ", exited at " + Messages.offset(e, v.exitedAt()) + ")";
        return trace("Expecting " + subject(s) + " to have taken " + Durations.format(expected)
                + " of virtual time\n" + actual, s);
    }

    static String shouldHaveHadIterations(ExecutedState s, int expected) {
        List<MapIteration> its = s.lastVisit().iterations();
        return trace("Expecting " + typed(s) + " to have run " + iterations(expected) + "\nbut it ran "
                + its.size() + ":" + iterationLines(its), s);
    }

    static String noSuchIteration(ExecutedState s, int index) {
        List<MapIteration> its = s.lastVisit().iterations();
        return trace("Expecting " + typed(s) + " to have run an iteration with index " + index + "\nbut it ran "
                + iterations(its.size()) + ":" + iterationLines(its), s);
    }

    static String iterationShouldHaveTakenPath(ExecutedState s, MapIteration it, List<String> expected) {
        return trace("Expecting iteration " + it.index() + " of " + typed(s) + " to have taken exactly the path:\n  "
                + list(expected) + "\nbut it took:\n  " + list(it.path()), s);
    }

    static String shouldHaveMaxConcurrency(ExecutedState s, int expected) {
        return trace("Expecting " + typed(s) + " to have run at most " + iterations(expected)
                + " at the same time, and that many at some point\nbut at most "
                + s.lastVisit().maxConcurrencyObserved() + " ran at the same time", s);
    }

    static String noSuchBranch(ExecutedState s, int index) {
        return trace("Expecting " + typed(s) + " to have a branch " + index + "\nbut it has "
                + s.lastVisit().branches().size() + " (numbered from 0)", s);
    }

    static String branchShouldHaveTakenPath(ExecutedState s, int index, List<String> expected) {
        return trace("Expecting branch " + index + " of " + typed(s) + " to have taken exactly the path:\n  "
                + list(expected) + "\nbut it took:\n  " + list(s.lastVisit().branches().get(index).path()), s);
    }

    static String shouldHaveVariable(ExecutedState s, String name, JsonNode expected) {
        StateVisit v = s.lastVisit();
        String expectation = "Expecting variable " + quote(name) + " after " + subject(s) + " to be:\n  "
                + JsonSupport.compact(expected) + "\n";
        if (!v.exited()) {
            return trace(expectation + "but the state never exited", s);
        }
        JsonNode actual = v.variablesAfter().get(name);
        if (actual == null) {
            return trace(expectation + "but no variable " + quote(name) + " was set; variables after it:\n  "
                    + (v.variablesAfter().isEmpty() ? "(none)" : JsonSupport.MAPPER.valueToTree(v.variablesAfter()).toString()), s);
        }
        return trace(expectation + "but it was:\n  " + JsonSupport.compact(actual), s);
    }

    private static String iterations(int n) {
        return n == 1 ? "1 iteration" : n + " iterations";
    }

    private static String iterationLines(List<MapIteration> its) {
        StringBuilder sb = new StringBuilder();
        for (MapIteration it : its) {
            sb.append("\n  [").append(it.index()).append("] ").append(it.outcome()).append(' ').append(list(it.path()));
        }
        return sb.toString();
    }
}
