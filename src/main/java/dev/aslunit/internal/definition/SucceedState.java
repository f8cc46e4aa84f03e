package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A Succeed state. */
public record SucceedState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        String inputPath,
        String outputPath,
        JsonNode output) implements State {

    @Override
    public String type() {
        return "Succeed";
    }
}
