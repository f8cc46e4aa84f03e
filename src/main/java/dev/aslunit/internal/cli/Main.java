package dev.aslunit.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.aslunit.internal.definition.StateNames;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aslunit}: the command line. Exit codes: 0 success, 1 invalid definition or failed run, 2 usage error. */
@Command(name = "aslunit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Test AWS Step Functions state machines offline.",
        subcommands = {ValidateCommand.class, RunCommand.class, ServeCommand.class, TestCommand.class, InitCommand.class,
                MutateCommand.class, ReplayCommand.class})
public final class Main {

    /** Exit code for a wrong command line, an unreadable file, or any other mistake in how we were called. */
    static final int USAGE = 2;

    public static void main(String[] args) {
        // Jayway JsonPath logs through SLF4J; with no logging backend in the jar, SLF4J would print a
        // warning on every run. The CLI has nothing to log, so it chooses SLF4J's no-op provider.
        System.setProperty("slf4j.provider", System.getProperty("slf4j.provider",
                "org.slf4j.helpers.NOP_FallbackServiceProvider"));
        System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = isPlainBatch(args) ? batch(Path.of(args[2]), err) : run(out, err, args);
        ArchiveTraining.runIfAsked();
        System.exit(code);
    }

    /**
     * {@code run --batch FILE}, the batch contract's one fixed form, which needs no option parsing.
     * Building picocli's model of the commands by reflection is a quarter of a short batch's wall time
     * (70 of 300 ms measured), so this form skips it; every other command line goes through picocli.
     */
    static boolean isPlainBatch(String... args) {
        return args.length == 3 && args[0].equals("run") && args[1].equals("--batch") && !args[2].startsWith("-");
    }

    private static int batch(Path requests, PrintWriter err) {
        try {
            return Batch.run(requests, null, err);
        } catch (IOException | RuntimeException e) {
            err.println("aslunit: internal error: " + e);
            return USAGE;
        } finally {
            err.flush();
        }
    }

    /** Runs a command line with the given streams; what {@link #main} does, without exiting. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> USAGE)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // A bug of ours: one line, not a stack trace, and the usage exit code.
                    cmd.getErr().println("aslunit: internal error: " + e);
                    return USAGE;
                });
        int code;
        if (args.length > 0 && !args[0].startsWith("-") && !commandLine.getSubcommands().containsKey(args[0])) {
            // picocli answers "aslunit nosuch --help" with the main help and exit 0, hiding the mistake from scripts
            err.println("aslunit: unknown command '" + args[0] + "'" + StateNames.closest(args[0],
                    commandLine.getSubcommands().keySet()).map(c -> "; did you mean '" + c + "'?").orElse("") + "\nCommands: "
                    + String.join(", ", commandLine.getSubcommands().keySet()) + ". See 'aslunit --help'.");
            code = USAGE;
        } else {
            code = commandLine.execute(args);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The version and git commit that Maven wrote into {@code version.properties} at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            return new String[] {"aslunit " + build.getProperty("version", "(development build)")
                    + " (commit " + build.getProperty("commit", "unknown") + ")"};
        }
    }
}
