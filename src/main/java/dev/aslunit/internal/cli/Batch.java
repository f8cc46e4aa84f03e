package dev.aslunit.internal.cli;

import dev.aslunit.internal.pipeline.Models;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.Execution;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionInputException;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.S3ObjectStore;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.history.HistoryJson;
import dev.aslunit.internal.json.JsonReading;
import dev.aslunit.internal.json.JsonWriting;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.pipeline.DefinitionPipeline;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ReportWriter;
import dev.aslunit.internal.sfnlocal.MockConfigException;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.definition.StateNames;
import java.util.List;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code aslunit run --batch}: the requests of one JSON Lines file, one result line each, in the
 * contract of the conformance runner. A request's definition goes through the same
 * {@link DefinitionPipeline} as a user's test, so the conformance figures measure that path.
 *
 * <p>A definition that comes again (the same JSON, name and type) is loaded and compiled once:
 * compiled machines are immutable and start any number of times.
 */
final class Batch {

    private static final int MACHINES_KEPT = 32;

    /** {@code definitionHash} is {@code definition.hashCode()}, found once per tree (see {@code hashed}). */
    private record Key(JsonNode definition, int definitionHash, String name, StateMachineType type) {

        // Written out: a record's generated hashCode and equals bootstrap through method handles at
        // their first call, a dozen classes spun at every CLI start that JDK 17's class-data archive
        // cannot keep.
        @Override
        public int hashCode() {
            return (definitionHash * 31 + name.hashCode()) * 31 + type.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && definition.equals(k.definition) && name.equals(k.name) && type == k.type;
        }
    }

