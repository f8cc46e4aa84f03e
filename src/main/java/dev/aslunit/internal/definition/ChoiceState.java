package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Choice state: the first {@link Choice} whose rule holds decides {@code Next}; otherwise
 * {@code defaultNext}, which may be {@code null} (then AWS fails with {@code States.NoChoiceMatched}).
 */
public record ChoiceState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        List<Choice> choices,
        String defaultNext,
        String inputPath,
        String outputPath,
        JsonNode output,
        JsonNode assign) implements State, State.DataFlow {

    public ChoiceState {
        choices = List.copyOf(choices);
    }

    @Override
    public String type() {
        return "Choice";
    }

    /** One top-level entry of {@code Choices}: a rule, where it leads, and what it assigns. */
    public record Choice(ChoiceRule rule, String next, JsonNode assign, JsonNode output, SourceLocation location) {
    }
}
