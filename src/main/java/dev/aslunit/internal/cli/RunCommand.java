package dev.aslunit.internal.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aslunit.Execution;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.DefinitionException;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.ExecutionStatus;
import dev.aslunit.internal.definition.StateMachineType;
import dev.aslunit.internal.engine.S3ObjectStore;
import dev.aslunit.internal.history.ExecutionTrace;
import dev.aslunit.internal.history.HistoryEvent;
import dev.aslunit.internal.history.HistoryJson;
import dev.aslunit.internal.json.JsonReading;
import dev.aslunit.internal.json.JsonWriting;
import dev.aslunit.internal.sfnlocal.MockConfigException;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import dev.aslunit.internal.validation.DefinitionValidator;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ExecutionPicture;
import dev.aslunit.internal.report.ReportWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aslunit run}: one execution of a definition file, printed as a readable trace or as JSON;
 * or, with {@code --batch}, many executions from a JSON Lines file, one result line per request
 * (the contract of the conformance runner).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a state machine on a virtual clock and print its result and history.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the execution succeeded (batch: every request was answered)",
            "1:invalid definition, input or usage", "2:the execution failed, timed out or was aborted"})
public final class RunCommand implements Callable<Integer> {

    /** Where the virtual clock starts when no start time is given. */
    public static final Instant DEFAULT_START = dev.aslunit.StepFunctionsConfig.DEFAULT_START_TIME;
    static final String STATE_MACHINE_NAME = "StateMachine";


    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DEFINITION",
            description = "The state machine definition (JSON or YAML), or the cdk.out directory of a CDK app.")
    Path definition;

    @Option(names = "--state-machine", paramLabel = "CONSTRUCT_PATH",
            description = "In a CDK app, the state machine to run: its construct path (e.g. OrdersStack/OrderFlow) "
                    + "or logical id; not needed when the app has one.")
    String stateMachine;

    @Option(names = "--input", paramLabel = "JSON", description = "The execution input (default: {}).")
    String input;

    @Option(names = "--input-file", paramLabel = "FILE", description = "Read the execution input from FILE.")
    Path inputFile;

    @Option(names = "--start-time", paramLabel = "ISO-8601",
            description = "Where the virtual clock starts (default: ${DEFAULT-VALUE}).", defaultValue = "2026-01-01T00:00:00Z")
    String startTime;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of UUIDs, random numbers and jitter (default: 0).")
    long seed = ExecutionOptions.DEFAULT_SEED;

    @Option(names = "--type", paramLabel = "STANDARD|EXPRESS", description = "Workflow type (default: STANDARD).")
    StateMachineType type = StateMachineType.STANDARD;

    @Option(names = "--format", paramLabel = "text|json|html|mermaid",
            description = "Output format (default: text); html is a page with the workflow's graph and the path taken, "
                    + "mermaid the same graph as a Mermaid state diagram.")
    String format = "text";

    @Option(names = "--coverage", paramLabel = "DIR",
            description = "Also write the workflow coverage of the execution(s) to DIR: coverage.json, index.html, coverage.md.")
    Path coverage;

    @Option(names = "--substitution", paramLabel = "NAME=VALUE",
            description = "Value for a ${NAME} placeholder in the definition; repeatable.")
    Map<String, String> substitutions = new java.util.LinkedHashMap<>();

    @Option(names = "--allow-placeholders",
            description = "Leave ${NAME} placeholders without a value in place instead of refusing the definition.")
    boolean allowPlaceholders;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "An AWS Step Functions Local mock configuration file answering the Task states.")
    Path mockConfig;

    @Option(names = "--test-case", paramLabel = "[STATE_MACHINE#]TEST_CASE",
            description = "The mock file's test case to use; name its state machine first when the file has several.")
    String testCase;

    @Option(names = "--batch", paramLabel = "REQUESTS.jsonl",
            description = "Run every request of a JSON Lines file; print one JSON result line per request.")
    Path batch;

    @Override
    public Integer call() throws IOException {
        if (batch != null) {
            if (definition != null) {
                return usage("--batch takes no DEFINITION: each request carries its own definition");
            }
            return runBatch(batch, coverage, spec.commandLine().getErr());
        }
        if (definition == null) {
            return usage("Missing DEFINITION: give a definition file, or --batch REQUESTS.jsonl");
        }
        if (!List.of("text", "json", "html", "mermaid").contains(format)) {
            return usage("--format must be text, json, html or mermaid, not \"" + format + "\"");
        }
        if (input != null && inputFile != null) {
            return usage("Give either --input or --input-file, not both");
        }
        if ((mockConfig == null) != (testCase == null)) {
            return usage("--mock-config and --test-case go together: give the file and the test case to use");
        }
        Instant start = instant(startTime);
        if (start == null) {
            return usage("--start-time \"" + startTime + "\" is not an ISO-8601 timestamp with an offset, e.g. "
                    + "2026-01-01T00:00:00Z");
        }
        LoadedDefinition loaded;
        try {
            // a CDK app's cloud assembly, or a definition file (JSON, YAML, SAM, CloudFormation)
            loaded = CdkApp.isCloudAssembly(definition)
                    ? DefinitionLoader.fromCdkApp(definition).stateMachine(stateMachine).allowOpaquePlaceholders().load()
                    : placeholders(DefinitionLoader.fromFile(definition).type(type).substitutions(substitutions)).load();
        } catch (DefinitionSourceException e) {
            return usage("aslunit run: " + e.getMessage());
        }
        if (!loaded.isValid()) {
            loaded.errors().forEach(d -> spec.commandLine().getErr().println(d.format()));
            spec.commandLine().getErr().println(loaded.source() + ": invalid, not run");
            return 1;
        }
        JsonNode in;
        try {
            in = inputFile != null ? JsonReading.tree(Files.readString(inputFile))
                    : input != null ? JsonReading.tree(input) : JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            return usage("The input is not valid JSON (" + (inputFile != null ? inputFile : "--input") + ", "
                    + JsonReading.problem(e) + ").");
        } catch (java.nio.file.NoSuchFileException e) {
            return usage("The input file " + inputFile + " does not exist (looked for " + inputFile.toAbsolutePath() + ").");
        } catch (IOException e) {
            return usage("Cannot read the input file " + inputFile + " (" + e + ").");
        }
        CompiledStateMachine machine;
        try {
            machine = CompiledStateMachine.compile(loaded.definition(), STATE_MACHINE_NAME);
        } catch (DefinitionException e) {
            spec.commandLine().getErr().println(definition + ": " + e.getMessage());
            return 1;
        }
        CoverageCollector collector = coverage == null ? null : new CoverageCollector();
        ExecutionOptions.Builder options = ExecutionOptions.builder().input(in).seed(seed).type(type)
                .childExecutionListener(childCoverage(collector, machine));
        if (mockConfig != null) {
            try {
                options.taskHandler(mockHandler(machine));
            } catch (MockConfigException e) {
                return usage(e.getMessage());
            }
        }
        ExecutionRun run = machine.start(options.build(), new VirtualScheduler(start)).awaitCompletion();
        PrintWriter out = spec.commandLine().getOut();
        Execution execution = Execution.fromHistory(run.name(), machine.definition(), run.history());
        if (collector != null) {
            collector.record(execution);
            ReportWriter.write(collector.report(), coverage);
        }
        if (format.equals("json")) {
            out.println(result(run));
        } else if (format.equals("html")) {
            out.print(ExecutionPicture.html(execution));
        } else if (format.equals("mermaid")) {
            out.print(ExecutionPicture.mermaid(execution));
        } else {
            out.print(ExecutionTrace.format(run.history()));
            if (run.status() == ExecutionStatus.RUNNING) {
                out.println("execution still RUNNING: waiting for a callback nobody will send: "
                        + run.pendingTaskTokens());
            }
        }
        out.flush();
        return run.status() == ExecutionStatus.SUCCEEDED ? 0 : 2;
    }

    private DefinitionLoader placeholders(DefinitionLoader loader) {
        return allowPlaceholders ? loader.allowOpaquePlaceholders() : loader;
    }

    /** {@code --test-case Machine#Case}, or just {@code Case} when the file mocks one state machine. */
    private dev.aslunit.internal.engine.TaskHandler mockHandler(CompiledStateMachine machine) {
        MockConfigFile mocks = MockConfigFile.parse(mockConfig);
        MockConfigFile.TestCaseName name = mocks.testCase(testCase, machine.name());
        return mocks.handlerFor(name.stateMachine(), name.testCase(), machine.definition());
    }

    private int usage(String message) {
        spec.commandLine().getErr().println(message);
        return 1;
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ batch mode

    /** {@code --batch}: answers every request of {@code batch} on standard output, one line each. */
    static int runBatch(Path batch, Path coverage, PrintWriter err) throws IOException {
        // Results are streamed to standard output as they are made: a batch of long histories never
        // sits in memory as one tree or one string.
        JsonGenerator g = JsonWriting.factory().createGenerator(System.out, JsonEncoding.UTF8);
        g.setRootValueSeparator(null);
        CoverageCollector collector = coverage == null ? null : new CoverageCollector();
        Batch requests = new Batch(collector);
        try (BufferedReader reader = Files.newBufferedReader(batch, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                requests.answer(line, lineNo).write(g);
                g.writeRaw('\n');
            }
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot read " + batch + ": no such file (looked for " + batch.toAbsolutePath() + ").");
            return 1;
        } catch (IOException e) {
            err.println("Cannot read " + batch + ": " + e);
            return 1;
        } finally {
            g.flush();
        }
        if (collector != null) {
            ReportWriter.write(collector.report(), coverage);
        }
        return 0;
    }

    static ObjectNode answer(String line, int lineNo) {
        return answer(line, lineNo, null);
    }

    /** Counts a Distributed Map's child executions into {@code collector} as they end, without keeping them. */
    private static BiConsumer<String, List<HistoryEvent>> childCoverage(CoverageCollector collector,
            CompiledStateMachine machine) {
        return collector == null ? null
                : (mapState, history) -> collector.recordChildExecution(machine.definition(), mapState, history);
    }

    /** One request's answer as a tree; the execution counts towards {@code coverage} when one is given. */
    static ObjectNode answer(String line, int lineNo, CoverageCollector coverage) {
        return new Batch(coverage).answer(line, lineNo).toJson();
    }

    /** A request's answer: its execution, or the {@code requestError} that kept it from running. */
    record Answer(JsonNode id, ExecutionRun run, ObjectNode error) {

        ObjectNode toJson() {
            if (error != null) {
                return error;
            }
            ObjectNode out = result(run);
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

    /**
     * The requests of one batch. A definition that comes again (the same JSON, name and type) is
     * validated and compiled once: compiled machines are immutable and start any number of times.
     */
    static final class Batch {

        private static final int MACHINES_KEPT = 32;

        private record Key(JsonNode definition, String name, StateMachineType type) {
        }

        private final CoverageCollector coverage;
        private final Map<Key, CompiledStateMachine> machines = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompiledStateMachine> eldest) {
                return size() > MACHINES_KEPT;
            }
        };

        Batch(CoverageCollector coverage) {
            this.coverage = coverage;
        }

        /** Every failure to run the request becomes its {@code requestError}. */
        Answer answer(String line, int lineNo) {
            JsonNode request;
            try {
                request = JsonReading.tree(line);
            } catch (JsonProcessingException e) {
                // a request is one line: its column is all the place there is
                return requestError(null, "InvalidRequest", "Line " + lineNo + " is not JSON (column "
                        + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage() + ").");
            }
            JsonNode id = request.get("id");
            try {
                return run(request, id);
            } catch (DefinitionException | IllegalArgumentException e) {
                return requestError(id, "InvalidDefinition", e.getMessage());
            } catch (MockConfigException e) {
                return requestError(id, "InvalidMockConfig", e.getMessage());
            } catch (RuntimeException e) {
                // a bug of ours: one line naming it and where it happened, and the batch goes on
                StackTraceElement[] where = e.getStackTrace();
                return requestError(id, "InternalError", "aslunit failed on this request: " + e
                        + (where.length > 0 ? " at " + where[0] : ""));
            }
        }

        private Answer run(JsonNode request, JsonNode id) {
            JsonNode def = request.get("definition");
            if (def != null && def.isTextual()) {
                try {
                    def = JsonReading.tree(def.asText());
                } catch (JsonProcessingException e) {
                    return requestError(id, "InvalidDefinition", "The definition is not JSON ("
                            + JsonReading.problem(e) + ").");
                }
            }
            if (def == null || !def.isObject()) {
                return requestError(id, "InvalidDefinition", "The request has no definition object");
            }
            String name = request.path("stateMachineName").asText(STATE_MACHINE_NAME);
            StateMachineType type = StateMachineType.STANDARD;
            if (request.hasNonNull("type")) {
                try {
                    type = StateMachineType.valueOf(request.get("type").asText());
                } catch (IllegalArgumentException e) {
                    return requestError(id, "InvalidRequest", "type must be STANDARD or EXPRESS, not "
                            + request.get("type"));
                }
            }
            Key key = new Key(def, name, type);
            CompiledStateMachine machine = machines.get(key);
            if (machine == null) {
                List<Diagnostic> diagnostics = DefinitionValidator.validate(def, SourceLocator.none(), type);
                if (!DefinitionValidator.isValid(diagnostics)) {
                    return requestError(id, "InvalidDefinition", diagnostics.stream().filter(Diagnostic::isError)
                            .map(Diagnostic::format).collect(Collectors.joining("\n")));
                }
                machine = CompiledStateMachine.compile(DefinitionReader.read(def), name);
                machines.put(key, machine);
            }
            ExecutionOptions.Builder options = ExecutionOptions.builder().type(type)
                    .childExecutionListener(childCoverage(coverage, machine))
                    .input(request.has("input") ? request.get("input") : JsonNodeFactory.instance.objectNode());
            if (request.hasNonNull("executionName")) {
                options.executionName(request.get("executionName").asText());
            }
            if (request.hasNonNull("seed")) {
                options.seed(request.get("seed").asLong());
            }
            Instant start = DEFAULT_START;
            if (request.hasNonNull("startTime")) {
                start = instant(request.get("startTime").asText());
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
            ExecutionRun run = machine.start(options.build(), new VirtualScheduler(start)).awaitCompletion();
            if (coverage != null) {
                coverage.record(Execution.fromHistory(run.name(), machine.definition(), run.history()));
            }
            return new Answer(id, run, null);
        }
    }

    /** The result object of the CLI contract: status, output, error, cause and the AWS-format events. */
    static ObjectNode result(ExecutionRun run) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", run.status().name());
        o.set("output", run.output());
        o.put("error", run.error());
        o.put("cause", run.cause());
        o.set("events", HistoryJson.toJson(run.history()));
        return o;
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
