package dev.aslunit.internal.cli;

import dev.aslunit.internal.pipeline.TestFiles;
import dev.aslunit.internal.report.ReportWriter;
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
import java.util.List;
import java.util.concurrent.Callable;
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
        TestRun run = TestRun.run(files, result -> print(out, result));
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
