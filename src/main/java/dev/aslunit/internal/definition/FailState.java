package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Fail state. {@code error} and {@code cause} are text or, in JSONata, expressions;
 * {@code errorPath}/{@code causePath} are JSONPath reference paths or intrinsic functions.
 */
public record FailState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        JsonNode error,
        String errorPath,
        JsonNode cause,
        String causePath) implements State {

    @Override
    public String type() {
        return "Fail";
    }
}
