package dev.aslunit.internal.sfnlocal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.StateNames;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskResult;
import dev.aslunit.mock.TaskResults;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named entry of {@code MockedResponses}: contiguous invocation ranges from 0, checked when read,
 * and written as the scripts of a {@link TaskMock}.
 */
record MockedResponse(String name, List<Response> responses, SourceLocation location) {

    private static final Pattern KEY = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

    MockedResponse {
        responses = List.copyOf(responses);
    }

    int count() {
        return responses.get(responses.size() - 1).to() + 1;
    }

    /**
     * Scripts {@code mock} to answer as this response does: each invocation (the engine's count of
     * the state's calls in the execution, retries and Map iterations included) gets the answer of
     * the range that covers it; past the last range, a failure that says which key to add.
     */
    void script(TaskMock mock) {
        mock.answers(call -> result(call.stateName(), call.invocation()));
    }

    /** Binary search: the ranges are sorted and contiguous, and a file may hold thousands of them. */
    private TaskResult result(String stateName, int invocation) {
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
                return response.result();
            }
        }
        throw exhausted(stateName, invocation);
    }

    private MockConfigException exhausted(String stateName, int invocation) {
        Response last = responses.get(responses.size() - 1);
        return new MockConfigException("State \"" + stateName + "\" was invoked " + (invocation + 1)
                + (invocation == 0 ? " time" : " times")
                + " in this execution (Step Functions Local counts every call of a state, retries and Map"
                + " iterations included), but mocked response \"" + name + "\" at " + location.describe()
                + " answers only invocation" + (count() == 1 ? " 0" : "s 0-" + (count() - 1)) + ".\n"
                + "Fix: add \"" + invocation + "\": {\"Return\": ...} (or {\"Throw\": ...}), or widen the last key \""
                + last.key() + "\" to \"" + last.from() + "-" + invocation + "\".");
    }

    /**
     * Reads and checks the entry {@code name} of {@code MockedResponses}; each problem goes to
     * {@code problems} with its place, and then there is no response ({@code null}).
     */
    static MockedResponse read(String name, JsonNode node, Function<String, SourceLocation> location,
            List<String> problems) {
        String pointer = "/MockedResponses/" + DefinitionReader.escape(name);
        int before = problems.size();
        List<Response> responses = new ArrayList<>();
        if (node.isEmpty()) {
            problems.add(location.apply(pointer).describe() + ": mocked response \"" + name + "\" has no entries."
                    + "\n    Fix: add \"0\": {\"Return\": ...} for the first invocation.");
        }
        // A file may hold thousands of entries and a batch reads it at every request: places are
        // looked up and described only for a problem.
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String entryPointer = pointer + "/" + DefinitionReader.escape(e.getKey());
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                problems.add(location.apply(entryPointer).describe() + ": \"" + e.getKey() + "\" is not an invocation key."
                        + "\n    Fix: use \"0\" for one invocation or \"1-2\" for invocations 1 to 2 (0-based, inclusive).");
                continue;
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) {
                problems.add(location.apply(entryPointer).describe() + ": range \"" + e.getKey() + "\" ends before it starts."
                        + "\n    Fix: write it as \"" + to + "-" + from + "\".");
                continue;
            }
            TaskResult outcome = outcome(e.getValue(), entryPointer, location, problems);
            if (outcome != null) {
                responses.add(new Response(from, to, outcome, entryPointer));
            }
        }
        responses.sort(Comparator.comparingInt(Response::from));
        int expected = 0;
        for (Response r : responses) {
            if (r.from() > expected) {
                problems.add(location.apply(r.pointer()).describe() + ": mocked response \"" + name + "\" has no "
                        + (r.from() - 1 == expected ? "entry for invocation " + expected
                                : "entries for invocations " + expected + "-" + (r.from() - 1))
                        + " (keys count calls from 0, with no gaps)."
                        + "\n    Fix: add \"" + (r.from() - 1 == expected ? expected : expected + "-" + (r.from() - 1))
                        + "\", or renumber \"" + r.key() + "\".");
            } else if (r.from() < expected) {
                int overlapEnd = Math.min(expected - 1, r.to());
                problems.add(location.apply(r.pointer()).describe() + ": key \"" + r.key() + "\" of mocked response \"" + name
                        + "\" overlaps invocation" + (overlapEnd == r.from() ? " " + r.from() : "s " + r.from() + "-"
                        + overlapEnd) + ", already answered by an earlier key."
                        + "\n    Fix: give each invocation exactly one entry.");
            }
            expected = Math.max(expected, r.to() + 1);
        }
        return problems.size() == before ? new MockedResponse(name, responses, location.apply(pointer)) : null;
    }

    private static TaskResult outcome(JsonNode entry, String pointer, Function<String, SourceLocation> location,
            List<String> problems) {
        if (!entry.isObject()) {
            problems.add(location.apply(pointer).describe() + ": expected an object with \"Return\" or \"Throw\", found " + Json.describe(entry) + ".");
            return null;
        }
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("Return") && !field.equals("Throw")) {
                problems.add(location.apply(pointer + "/" + DefinitionReader.escape(field)).describe() + ": unknown field \""
                        + field + "\"" + StateNames.didYouMean(field, List.of("Return", "Throw"))
                        + "\n    Fix: an entry has exactly one of \"Return\" (the task's result) or \"Throw\" (its error).");
            }
        }
        boolean returns = entry.has("Return");
        boolean throwsError = entry.has("Throw");
        if (returns == throwsError) {
            problems.add(location.apply(pointer).describe() + ": " + (returns ? "both \"Return\" and \"Throw\"" : "neither \"Return\" nor \"Throw\"")
                    + "\n    Fix: an entry has exactly one of \"Return\" (the task's result) or \"Throw\" (its error).");
            return null;
        }
        if (returns) {
            JsonNode result = entry.get("Return");
            return TaskResults.wholeResponse(result == null ? JsonNodeFactory.instance.nullNode() : result);
        }
        JsonNode thrown = entry.get("Throw");
        if (!thrown.isObject()) {
            problems.add(location.apply(pointer + "/Throw").describe() + ": \"Throw\" must be an object such as {\"Error\": \"Lambda.ServiceException\","
                    + " \"Cause\": \"...\"}, found " + Json.describe(thrown) + ".");
            return null;
        }
        JsonNode error = thrown.get("Error");
        JsonNode cause = thrown.get("Cause");
        int before = problems.size();
        if (error == null || !error.isTextual()) {
            problems.add(location.apply(pointer + "/Throw").describe() + ": \"Throw\" needs \"Error\" as a string (the error name that Retry and Catch match),"
                    + (error == null ? " but has none." : " found " + Json.describe(error) + "."));
        }
        if (cause != null && !cause.isTextual() && !cause.isNull()) {
            problems.add(location.apply(pointer + "/Throw/Cause").describe() + ": \"Cause\" must be a string, found "
                    + Json.describe(cause) + ".\n    Fix: write a JSON cause as a string, e.g. \"{\\\"errorMessage\\\": \\\"...\\\"}\".");
        }
        thrown.fieldNames().forEachRemaining(field -> {
            if (!field.equals("Error") && !field.equals("Cause")) {
                problems.add(location.apply(pointer + "/Throw/" + DefinitionReader.escape(field)).describe()
                        + ": unknown field \"" + field + "\"" + StateNames.didYouMean(field, List.of("Error", "Cause"))
                        + "\n    Fix: \"Throw\" has \"Error\" and, optionally, \"Cause\".");
            }
        });
        if (problems.size() > before) {
            return null;
        }
        // An empty Cause is no cause: AWS omits a cause rather than writing "" (e.g. for States.Timeout).
        return TaskResults.failure(error.asText(), cause == null || cause.isNull() || cause.asText().isEmpty()
                ? null : cause.asText());
    }
}
