package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("greet.asl.json"), """
                {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
                 "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:greet", "End": true}}}""");
        Files.writeString(dir.resolve("greet.aslunit.yaml"), """
                stateMachine: {definition: greet.asl.json}
                mocks:
                  Greet: {returns: {hello: world}}
                cases:
                  - name: says hello
                    expect: {output: {hello: world}}
                  - name: expects <the wrong & "greeting">
                    expect: {output: {hello: moon}}
                """);
        Files.writeString(dir.resolve("broken.aslunit.yaml"), """
                cases:
                  - name: x
                    expect: {staus: SUCCEEDED}
                """);
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void passing_cases_exit_0() {
        Path passing = dir.resolve("pass.aslunit.yaml");
        int code = run("test", "--report-dir", dir.resolve("cov").toString(), write(passing, """
                stateMachine: {definition: greet.asl.json}
                cases:
                  - name: says hello
                    mocks: {Greet: {returns: {}}}
                    expect: {status: SUCCEEDED}
                """));

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("PASS  ").contains(" > says hello (")
                .contains("1 passed, 0 failed, 0 errors (1 file)");
        assertThat(dir.resolve("cov/coverage.json")).exists();
        assertThat(dir.resolve("cov/index.html")).exists();
    }

    @Test
    void a_failing_case_or_a_broken_file_exits_1_and_says_where() {
        int code = run("test", "--report-dir", dir.resolve("cov").toString(), dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL  ").contains("expects <the wrong & \"greeting\">")
                .contains("greet.aslunit.yaml:8:14: Expecting execution")
                .contains("broken.aslunit.yaml:3:14: unknown key \"staus\" in \"expect\"; did you mean \"status\"?")
                .contains("1 passed, 1 failed, 1 error (2 files)");
    }

    @Test
    void a_path_that_does_not_exist_is_a_usage_error() {
        assertThat(run("test", dir.resolve("nope.aslunit.yaml").toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("nope.aslunit.yaml: no such file or directory");
    }

    @Test
    void the_junit_xml_is_valid_under_the_common_junit_schema() throws Exception {
        Path xml = dir.resolve("reports/junit.xml");
        run("test", "--junit-xml", xml.toString(), "--report-dir", dir.resolve("cov").toString(), dir.toString());

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/reports/junit-10.xsd").toFile())
                .newValidator().validate(new StreamSource(xml.toFile()));
        String text = Files.readString(xml);
        assertThat(text).contains("<testsuites name=\"aslunit\" tests=\"3\" failures=\"1\" errors=\"1\"")
                .contains("<testcase name=\"says hello\"")
                .contains("name=\"expects &lt;the wrong &amp; &quot;greeting&quot;&gt;\"")
                .contains("<failure message=").contains("<error message=\"The test file has mistakes\"");
    }

    @Test
    void the_markdown_summary_has_the_results_the_failure_with_its_picture_and_the_coverage() throws Exception {
        Path summary = dir.resolve("summary.md");
        run("test", "--summary", summary.toString(), "--report-dir", dir.resolve("cov").toString(),
                dir.resolve("greet.aslunit.yaml").toString());

        assertThat(Files.readString(summary))
                .startsWith("# ASLUnit test results\n\n❌ 1 passed, 1 failed, 0 errors")
                .contains("| ✅ passed | says hello |")
                .contains("## Failed: expects <the wrong & \"greeting\">")
                .contains("```mermaid\nstateDiagram-v2")
                .contains("## ASLUnit workflow coverage");
    }

    /** GitHub's variable is read from the real environment, so this runs the command in a JVM of its own. */
    @Test
    void with_github_step_summary_set_the_summary_is_appended_to_that_file() throws Exception {
        Path githubSummary = Files.writeString(dir.resolve("step-summary.md"), "earlier step\n");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "test",
                "--report-dir", dir.resolve("cov").toString(), dir.resolve("greet.aslunit.yaml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        command.environment().put(TestCommand.GITHUB_STEP_SUMMARY, githubSummary.toString());

        Process process = command.start();

        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isEqualTo(1);
        assertThat(Files.readString(githubSummary)).startsWith("earlier step\n# ASLUnit test results\n")
                .contains("| ❌ failed | expects <the wrong & \"greeting\"> |");
    }

    private static String write(Path file, String text) {
        try {
            return Files.writeString(file, text).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
