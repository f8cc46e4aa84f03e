package dev.aslunit.examples.testfiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.cli.Main;
import dev.aslunit.junit.AslUnitTestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' test-case files, run both ways a team would run them: as JUnit dynamic tests, and
 * by {@code aslunit test} (in process). examples/failing is deliberately left out.
 */
class ExampleTestFilesTest {

    static final String[] FILES = {
        "examples/order-processing/order-processing.aslunit.yaml",
        "examples/human-approval/human-approval.aslunit.yaml",
        "examples/jsonata-quote/quote.aslunit.json",
        "examples/shipping-quote/shipping-quote.aslunit.yaml",
    };

    @TestFactory
    Stream<DynamicNode> the_example_cases() {
        return AslUnitTestFiles.from(FILES);
    }

    @Test
    void aslunit_test_passes_them_and_writes_the_ci_reports(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Stream.concat(Stream.of("test", "--junit-xml", dir.resolve("junit.xml").toString(),
                "--summary", dir.resolve("summary.md").toString(), "--report-dir", dir.resolve("coverage").toString()),
                Stream.of(FILES)).toArray(String[]::new);

        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);

        assertThat(err.toString()).isEmpty();
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains(" 0 failed, 0 errors (4 files)").doesNotContain("FAIL ");
        assertThat(dir.resolve("junit.xml")).content().contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(dir.resolve("summary.md")).content().contains("# ASLUnit test results");
        assertThat(dir.resolve("coverage/coverage.json")).exists();
    }
}
