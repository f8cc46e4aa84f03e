package dev.aslunit.internal.cli;

import dev.aslunit.internal.pipeline.TestFiles;
import dev.aslunit.internal.report.ReportWriter;
import dev.aslunit.internal.verify.VerifySettings;
import dev.aslunit.testfile.CaseResult;
import dev.aslunit.testfile.FileResult;
import dev.aslunit.testfile.JUnitXmlReport;
import dev.aslunit.testfile.MarkdownSummary;
import dev.aslunit.testfile.TestFileException;
import dev.aslunit.testfile.TestFileReader;
import dev.aslunit.testfile.TestRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code aslunit test}: runs test-case files (docs/test-files.md) and reports where CI shows results. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the cases of test files (YAML or JSON; see docs/test-files.md). A directory stands for"
                + " every *.aslunit.yaml, *.aslunit.yml and *.aslunit.json under it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:a case failed, could not run, or a test file has mistakes",
                "2:usage error (bad option, a path that does not exist)"})
final class TestCommand implements Callable<Integer> {

    /** The file GitHub Actions shows as the job's summary. */
    static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    /** Verify mode's configuration parameters (docs/verify-on-aws.md) and the options that give them here. */
    private static final Map<String, String> OPTIONS = Map.of(VerifySettings.ENDPOINT, "--verify-endpoint",
            VerifySettings.ACCOUNT, "--verify-account", VerifySettings.ROLE_ARN, "--verify-role-arn",
            VerifySettings.DRY_RUN, "--verify-dry-run", VerifySettings.MAX_CALLS, "--verify-max-calls");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", defaultValue = ".",
            description = "Test files, or directories to search (default: the working directory).")
    List<Path> paths;

    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write the results as JUnit XML (Ant/Surefire format) to FILE.")
    Path junitXml;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write a Markdown summary (results, failures with pictures, coverage) to FILE; "
                    + "appended to $$GITHUB_STEP_SUMMARY too when that is set.")
    Path summary;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Where the workflow coverage report goes (coverage.json, index.html, coverage.md; "
                    + "default: ${DEFAULT-VALUE}).", defaultValue = ReportWriter.DEFAULT_DIRECTORY)
    Path reportDir;

    @Option(names = "--verify-endpoint", paramLabel = "URL",
            description = "Verify mode (docs/verify-on-aws.md): also check each passed case state by state with the"
                    + " TestState API of this Step Functions endpoint (AWS, LocalStack, aslunit serve). Needs the AWS"
                    + " SDK's sfn client in ASLUNIT_CLASSPATH, except with --verify-dry-run.")
    String verifyEndpoint;

    @Option(names = "--verify-account", paramLabel = "ID",
            description = "The 12-digit AWS account verify mode may call; without it no call is made.")
    String verifyAccount;

    @Option(names = "--verify-role-arn", paramLabel = "ARN",
            description = "Sent as TestState's roleArn; a role of the --verify-account.")
    String verifyRoleArn;

    @Option(names = "--verify-dry-run", description = "List the TestState calls in verify-calls.json; make none.")
    boolean verifyDryRun;

    @Option(names = "--verify-max-calls", paramLabel = "N",
            description = "The most TestState calls the run may make (default: 200).")
    Integer verifyMaxCalls;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files;
        try {
            files = TestFileReader.find(paths);
        } catch (TestFileException e) {
            err.println("aslunit test: " + e.getMessage());
            return Main.USAGE;
        }
        Map<String, String> options = verifyOptions();
        Function<String, Optional<String>> parameters =
                k -> Optional.ofNullable(options.get(k)).or(() -> Optional.ofNullable(System.getProperty(k)));
        Optional<VerifySettings> verify;
        try {
            verify = VerifySettings.from(parameters);
        } catch (IllegalArgumentException e) {
            err.println("aslunit test: " + asOptions(e.getMessage(), options.keySet()));
            return Main.USAGE;
        }
        if (verify.isEmpty() && !options.isEmpty()) {
            err.println("aslunit test: " + String.join(", ", options.keySet().stream().map(OPTIONS::get).sorted().toList())
                    + " set up verify mode, which only --verify-endpoint URL turns on: add it, or leave them out.");
            return Main.USAGE;
        }
        if (verify.isPresent() && verify.get().account() == null && !verify.get().dryRun()) {
            err.println("aslunit test: verify mode calls the TestState API of " + verify.get().endpoint() + " only when"
                    + " the run names the AWS account it may call: add --verify-account 123456789012 (your sandbox"
                    + " account; for aslunit serve or LocalStack any 12 digits, e.g. 000000000000), or --verify-dry-run"
                    + " to list the calls without making them.");
            return Main.USAGE;
        }
        if (verify.isPresent()) {
            try {
                // an earlier run's report would pass for this one's when no case gets verified
                for (String report : List.of("verify.md", "verify.json", "verify-calls.json")) {
                    Files.deleteIfExists(reportDir.resolve(report));
                }
            } catch (IOException e) {
                err.println("aslunit test: cannot replace the verify report in " + reportDir + ": " + e.getMessage());
                return Main.USAGE;
            }
        }
        TestRun run = TestFiles.run(files, result -> print(out, result), parameters, reportDir);
        for (FileResult file : run.files()) {
            if (file.problem() != null) {
                out.println("ERROR " + file.problem().problems().get(0).file() + ": the test file has mistakes:");
                file.problem().problems().forEach(p -> out.println("  " + p.format()));
            }
        }
        long passed = run.count(CaseResult.Outcome.PASSED);
        long failed = run.count(CaseResult.Outcome.FAILED);
        long errors = run.count(CaseResult.Outcome.ERROR) + run.unreadableFiles();
        out.println();
        out.println(passed + " passed, " + failed + " failed, " + errors + (errors == 1 ? " error" : " errors")
                + " (" + files.size() + (files.size() == 1 ? " file)" : " files)"));
        try {
            if (!TestFiles.coverage(run).definitions().isEmpty()) {
                ReportWriter.write(TestFiles.coverage(run), reportDir);
                out.println("Workflow coverage: " + reportDir.resolve("index.html"));
            }
            if (verify.isPresent() && Files.exists(reportDir.resolve("verify.md"))) {
                out.println("Verify on " + verify.get().endpoint() + (verify.get().dryRun() ? " (dry run)" : "") + ": "
                        + reportDir.resolve("verify.md"));
            }
            if (junitXml != null) {
                write(junitXml, JUnitXmlReport.render(run), false);
            }
            String markdown = summary != null || System.getenv(GITHUB_STEP_SUMMARY) != null
                    ? MarkdownSummary.render(run) : null;
            if (summary != null) {
                write(summary, markdown, false);
            }
            String github = System.getenv(GITHUB_STEP_SUMMARY);
            if (github != null && !github.isBlank()) {
                write(Path.of(github), markdown, true);
            }
        } catch (IOException | RuntimeException e) {
            err.println("aslunit test: " + e.getMessage());
            return Main.USAGE;
        }
        return run.passed() ? 0 : 1;
    }

    /** The options given, as verify mode's parameters; they take the place of the system properties of the same names. */
    private Map<String, String> verifyOptions() {
        Map<String, String> options = new HashMap<>();
        put(options, VerifySettings.ENDPOINT, verifyEndpoint);
        put(options, VerifySettings.ACCOUNT, verifyAccount);
        put(options, VerifySettings.ROLE_ARN, verifyRoleArn);
        put(options, VerifySettings.DRY_RUN, verifyDryRun ? "true" : null);
        put(options, VerifySettings.MAX_CALLS, verifyMaxCalls == null ? null : verifyMaxCalls.toString());
        return options;
    }

    private static void put(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    /** Verify mode's messages name its configuration parameters: those the user gave as options are named so. */
    private static String asOptions(String message, Set<String> given) {
        String out = message;
        for (String parameter : given) {
            String option = OPTIONS.get(parameter);
            out = out.replace("The configuration parameter " + parameter, option).replace(parameter + "=", option + " ")
                    .replace(parameter, option);
        }
        return out;
    }

    private static void print(PrintWriter out, CaseResult result) {
        String where = TestFiles.location(result.testCase()).file();
        String line = switch (result.outcome()) {
            case PASSED -> "PASS  ";
            case FAILED -> "FAIL  ";
            case ERROR -> "ERROR ";
        };
        out.println(line + where + " > " + result.testCase().name() + " (" + result.millis() + " ms)");
        if (!result.passed()) {
            result.message().lines().forEach(l -> out.println("      " + l));
        }
    }

    /** GitHub's summary file collects every step's Markdown, so it is appended to; our own files are replaced. */
    private static void write(Path file, String content, boolean append) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (append) {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
