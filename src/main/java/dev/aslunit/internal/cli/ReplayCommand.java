package dev.aslunit.internal.cli;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.definition.load.InvalidDefinitionException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aslunit replay}: an execution recorded on AWS, run again offline with the same Task answers. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a definition with every Task answered as a recorded execution's history says"
                + " (GetExecutionHistory's JSON: results, errors, timeouts, latencies) and check that it takes"
                + " the same path to the same result.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:same path and result as recorded", "1:a difference (printed side by side), or an invalid definition",
                "2:usage error (unreadable file, not an execution history)"})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "HISTORY.json", description = "The output of aws stepfunctions get-execution-history.")
    Path history;

    @Option(names = "--definition", paramLabel = "FILE", required = true,
            description = "The definition to replay (ASL JSON/YAML, or a SAM/CloudFormation template).")
    Path definition;

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID",
            description = "In a SAM/CloudFormation template, the state machine's logical id.")
    String stateMachine;

    @Option(names = "--substitution", paramLabel = "NAME=VALUE",
            description = "Value for a $${NAME} placeholder in the definition; repeatable.")
    Map<String, String> substitutions = new LinkedHashMap<>();

    @Option(names = "--java-test", paramLabel = "CLASS",
            description = "After a replay that matches, print a JUnit test (e.g. com.acme.OrderReplayTest) that"
                    + " replays this history, to keep it as a regression test.")
    String javaTest;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(history)) {
            err.println("aslunit replay: no history file " + history.toAbsolutePath()
                    + ": save one with aws stepfunctions get-execution-history --execution-arn ARN > history.json");
            return Main.USAGE;
        }
        StepFunctionsConfig.Builder config = StepFunctionsConfig.newBuilder().definition(definition.toString());
        if (stateMachine != null) {
            config.logicalId(stateMachine);
        }
        substitutions.forEach(config::substitution);
        Execution replayed;
        try {
            replayed = StateMachineUnderTest.of(config.build()).replay(history);
        } catch (InvalidDefinitionException | DefinitionSourceException e) {
            err.println(e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("aslunit replay: " + e.getMessage());
            return Main.USAGE;
        } catch (AssertionError finding) {
            out.println(finding.getMessage());
            return 1;
        }
        if (javaTest != null) {
            out.print(javaTest(javaTest, definition, history));
        } else {
            out.println("Replayed " + history + " on " + definition + ": the same path (" + String.join(" → ",
                    replayed.path()) + ") to the same result (" + replayed.status() + ") as recorded.");
        }
        return 0;
    }

    /** A JUnit 5 test class that replays the history: a production execution kept as a regression test. */
    static String javaTest(String className, Path definition, Path history) {
        int dot = className.lastIndexOf('.');
        String simple = className.substring(dot + 1);
        return (dot > 0 ? "package " + className.substring(0, dot) + ";\n\n" : "")
                + "import dev.aslunit.StateMachineUnderTest;\n"
                + "import dev.aslunit.junit.StepFunctionTest;\n"
                + "import java.nio.file.Path;\n"
                + "import org.junit.jupiter.api.Test;\n\n"
                + "/** Replays an execution recorded on AWS: the definition must still take its path to its result. */\n"
                + "@StepFunctionTest(definition = \"" + java(definition) + "\")\n"
                + "class " + simple + " {\n\n"
                + "    @Test\n"
                + "    void replays_" + identifier(history) + "(StateMachineUnderTest sfn) {\n"
                + "        sfn.replay(Path.of(\"" + java(history) + "\"));\n"
                + "    }\n"
                + "}\n";
    }

    private static String java(Path path) {
        return path.toString().replace('\\', '/').replace("\"", "\\\"");
    }

    private static String identifier(Path history) {
        String name = history.getFileName().toString().replaceFirst("\\.json$", "").replaceAll("[^A-Za-z0-9]+", "_");
        return Character.isJavaIdentifierStart(name.isEmpty() ? '_' : name.charAt(0)) ? name : "_" + name;
    }
}
