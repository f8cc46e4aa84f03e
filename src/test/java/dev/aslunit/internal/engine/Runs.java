package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.HistoryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: definitions as text, runs to completion on a fresh virtual clock. */
final class Runs {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    private Runs() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CompiledStateMachine compile(String definition) {
        return CompiledStateMachine.compile(DefinitionReader.read(json(definition)), "Machine");
    }

    static ExecutionRun run(String definition, String input) {
        return run(definition, ExecutionOptions.builder().input(json(input)).build());
    }

    static ExecutionRun run(String definition, ExecutionOptions options) {
        return compile(definition).start(options, new VirtualScheduler(T0)).awaitCompletion();
    }

    static ExecutionOptions.Builder with(String input, TaskHandler handler) {
        return ExecutionOptions.builder().input(json(input)).taskHandler(handler);
    }

    /** {@code Type:name} of every event with a state name, else the type alone. */
    static List<String> types(ExecutionRun run) {
        return run.history().stream().map(e -> e.stateName() == null ? e.type() : e.type() + ":" + e.stateName())
                .collect(Collectors.toList());
    }

    /** An object's field names, in its order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<Long> previousIds(ExecutionRun run) {
        return run.history().stream().map(HistoryEvent::previousEventId).collect(Collectors.toList());
    }

    static HistoryEvent last(ExecutionRun run, String type) {
        List<HistoryEvent> h = run.history();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).type().equals(type)) {
                return h.get(i);
            }
        }
        throw new AssertionError("no " + type + " in " + types(run));
    }
}
