package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A Pass state; {@code result} is the static {@code Result}, {@code null} when absent. */
public record PassState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        Transition transition,
        String inputPath,
        JsonNode parameters,
        JsonNode result,
        String resultPath,
        String outputPath,
        JsonNode output,
        JsonNode assign) implements State, State.DataFlow {

    @Override
    public String type() {
        return "Pass";
    }
}
