package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Task state. {@code parameters} is JSONPath's payload template, {@code arguments} JSONata's;
 * {@code timeoutSeconds}/{@code heartbeatSeconds} are numbers or JSONata strings.
 */
public record TaskState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        Transition transition,
        String resource,
        String inputPath,
        JsonNode parameters,
        JsonNode arguments,
        JsonNode resultSelector,
        String resultPath,
        String outputPath,
        JsonNode output,
        JsonNode assign,
        JsonNode timeoutSeconds,
        String timeoutSecondsPath,
        JsonNode heartbeatSeconds,
        String heartbeatSecondsPath,
        JsonNode credentials,
        List<Retrier> retry,
        List<Catcher> catchers) implements State, State.Retryable, State.DataFlow {

    public TaskState {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    @Override
    public String type() {
        return "Task";
    }
}
