package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One {@code Catch} rule. {@code resultPath} is {@code "$"} when absent and {@code null} when
 * written as JSON null (JSONPath); {@code output} and {@code assign} are JSONata/variables fields.
 */
public record Catcher(
        List<String> errorEquals,
        String next,
        String resultPath,
        JsonNode output,
        JsonNode assign,
        String comment,
        SourceLocation location) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
