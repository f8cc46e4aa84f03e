package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Wait state: exactly one of {@code seconds} (number or JSONata), {@code secondsPath},
 * {@code timestamp} (ISO-8601 text or JSONata), {@code timestampPath} is set.
 */
public record WaitState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        Transition transition,
        JsonNode seconds,
        String secondsPath,
        JsonNode timestamp,
        String timestampPath,
        String inputPath,
        String outputPath,
        JsonNode output,
        JsonNode assign) implements State, State.DataFlow {

    @Override
    public String type() {
        return "Wait";
    }
}
