package dev.aslunit.internal.cli;

import dev.aslunit.junit.MutationTesting;
import dev.aslunit.mutation.DefinitionMutations;
import dev.aslunit.mutation.MutantResult;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.internal.mutation.MutationRun;
import dev.aslunit.internal.mutation.TestFileMutation;
import dev.aslunit.internal.report.MutationReportWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aslunit mutate}: mutation testing of {@code @StepFunctionTest} classes, Cucumber features and
 * test files. Test files run in this JVM with nothing but the CLI jar; classes and features run
 * through JUnit, so they need the test classpath (the tests, JUnit Jupiter, the JUnit Platform
 * Launcher, and for features Cucumber's engine), which the CLI jar does not carry:
 * {@code mvn -Pmutation verify} runs it with that classpath.
 */
@Command(name = "mutate", mixinStandardHelpOptions = true,
        description = "Run tests against every mutant of the definitions they use (@StepFunctionTest classes,"
                + " Cucumber features, test files) and report the mutation score, and every surviving mutant with"
                + " its diff.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every definition reaches the minimum score", "1:a definition is below it",
                "2:usage error (no such class or file, tests failing without mutants, no JUnit on the classpath)"})
final class MutateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEST_CLASS", arity = "0..*",
            description = "Fully qualified names of compiled @StepFunctionTest classes on the classpath.")
    List<String> classes = List.of();

    @Option(names = "--features", paramLabel = "PATH",
            description = "A .feature file or a directory of them, run with ASLUnit's Cucumber steps (repeatable).")
    List<Path> features = List.of();

    @Option(names = "--test-files", paramLabel = "PATH",
            description = "A test file or a directory of them, as aslunit test reads them (repeatable); needs no JUnit.")
    List<Path> testFiles = List.of();

    @Option(names = "--threads", paramLabel = "N", description = "Mutants run at once (default: processors, at most 4).")
    Integer threads;

    @Option(names = "--time-budget", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "No mutant starts after this wall time, ISO-8601 (default PT5M); the rest are reported as not run.")
    Duration timeBudget;

    @Option(names = "--minimum", paramLabel = "RATIO", defaultValue = "0",
            description = "The least mutation score, 0 to 1, of every definition; below it the exit code is 1.")
    double minimum;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/aslunit",
            description = "Where mutation.json, mutation.html and mutation.md go (default target/aslunit).")
    Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minimum < 0 || minimum > 1) {
            err.println("aslunit mutate: --minimum " + minimum + " is not a ratio from 0 to 1, e.g. --minimum 0.8");
            return Main.USAGE;
        }
        if (classes.isEmpty() && features.isEmpty() && testFiles.isEmpty()) {
            err.println("aslunit mutate: name what to run against the mutants: TEST_CLASS names, --features DIR or"
                    + " --test-files DIR, e.g. aslunit mutate --test-files examples/order-processing");
            return Main.USAGE;
        }
        MutationReport report;
        try {
            report = classes.isEmpty() && features.isEmpty() ? runTestFiles() : runWithJUnit();
        } catch (ClassNotFoundException | LinkageError noJUnit) {
            err.println("aslunit mutate: runs " + (classes.isEmpty() ? "Cucumber features" : "JUnit tests")
                    + " through JUnit, so it needs the test classpath (JUnit Jupiter and the JUnit Platform Launcher),"
                    + " which the CLI jar does not carry (missing: " + noJUnit.getMessage() + ").\n"
                    + "Run it with your tests' classpath, e.g. mvn -Pmutation verify; test files alone"
                    + " (--test-files) need no JUnit.");
            return Main.USAGE;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("aslunit mutate: " + e.getMessage());
            return Main.USAGE;
        }
        MutationReportWriter.write(report, reportDir);
        for (DefinitionMutations d : report.definitions()) {
            out.printf(Locale.ROOT, "%s: mutation score %.1f%% (%d killed, %d survived, %d equivalent, %d not run,"
                    + " %d invalid discarded)%n", d.definition(), d.score() * 100, d.killed(),
                    d.survivors().size(), d.count(MutantResult.Status.EQUIVALENT),
                    d.count(MutantResult.Status.NOT_RUN), d.invalid().size());
        }
        out.printf(Locale.ROOT, "%.1f mutants/s; report: %s%n", report.mutantsPerSecond(),
                reportDir.resolve("mutation.html").toAbsolutePath());
        Optional<String> below = report.check(minimum);
        below.ifPresent(err::println);
        return below.isPresent() ? 1 : 0;
    }

    /** Test files only: in this JVM, without JUnit. */
    private MutationReport runTestFiles() {
        MutationRun.Options options = new MutationRun.Options(threads != null ? threads
                : MutationRun.Options.defaultThreads(), timeBudget, null);
        return MutationRun.run(options, () -> TestFileMutation.targets(testFiles));
    }

    private MutationReport runWithJUnit() throws ClassNotFoundException {
        Class.forName("org.junit.platform.launcher.core.LauncherFactory", false, MutateCommand.class.getClassLoader());
        MutationTesting.Builder builder = MutationTesting.of(classes.toArray(String[]::new))
                .features(features.toArray(Path[]::new)).testFiles(testFiles.toArray(Path[]::new))
                .timeBudget(timeBudget);
        if (threads != null) {
            builder.threads(threads);
        }
        return builder.run();
    }
}
