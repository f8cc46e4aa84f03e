package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.seam.Granted;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.CoverageReport;
import dev.aslunit.testfile.CaseResult;
import dev.aslunit.testfile.TestCase;
import dev.aslunit.testfile.TestFileRunner;
import dev.aslunit.testfile.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@code aslunit test} and {@code AslUnitTestFiles} need of the test files beyond their API: a
 * runner that counts the cases' executions towards a coverage collector, a run's coverage report,
 * and where a case is written. Kept off the public {@code dev.aslunit.testfile} classes;
 * {@link TestFileRunner} grants it when its class initialises.
 */
public final class TestFiles {

    /** The test files' side of it. */
    public interface Grant {

        TestFileRunner runner(CoverageCollector coverage);

        CoverageReport coverage(TestRun run);

        TestRun run(List<Path> testFiles, Consumer<CaseResult> progress, Function<String, Optional<String>> parameters,
                Path reportDirectory);

        SourceLocation location(TestCase testCase);
    }

    private static final Granted<Grant> GRANT = new Granted<>("TestFiles", TestFileRunner.class);

    private TestFiles() {
    }

    /** Called once, by {@link TestFileRunner}'s static initialiser. */
    public static void grant(Grant granted) {
        GRANT.grant(granted);
    }

    /** A runner whose cases' executions count towards {@code coverage} ({@code null}: nowhere). */
    public static TestFileRunner runner(CoverageCollector coverage) {
        return GRANT.get().runner(coverage);
    }

    /** The workflow coverage of every case's executions in {@code run}: the report the JUnit extension writes. */
    public static CoverageReport coverage(TestRun run) {
        return GRANT.get().coverage(run);
    }

    /**
     * Runs test files as {@code TestRun.run} does, with the run's configuration parameters given rather
     * than read from the system properties: {@code aslunit test}'s verify options, whose report goes into
     * {@code reportDirectory}.
     */
    public static TestRun run(List<Path> testFiles, Consumer<CaseResult> progress,
            Function<String, Optional<String>> parameters, Path reportDirectory) {
        return GRANT.get().run(testFiles, progress, parameters, reportDirectory);
    }

    /** Where {@code testCase} is written: file, line and column. */
    public static SourceLocation location(TestCase testCase) {
        return GRANT.get().location(testCase);
    }
}
