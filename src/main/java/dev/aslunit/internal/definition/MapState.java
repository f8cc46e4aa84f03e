package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Map state, inline or distributed. {@code itemProcessor} comes from {@code ItemProcessor} or the
 * older {@code Iterator}; {@code itemSelector} from {@code ItemSelector} or the older
 * {@code Parameters}. {@code processorMode} is {@code INLINE} or {@code DISTRIBUTED} and
 * {@code executionType} ({@code STANDARD}/{@code EXPRESS}) is set for distributed maps.
 * Distributed-map configuration ({@code ItemReader}, {@code ItemBatcher}, {@code ResultWriter})
 * is kept as written.
 */
public record MapState(
        String name,
        String comment,
        QueryLanguage queryLanguage,
        SourceLocation location,
        Transition transition,
        StateMachineDefinition itemProcessor,
        String processorMode,
        String executionType,
        String inputPath,
        String itemsPath,
        JsonNode items,
        JsonNode itemSelector,
        JsonNode itemReader,
        JsonNode itemBatcher,
        JsonNode resultWriter,
        JsonNode maxConcurrency,
        String maxConcurrencyPath,
        JsonNode toleratedFailurePercentage,
        String toleratedFailurePercentagePath,
        JsonNode toleratedFailureCount,
        String toleratedFailureCountPath,
        String label,
        JsonNode resultSelector,
        String resultPath,
        String outputPath,
        JsonNode output,
        JsonNode assign,
        List<Retrier> retry,
        List<Catcher> catchers) implements State, State.Retryable, State.DataFlow {

    public MapState {
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    public boolean distributed() {
        return "DISTRIBUTED".equals(processorMode);
    }

    @Override
    public String type() {
        return "Map";
    }
}
