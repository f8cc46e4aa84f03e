package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A Parallel state; each branch is a state machine of its own. */
public record ParallelState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        Transition transition,
        List<StateMachineDefinition> branches,
        String inputPath,
        JsonNode parameters,
        JsonNode arguments,
        JsonNode resultSelector,
        String resultPath,
        String outputPath,
        JsonNode output,
        JsonNode assign,
        List<Retrier> retry,
        List<Catcher> catchers) implements State, State.Retryable, State.DataFlow {

    public ParallelState {
        branches = List.copyOf(branches);
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    @Override
    public String type() {
        return "Parallel";
    }
}
