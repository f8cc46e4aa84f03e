package dev.aslunit.internal.sfnlocal;

import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.engine.TaskOutcome;
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

    /** Binary search: the ranges are sorted and contiguous, and a file may hold thousands of them. */
    TaskOutcome outcome(String stateName, int invocation) {
        int low = 0;
        int high = responses.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Response response = responses.get(mid);
            if (invocation < response.from()) {
                high = mid - 1;
            } else if (invocation > response.to()) {
                low = mid + 1;
            } else {
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
