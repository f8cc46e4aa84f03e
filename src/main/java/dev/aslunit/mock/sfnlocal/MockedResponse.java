package dev.aslunit.mock.sfnlocal;

import dev.aslunit.definition.SourceLocation;
import dev.aslunit.engine.TaskOutcome;
import java.util.List;

/**
 * A named entry of {@code MockedResponses}: contiguous invocation ranges from 0, checked when parsed.
 */
record MockedResponse(String name, List<Response> responses, SourceLocation location) {

    MockedResponse {
        responses = List.copyOf(responses);
    }

    int count() {
        return responses.get(responses.size() - 1).to() + 1;
    }

    TaskOutcome outcome(String stateName, int invocation) {
        for (Response response : responses) {
            if (response.covers(invocation)) {
                return response.outcome();
            }
        }
        Response last = responses.get(responses.size() - 1);
        throw new MockConfigException("State \"" + stateName + "\" was invoked " + (invocation + 1)
                + (invocation == 0 ? " time" : " times")
                + " in this execution (Step Functions Local counts every call of a state, retries and Map"
                + " iterations included), but mocked response \"" + name + "\" at " + location.describe()
                + " answers only invocation" + (count() == 1 ? " 0" : "s 0-" + (count() - 1)) + ".\n"
                + "Fix: add \"" + invocation + "\": {\"Return\": ...} (or {\"Throw\": ...}), or widen the last key \""
                + last.key() + "\" to \"" + last.from() + "-" + invocation + "\".");
    }
}
