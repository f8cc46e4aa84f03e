package dev.aslunit.internal.cli;

import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.definition.load.InvalidDefinitionException;
import dev.aslunit.testfile.StarterFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aslunit init}: writes a starting test file for a definition (docs/test-files.md). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a starting test file for a definition: a mock for every Task, answering as its "
                + "integration does, and one case per path through its Choice states that can be found statically.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was written", "1:the definition is not valid",
                "2:usage error (unreadable definition, the file exists already)"})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DEFINITION", description = "An ASL file, a SAM/CloudFormation template, or a CDK app's cdk.out.")
    Path definition;

    @Option(names = "--state-machine", paramLabel = "LOGICAL_ID|CONSTRUCT_PATH",
            description = "In a template, the state machine's logical id; in a CDK app, its construct path.")
    String stateMachine;

    @Option(names = "--substitution", paramLabel = "NAME=VALUE", description = "Value for a $${NAME} placeholder; repeatable.")
    Map<String, String> substitutions = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write (default: next to the definition, NAME.aslunit.yaml). An existing file is kept.")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        Path target = output != null ? output : defaultOutput(definition);
        if (Files.exists(target) && !force) {
            err.println("aslunit init: " + target + " exists already; give another --output, or --force to replace it");
            return Main.USAGE;
        }
        String text;
        try {
            text = StarterFile.render(definition, stateMachine, substitutions, target);
        } catch (InvalidDefinitionException e) {
            err.println("aslunit init: " + definition + " is not valid:");
            e.diagnostics().forEach(d -> err.println("  " + d.format()));
            return 1;
        } catch (IllegalArgumentException | DefinitionSourceException e) {
            err.println("aslunit init: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(target, text);
        } catch (IOException e) {
            err.println("aslunit init: cannot write " + target + " (" + e.getMessage() + ")");
            return Main.USAGE;
        }
        spec.commandLine().getOut().println("Wrote " + target + "; run it with: aslunit test " + target);
        return 0;
    }

    /** {@code orders.asl.json} gives {@code orders.aslunit.yaml} beside it; a cdk.out gives one beside the directory. */
    static Path defaultOutput(Path definition) {
        String name = definition.getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Path dir = definition.toAbsolutePath().normalize().getParent();
        return Path.of("").toAbsolutePath().relativize(dir.resolve(base + ".aslunit.yaml"));
    }
}