    private final CoverageCollector coverage;
    private final RepeatedDefinitions definitions = new RepeatedDefinitions();
    private final Map<Key, CompiledStateMachine> machines = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompiledStateMachine> eldest) {
            return size() > MACHINES_KEPT;
        }
    };

    /**
     * The last definition tree hashed and its hash: {@link RepeatedDefinitions} hands out the same
     * tree for a repeated definition, and hashing a 1,000-state tree walks all of it (1% of the
     * suite run's main thread, at each of the 20 requests of the pass chain).
     */
    private JsonNode hashed;
    private int hash;

    Batch(CoverageCollector coverage) {
        this.coverage = coverage;
    }

    /** Answers every request of {@code batch} on standard output, one line each. */
    static int run(Path batch, Path coverage, PrintWriter err) throws IOException {
        // Results are streamed to standard output as they are made: a batch of long histories never
        // sits in memory as one tree or one string.
        // System.out hands each of the generator's 8 KB chunks to its own write call (its buffer is
        // 128 bytes) and flushes after each: 6,000 system calls for the benchmark suite's 45 MB.
        JsonGenerator g = JsonWriting.factory().createGenerator(new BufferedOutputStream(System.out, 1 << 16),
                JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        CoverageCollector collector = coverage == null ? null : new CoverageCollector();
        Batch requests = new Batch(collector);
        AnswerWriter writer = new AnswerWriter(g);
        try (InputStream in = Files.newInputStream(batch)) {
            requests.answerAll(new RequestLines(in), writer);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot read " + batch + ": no such file (looked for " + batch.toAbsolutePath() + ").");
            return 1;
        } catch (IOException e) {
            err.println("Cannot read " + batch + ": " + e);
            return 1;
        } finally {
            writer.finish();
        }
        if (collector != null) {
            ReportWriter.write(collector.report(), coverage);
        }
        return 0;
    }

    /** Hands the answer of each request of {@code lines} to {@code writer}, in order. */
    void answerAll(RequestLines lines, AnswerWriter writer) throws IOException {
        String line;
        int lineNo = 0;
        while ((line = lines.next()) != null && !writer.failed()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            writer.add(answer(line, lineNo));
        }
    }

    static ObjectNode answerLine(String line, int lineNo) {
        return answerLine(line, lineNo, null);
    }

    /** One request's answer as a tree; the execution counts towards {@code coverage} when one is given. */
    static ObjectNode answerLine(String line, int lineNo, CoverageCollector coverage) {
        return new Batch(coverage).answer(line, lineNo).toJson();
    }

    /** A request's answer: its execution, or the {@code requestError} that kept it from running. */
    record Answer(JsonNode id, ExecutionRun run, ObjectNode error) implements Prepared {

        ObjectNode toJson() {
            if (error != null) {
                return error;
            }
            ObjectNode out = RunCommand.result(run);
            out.set("id", id);
            return out;
        }

        /** Streams {@link #toJson()}'s object, the events one by one. */
        void write(JsonGenerator g) throws IOException {
            if (error != null) {
                JsonWriting.write(g, error);
                return;
            }
            g.writeStartObject();
            g.writeStringField("status", run.status().name());
            g.writeFieldName("output");
            JsonWriting.write(g, run.output());
            g.writeStringField("error", run.error());
            g.writeStringField("cause", run.cause());
            g.writeArrayFieldStart("events");
            HistoryJson.EventWriter events = HistoryJson.writer();
            for (HistoryEvent e : run.history()) {
                events.write(g, e);
            }
            g.writeEndArray();
            g.writeFieldName("id");
            JsonWriting.write(g, id);
            g.writeEndObject();
        }
    }

    /** Every failure to run the request becomes its {@code requestError}. */
    /** The request fields of the batch contract, in the order docs/cli.md lists them. */
    static final List<String> FIELDS = List.of("id", "definition", "input", "type", "executionName", "startTime", "seed",
            "mockConfig", "stateMachineName", "testCase", "s3Objects");

    /** What reading a request gives: its answer already (a request error), or its execution ready to start. */
    sealed interface Prepared permits Answer, Ready {
    }

    /** A request's execution ready to start: what it needs of the request, and not the request's tree. */
    private record Ready(JsonNode id, CompiledStateMachine machine, ExecutionOptions options, Instant start)
            implements Prepared {
    }

    Answer answer(String line, int lineNo) {
        // The request's tree is let go before its execution runs: a mock file of thousands of
        // entries (the retry-storm batch's 488 KB) is megabytes as a tree, and would otherwise be
        // alive, and copied by each young collection, all through the run.
        Prepared prepared = prepare(line, lineNo);
        if (prepared instanceof Answer error) {
            return error;
        }
        Ready ready = (Ready) prepared;
        try {
            ExecutionRun run = ready.machine().start(ready.options(), new VirtualScheduler(ready.start())).awaitCompletion();
            if (coverage != null) {
                coverage.record(Models.ended(run.name(), ready.machine().definition(), run.history(), run.facts()));
            }
            return new Answer(ready.id(), run, null);
        } catch (RuntimeException e) {
            return failure(ready.id(), e);
        }
    }

    private Prepared prepare(String line, int lineNo) {
        JsonNode request;
        try {
            request = definitions.read(line);
        } catch (JsonProcessingException e) {
            return requestError(null, "InvalidRequest", "Line " + lineNo + " is not JSON (" + JsonReading.problem(e) + ").");
        }
        JsonNode id = request.get("id");
        if (!request.isObject()) {
            return requestError(null, "InvalidRequest", "Line " + lineNo + " is not a request object but "
                    + JsonWriting.text(request) + ".");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                // a misspelled field would otherwise be ignored, and the request run without it
                return requestError(id, "InvalidRequest", "Line " + lineNo + ": unknown field \"" + field + "\""
                        + StateNames.didYouMean(field, FIELDS) + " The fields are " + String.join(", ", FIELDS) + " (docs/cli.md).");
            }
        }
        try {
            return ready(request, id);
        } catch (RuntimeException e) {
            return failure(id, e);
        }
    }

    /** The answer to a request that failed with {@code e} on its way or in its run. */
    private static Answer failure(JsonNode id, RuntimeException e) {
        if (e instanceof ExecutionInputException) {
            return requestError(id, "ValidationException", e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return requestError(id, "InvalidDefinition", e.getMessage());
        }
        if (e instanceof MockConfigException) {
            return requestError(id, "InvalidMockConfig", e.getMessage());
        }
        // a bug of ours: one line naming it and where it happened, and the batch goes on
        StackTraceElement[] where = e.getStackTrace();
        return requestError(id, "InternalError", "aslunit failed on this request: " + e
                + (where.length > 0 ? " at " + where[0] : ""));
    }

    private Prepared ready(JsonNode request, JsonNode id) {
        JsonNode def = request.get("definition");
        String text = null;
        if (def != null && def.isTextual()) {
            text = def.asText();
            try {
                def = JsonReading.tree(text);
            } catch (JsonProcessingException e) {
                return requestError(id, "InvalidDefinition", "The definition is not JSON ("
                        + JsonReading.problem(e) + ").");
            }
        }
        if (def == null || !def.isObject()) {
            return requestError(id, "InvalidDefinition", "The request has no definition object");
        }
        String name = request.path("stateMachineName").asText(RunCommand.STATE_MACHINE_NAME);
        StateMachineType type = StateMachineType.STANDARD;
        if (request.hasNonNull("type")) {
            try {
                type = StateMachineType.valueOf(request.get("type").asText());
            } catch (IllegalArgumentException e) {
                return requestError(id, "InvalidRequest", "type must be STANDARD or EXPRESS, not "
                        + request.get("type"));
            }
        }
        if (def != hashed) {
            hash = def.hashCode();
            hashed = def;
        }
        Key key = new Key(def, hash, name, type);
        CompiledStateMachine machine = machines.get(key);
        if (machine == null) {
            Compilation compilation = DefinitionPipeline.compile(
                    DefinitionPipeline.fromApi(text != null ? text : JsonWriting.text(def)).type(type), name);
            if (!compilation.isValid()) {
                return requestError(id, "InvalidDefinition", compilation.errors().stream()
                        .map(Diagnostic::format).collect(Collectors.joining("\n")));
            }
            machine = compilation.machine();
            machines.put(key, machine);
        }
        ExecutionOptions.Builder options = ExecutionOptions.builder().type(type)
                .childExecutionListener(RunCommand.childCoverage(coverage, machine))
                .input(request.has("input") ? request.get("input") : JsonNodeFactory.instance.objectNode());
        if (request.hasNonNull("executionName")) {
            options.executionName(request.get("executionName").asText());
        }
        if (request.hasNonNull("seed")) {
            options.seed(request.get("seed").asLong());
        }
        Instant start = RunCommand.DEFAULT_START;
        if (request.hasNonNull("startTime")) {
            start = RunCommand.instant(request.get("startTime").asText());
            if (start == null) {
                return requestError(id, "InvalidRequest", "startTime is not an ISO-8601 timestamp with an offset: "
                        + request.get("startTime"));
            }
        }
        if (request.hasNonNull("mockConfig")) {
            MockConfigFile mocks = MockConfigFile.parse(request.get("mockConfig"), "mockConfig of request " + JsonWriting.text(id));
            options.taskHandler(mocks.handlerFor(name, request.path("testCase").asText()));
        }
        if (request.hasNonNull("s3Objects")) {
            S3ObjectStore s3 = new S3ObjectStore();
            Iterator<Map.Entry<String, JsonNode>> objects = request.get("s3Objects").fields();
            while (objects.hasNext()) {
                Map.Entry<String, JsonNode> o = objects.next();
                s3.put(o.getKey(), o.getValue().isTextual() ? o.getValue().asText() : o.getValue().toString());
            }
            options.s3(s3);
        }
        return new Ready(id, machine, options.build(), start);
    }

    private static Answer requestError(JsonNode id, String code, String message) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("id", id);
        o.putNull("status");
        ObjectNode e = o.putObject("requestError");
        e.put("code", code);
        e.put("message", message);
        return new Answer(id, null, o);
    }
}
