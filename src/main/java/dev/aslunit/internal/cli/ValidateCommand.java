package dev.aslunit.internal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.pipeline.DefinitionPipeline;
import dev.aslunit.internal.definition.load.cdk.CdkApp;
import dev.aslunit.internal.json.Json;
import dev.aslunit.internal.validation.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aslunit validate}: AWS's ValidateStateMachineDefinition, offline, for files. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check state machine definitions (ASL JSON/YAML, or SAM/CloudFormation templates) as AWS "
                + "would, and report every problem with its place.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every definition is valid (warnings allowed)", "1:a definition has errors",
                "2:usage error (bad option, unreadable file)"})
final class ValidateCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Definitions or templates to validate, or the cdk.out directory of a CDK app.")
    List<Path> files;

    @Option(names = "--type", paramLabel = "STANDARD|EXPRESS",
            description = "State machine type (default: the template's, else STANDARD).")
    StateMachineType type;

    @Option(names = "--substitution", paramLabel = "NAME=VALUE",
            description = "Value for a $${NAME} placeholder; repeatable.")
    Map<String, String> substitutions = new LinkedHashMap<>();

    @Option(names = "--allow-placeholders",
            description = "Leave $${NAME} placeholders without a value in place instead of reporting them.")
    boolean allowPlaceholders;

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID|CONSTRUCT_PATH",
            description = "In a SAM/CloudFormation template, the state machine to validate (its logical id); in a "
                    + "CDK app, its construct path (e.g. OrdersStack/OrderFlow) or logical id.")
    String stateMachine;

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text",
            description = "text (compiler style, the default), json (AWS's response shape) or sarif (SARIF 2.1.0,"
                    + " for GitHub code scanning).")
    Format format;

    @Override
    public Integer call() {
        // compiled too, so that "valid" means the definition runs
        List<Compilation> loaded = new ArrayList<>();
        for (Path file : files) {
            DefinitionLoader loader = (CdkApp.isCloudAssembly(file) ? DefinitionLoader.fromCdkApp(file)
                    : DefinitionLoader.fromFile(file)).substitutions(substitutions);
            if (allowPlaceholders) {
                loader = loader.allowOpaquePlaceholders();
            }
            if (stateMachine != null) {
                loader = loader.stateMachine(stateMachine);
            }
            if (type != null) {
                loader = loader.type(type);
            }
            try {
                loaded.add(DefinitionPipeline.compile(loader, RunCommand.STATE_MACHINE_NAME));
            } catch (DefinitionSourceException e) {
                spec.commandLine().getErr().println("aslunit validate: " + e.getMessage());
                return Main.USAGE;
            }
        }
        if (format == Format.json) {
            printJson(loaded);
        } else if (format == Format.sarif) {
            spec.commandLine().getOut().println(Json.pretty(SarifReport.render(loaded)));
        } else {
            printText(loaded);
        }
        return loaded.stream().allMatch(Compilation::isValid) ? 0 : 1;
    }

    private void printText(List<Compilation> loaded) {
        var out = spec.commandLine().getOut();
        for (Compilation definition : loaded) {
            definition.diagnostics().forEach(d -> out.println(d.format()));
            if (definition.loaded().cdkStateMachine() != null) {
                // Not an error: AWS resolves these at deploy time; an execution fails only if it needs one.
                definition.loaded().cdkStateMachine().unresolvedTokens().forEach(t -> out.println(t.location() + ": note "
                        + t.placeholder() + " stays opaque: " + t.reason()));
            }
            long errors = definition.errors().size();
            long warnings = definition.diagnostics().size() - errors;
            out.println(definition.source() + ": " + (definition.isValid() ? "valid" : "invalid")
                    + summary(errors, warnings));
        }
    }

    private static String summary(long errors, long warnings) {
        if (errors == 0 && warnings == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        return " (" + String.join(", ", parts) + ")";
    }

    /** One object per file as AWS answers ValidateStateMachineDefinition, with the file and position added. */
    private void printJson(List<Compilation> loaded) {
        ArrayNode results = Json.nodes().arrayNode();
        for (Compilation definition : loaded) {
            ObjectNode result = results.addObject();
            result.put("file", definition.source());
            result.put("result", definition.isValid() ? "OK" : "FAIL");
            ArrayNode diagnostics = result.putArray("diagnostics");
            for (Diagnostic d : definition.diagnostics()) {
                ObjectNode o = diagnostics.addObject();
                o.put("severity", d.severity().name());
                o.put("code", d.code().name());
                o.put("message", d.message());
                if (d.awsLocation() != null) {
                    o.put("location", d.awsLocation());
                }
                if (d.location().hasLineAndColumn()) {
                    o.put("line", d.location().line());
                    o.put("column", d.location().column());
                }
            }
            result.put("truncated", false);
        }
        spec.commandLine().getOut().println(Json.pretty(results.size() == 1 ? results.get(0) : results));
    }
}
