package dev.aslunit.junit;

import dev.aslunit.internal.pipeline.TestFiles;
import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.testfile.CaseResult;
import dev.aslunit.testfile.TestCase;
import dev.aslunit.testfile.TestFile;
import dev.aslunit.testfile.TestFileException;
import dev.aslunit.testfile.TestFileReader;
import dev.aslunit.testfile.TestFileRunner;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Test-case files (docs/test-files.md) as JUnit dynamic tests, so a Java team can keep cases as data
 * and run them with the rest of its tests:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> orderCases() {
 *     return AslUnitTestFiles.from("src/test/workflows");
 * }
 * }</pre>
 *
 * <p>One container per file, one test per case, each pointing at the case's line; the cases run
 * exactly as {@code aslunit test} runs them, and their executions count in the run's workflow
 * coverage report as the extension's tests do.
 */
public final class AslUnitTestFiles {

    private AslUnitTestFiles() {
    }

    /**
     * The cases of these test files, and of every {@code *.aslunit.yaml}, {@code *.aslunit.yml} and
     * {@code *.aslunit.json} under these directories (paths from the working directory). A file with
     * mistakes is one failing test listing them all.
     */
    public static Stream<DynamicNode> from(String... paths) {
        List<Path> files = TestFileReader.find(Arrays.stream(paths).map(Path::of).toList());
        TestFileRunner runner = TestFiles.runner(CoverageCollector.active().orElse(null));
        return files.stream().map(file -> container(file, runner));
    }

    private static DynamicNode container(Path file, TestFileRunner runner) {
        URI source = file.toUri();
        TestFile read;
        try {
            read = TestFileReader.read(file);
        } catch (TestFileException e) {
            return DynamicContainer.dynamicContainer(file.toString(), source, Stream.of(
                    DynamicTest.dynamicTest("the test file", source, () -> {
                        throw e;
                    })));
        }
        return DynamicContainer.dynamicContainer(file.toString(), source,
                read.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), caseSource(c), () -> check(runner.run(c)))));
    }

    private static URI caseSource(TestCase c) {
        return URI.create(c.file().toUri() + "?line=" + TestFiles.location(c).line() + "&column=" + TestFiles.location(c).column());
    }

    private static void check(CaseResult result) {
        switch (result.outcome()) {
            case PASSED -> { }
            case FAILED -> throw new AssertionError(result.message());
            case ERROR -> throw new IllegalStateException(result.message());
        }
    }
}
