package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.StateMachineType;
import dev.aslunit.HistoryEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of docs/runtime-errors.md raised by a workflow: the error, the cause and the events
 * that end the history, as the catalogue gives them. The workflows are in
 * {@code runtime-errors.json} next to this class, one per catalogue id.
 *
 * <p>An entry's fields: {@code definition}, {@code input}; {@code task}, how every Task is answered
 * ({@code returns}, {@code fails} with {@code error}/{@code cause}, {@code noAnswer}, {@code throws};
 * absent: nothing answers); {@code sendTaskFailure}, a failure ({@code cause}, no {@code error})
 * sent to the task token once the execution waits; {@code type}; {@code s3}, objects by
 * {@code bucket/key}; and what to expect: {@code status} (default FAILED), {@code error} and
 * {@code cause} (null: absent; {@code causeStartsWith} for a cause that ends in a parser's message), {@code events} (the last event types of the history) and, for
 * JSONata failures, {@code location} (of the {@code EvaluationFailed} event); {@code details}, fields
 * of the last event of a type ({@code {"TaskFailed": {"error": null}}}: no {@code error} there).
 */
class RuntimeErrorCatalogueTest {

    private static final Path CATALOGUE = Path.of("docs/runtime-errors.md");
    /** A catalogue row starts with its id in backticks: {@code | `path-inputpath` | ...}. */
    private static final Pattern ROW_ID = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE);

    static Stream<Arguments> entries() throws IOException {
        JsonNode all = JSON.readTree(RuntimeErrorCatalogueTest.class.getResourceAsStream("runtime-errors.json"));
        List<Arguments> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), e.getValue()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void the_workflow_raises_the_catalogued_error(String id, JsonNode entry) {
        ExecutionRun run = run(entry);

        assertThat(run.status().name()).as(id + " status").isEqualTo(entry.path("status").asText("FAILED"));
        assertThat(run.error()).as(id + " error").isEqualTo(textOrNull(entry.get("error")));
        if (entry.has("causeStartsWith")) {
            // a cause that ends with a parser's own message
            assertThat(run.cause()).as(id + " cause").startsWith(entry.get("causeStartsWith").asText());
        } else {
            assertThat(run.cause()).as(id + " cause").isEqualTo(textOrNull(entry.get("cause")));
        }
        List<String> types = run.history().stream().map(HistoryEvent::type).toList();
        List<String> tail = new ArrayList<>();
        entry.get("events").forEach(t -> tail.add(t.asText()));
        assertThat(types).as(id + " events").endsWith(tail.toArray(new String[0]));
        if (entry.has("location")) {
            HistoryEvent failed = Runs.last(run, "EvaluationFailed");
            assertThat(detail(failed, "location")).as(id + " location").isEqualTo(entry.get("location").asText());
            assertThat(detail(failed, "cause")).as(id + " EvaluationFailed cause").isEqualTo(run.cause());
        }
        if (entry.has("details")) {
            entry.get("details").fields().forEachRemaining(byType -> byType.getValue().fields().forEachRemaining(
                    field -> assertThat(detail(Runs.last(run, byType.getKey()), field.getKey()))
                            .as(id + " " + byType.getKey() + "." + field.getKey())
                            .isEqualTo(textOrNull(field.getValue()))));
        }
        HistoryEvent last = run.history().get(run.history().size() - 1);
        if (last.type().equals("ExecutionFailed")) {
            // DescribeExecution and the closing event say the same
            assertThat(detail(last, "error")).as(id + " ExecutionFailed error").isEqualTo(run.error());
            assertThat(detail(last, "cause")).as(id + " ExecutionFailed cause").isEqualTo(run.cause());
        }
    }

    @Test
    void every_catalogue_entry_has_its_workflow_and_every_workflow_its_entry() throws IOException {
        Set<String> catalogued = new LinkedHashSet<>();
        Matcher m = ROW_ID.matcher(Files.readString(CATALOGUE));
        while (m.find()) {
            assertThat(catalogued.add(m.group(1))).as("catalogue id " + m.group(1) + " appears once").isTrue();
        }
        Set<String> tested = new LinkedHashSet<>();
        entries().forEach(a -> tested.add((String) a.get()[0]));
        assertThat(tested).containsExactlyInAnyOrderElementsOf(catalogued);
    }

    private static ExecutionRun run(JsonNode entry) {
        ExecutionOptions.Builder options = ExecutionOptions.builder().input(entry.path("input").isMissingNode()
                ? JSON.createObjectNode() : entry.get("input")).taskHandler(handler(entry.get("task")));
        if (entry.has("type")) {
            options.type(StateMachineType.valueOf(entry.get("type").asText()));
        }
        if (entry.has("s3")) {
            S3ObjectStore s3 = new S3ObjectStore();
            entry.get("s3").fields().forEachRemaining(o -> s3.put(o.getKey(), o.getValue().asText()));
            options.s3(s3);
        }
        ExecutionRun run = Runs.compile(entry.get("definition").toString())
                .start(options.build(), new VirtualScheduler(Runs.T0)).awaitCompletion();
        if (entry.has("sendTaskFailure")) {
            assertThat(run.pendingTaskTokens()).hasSize(1);
            String token = run.pendingTaskTokens().keySet().iterator().next();
            run.sendTaskFailure(token, null, entry.get("sendTaskFailure").path("cause").asText(null));
            run.awaitCompletion();
        }
        return run;
    }

    private static TaskHandler handler(JsonNode task) {
        if (task == null) {
            return invocation -> Optional.empty();
        }
        if (task.has("returns")) {
            JsonNode result = task.get("returns");
            return invocation -> Optional.of(TaskOutcome.succeeded(result));
        }
        if (task.has("fails")) {
            JsonNode f = task.get("fails");
            return invocation -> Optional.of(new TaskOutcome.Failed(f.path("error").asText(null),
                    f.path("cause").asText(null), Duration.ZERO));
        }
        if (task.has("throws")) {
            String message = task.get("throws").asText();
            return invocation -> {
                throw new IllegalStateException(message);
            };
        }
        return invocation -> Optional.of(new TaskOutcome.NoAnswer());
    }

    private static String detail(HistoryEvent event, String field) {
        return event.details() == null ? null : textOrNull(event.details().get(field));
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
