package dev.aslunit.testfile;

import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.CoverageReport;
import dev.aslunit.internal.report.ReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** A run of test files, as {@code aslunit test} makes it: every case of every file, and the coverage of them all. */
public final class TestRun {

    private final List<FileResult> files;
    private final CoverageReport coverage;

    private TestRun(List<FileResult> files, CoverageReport coverage) {
        this.files = List.copyOf(files);
        this.coverage = coverage;
    }

    /**
     * Reads and runs the files in order; a file with mistakes runs none of its cases and is a result
     * of its own. {@code progress} hears of each case as it ends.
     */
    public static TestRun run(List<Path> testFiles, Consumer<CaseResult> progress) {
        return run(testFiles, progress, k -> Optional.ofNullable(System.getProperty(k)), ReportWriter.defaultDirectory());
    }

    /**
     * As {@link #run(List, Consumer)}, with the run's configuration parameters given rather than read from
     * the system properties: {@code aslunit test}'s options for verify mode (docs/verify-on-aws.md), whose
     * report goes into {@code reportDirectory}. Reached through {@code internal.pipeline.TestFiles}.
     */
    static TestRun run(List<Path> testFiles, Consumer<CaseResult> progress,
            Function<String, Optional<String>> parameters, Path reportDirectory) {
        CoverageCollector collector = new CoverageCollector();
        TestFileRunner runner = new TestFileRunner(collector, parameters, reportDirectory);
        List<FileResult> results = new ArrayList<>();
        for (Path file : testFiles) {
            TestFile read;
            try {
                read = TestFileReader.read(file);
            } catch (TestFileException e) {
                results.add(new FileResult(file, List.of(), e));
                continue;
            }
            List<CaseResult> cases = new ArrayList<>();
            for (TestCase c : read.cases()) {
                CaseResult result = runner.run(c);
                progress.accept(result);
                cases.add(result);
            }
            results.add(new FileResult(file, cases, null));
        }
        return new TestRun(results, collector.report());
    }

    public List<FileResult> files() {
        return files;
    }

    /** The workflow coverage of every case's executions: the report the JUnit extension writes. */
    CoverageReport coverage() {
        return coverage;
    }

    public boolean passed() {
        return files.stream().allMatch(FileResult::passed);
    }

    public long count(CaseResult.Outcome outcome) {
        return files.stream().flatMap(f -> f.cases().stream()).filter(c -> c.outcome() == outcome).count();
    }

    /** Files whose mistakes kept every case from running. */
    public long unreadableFiles() {
        return files.stream().filter(f -> f.problem() != null).count();
    }
}
