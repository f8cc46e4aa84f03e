package dev.aslunit.internal.cli;

import dev.aslunit.internal.pipeline.Models;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.DefaultAwsEnvironment;
import dev.aslunit.Execution;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.pipeline.DefinitionPipeline;
import dev.aslunit.internal.pipeline.MockFileCase;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.DefinitionException;
import dev.aslunit.internal.engine.EndedChild;
import dev.aslunit.internal.engine.ExecutionInputException;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.engine.S3ObjectStore;
import dev.aslunit.internal.facts.ExecutionRecord;
import dev.aslunit.internal.facts.Trace;
import dev.aslunit.HistoryEvent;
import dev.aslunit.internal.history.HistoryJson;
import dev.aslunit.internal.json.JsonReading;
import dev.aslunit.internal.sfnlocal.MockConfigException;
import dev.aslunit.internal.sfnlocal.MockConfigFile;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.ExecutionPicture;
import dev.aslunit.internal.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aslunit run}: one execution of a definition file, printed as a readable trace or as JSON;
 * or, with {@code --batch}, many executions from a JSON Lines file ({@link Batch}).
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

    @Option(names = "--aws-region", paramLabel = "REGION", defaultValue = DefaultAwsEnvironment.REGION,
            description = "Region in the ARNs, and of a CDK app's tokens (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--aws-account", paramLabel = "ACCOUNT", defaultValue = DefaultAwsEnvironment.ACCOUNT_ID,
            description = "Account in the ARNs, and of a CDK app's tokens (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--s3", paramLabel = "DIR", description = "S3 objects for ItemReader, ResultWriter and S3 tasks: each"
            + " folder in DIR is a bucket, each file under it an object keyed by its path (an empty folder is an empty"
            + " bucket).")
    Path s3Directory;

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
            description = "Value for a $${NAME} placeholder in the definition; repeatable.")
    Map<String, String> substitutions = new java.util.LinkedHashMap<>();

    @Option(names = "--allow-placeholders",
            description = "Leave $${NAME} placeholders without a value in place instead of refusing the definition.")
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
            return Batch.run(batch, coverage, spec.commandLine().getErr());
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
        Compilation compilation;
        try {
            // a CDK app's cloud assembly, or a definition file (JSON, YAML, SAM, CloudFormation)
            compilation = DefinitionPipeline.compile(CdkApp.isCloudAssembly(definition)
                    ? DefinitionPipeline.fromPath(definition).stateMachine(stateMachine).awsEnvironment(region, account)
                    : placeholders(DefinitionLoader.fromFile(definition).type(type).substitutions(substitutions)
                            .awsEnvironment(region, account)),
                    STATE_MACHINE_NAME);
        } catch (DefinitionSourceException e) {
            return usage("aslunit run: " + e.getMessage());
        }
        if (!compilation.isValid()) {
            compilation.errors().forEach(d -> spec.commandLine().getErr().println(d.format()));
            spec.commandLine().getErr().println(compilation.source() + ": invalid, not run");
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
        CompiledStateMachine machine = compilation.machine();
        CoverageCollector collector = coverage == null ? null : new CoverageCollector();
        ExecutionOptions.Builder options = ExecutionOptions.builder().input(in).seed(seed).type(type)
                .region(region).accountId(account)
                .childExecutionListener(childCoverage(collector, machine));
        if (s3Directory != null) {
            try {
                options.s3(s3Objects(s3Directory));
            } catch (IOException e) {
                return usage("Cannot read the S3 objects in " + s3Directory + " (" + e + ").");
            }
        }
        if (mockConfig != null) {
            try {
                options.taskHandler(mockHandler(machine));
            } catch (MockConfigException e) {
                return usage(e.getMessage());
            }
        }
        ExecutionRun run;
        try {
            run = machine.start(options.build(), new VirtualScheduler(start)).awaitCompletion();
        } catch (ExecutionInputException e) {
            return usage(e.getMessage() + " (" + (inputFile != null ? inputFile : "--input") + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Execution execution = Models.ended(run.name(), machine.definition(), run.history(), run.facts());
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
            out.println(Trace.detailed(ExecutionRecord.of(run.facts()), name -> Models.stateDefinition(execution, name),
                    execution.statesWaitingForTaskToken()));
            HistoryEvent last = run.history().get(run.history().size() - 1);
            if (run.status() == ExecutionStatus.SUCCEEDED && last.details() != null) {
                // the history's text: JsonNode.toString() would load Jackson's object mapper
                out.println("Output: " + last.details().path("output").asText());
            }
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
        return MockFileCase.select(MockConfigFile.parse(mockConfig), testCase, machine.name(), machine.definition())
                .answers(machine.definition());
    }

    /** Each folder of {@code directory} a bucket, each file under it an object keyed by its relative path. */
    static S3ObjectStore s3Objects(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new java.nio.file.NoSuchFileException(directory.toAbsolutePath() + " is not a folder of buckets");
        }
        S3ObjectStore store = new S3ObjectStore();
        try (var buckets = Files.list(directory)) {
            for (Path bucket : buckets.sorted().filter(Files::isDirectory).toList()) {
                String name = bucket.getFileName().toString();
                store.createBucket(name);
                try (var files = Files.walk(bucket)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        store.put(name, bucket.relativize(file).toString().replace('\\', '/'), Files.readString(file));
                    }
                }
            }
        }
        return store;
    }

    private int usage(String message) {
        spec.commandLine().getErr().println(message);
        return 1;
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Counts a Distributed Map's child executions into {@code collector} as they end, without keeping them. */
    static BiConsumer<String, EndedChild> childCoverage(CoverageCollector collector,
            CompiledStateMachine machine) {
        return collector == null ? null
                : (mapState, child) -> collector.recordChildExecution(machine.definition(), mapState, child);
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
}
