package dev.aslunit.assertions;

import static dev.aslunit.assertions.Messages.quote;
import static dev.aslunit.assertions.Messages.times;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.mock.TaskCall;
import dev.aslunit.mock.TaskMock;
import java.util.List;

/** One factory per failure of {@link TaskMockAssert}; each lists the mock's calls. */
final class TaskMockMessages {

    private TaskMockMessages() {
    }

    private static String subject(TaskMock mock) {
        return mock + (mock.declaredAt() == null ? "" : " (" + mock.declaredAt() + ")");
    }

    static String calls(TaskMock mock) {
        List<TaskCall> calls = mock.calls();
        if (calls.isEmpty()) {
            return "\ncalls: none";
        }
        StringBuilder sb = new StringBuilder("\ncalls:");
        for (int i = 0; i < calls.size(); i++) {
            TaskCall c = calls.get(i);
            sb.append("\n  ").append(i + 1).append(". ").append(c.time()).append(' ')
                    .append(c.attempt() == 0 ? "" : "(retry " + c.attempt() + ") ")
                    .append("input ").append(JsonSupport.compact(c.input()));
        }
        return sb.toString();
    }

    static String shouldHaveBeenCalled(TaskMock mock, int expected) {
        return "Expecting " + subject(mock) + " to have been called " + times(expected) + "\nbut it was called "
                + times(mock.callCount()) + calls(mock);
    }

    static String noCallSatisfies(TaskMock mock, String failures) {
        return "Expecting " + subject(mock) + " to have been called with an input satisfying the requirements\n"
                + "but no call's input did" + calls(mock) + "\nfirst call's failure:\n  " + failures.replace("\n", "\n  ");
    }

    static String shouldHaveInputAt(TaskMock mock, String path, JsonNode expected, JsonNode actual) {
        String head = "Expecting the last call of " + subject(mock) + " to have input at " + quote(path) + ":\n  "
                + JsonSupport.compact(expected) + "\n";
        if (mock.calls().isEmpty()) {
            return head + "but it was never called";
        }
        return head + (actual == null ? "but its input has nothing there" : "but it had:\n  " + JsonSupport.compact(actual))
                + calls(mock);
    }
}
