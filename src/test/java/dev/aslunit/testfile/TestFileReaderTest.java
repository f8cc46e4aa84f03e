package dev.aslunit.testfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Files.writeString(dir.resolve("orders.asl.json"), """
                {"StartAt": "Pay", "States": {"Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "pay"}, "End": true}}}""");
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String> problems(Path file) {
        try {
            TestFileReader.read(file);
        } catch (TestFileException e) {
            return e.problems().stream().map(p -> p.line() + ":" + p.column() + " " + p.message()).toList();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void a_well_formed_file_gives_its_cases_in_order_with_their_lines() throws Exception {
        Path file = write("t.aslunit.yaml", """
                stateMachine: {definition: orders.asl.json}
                cases:
                  - name: first
                    expect: {status: SUCCEEDED}
                  - name: second
                    input: {a: 1}
                    expect: {status: FAILED}
                """);

        TestFile read = TestFileReader.read(file);

        assertThat(read.cases()).extracting(TestCase::name).containsExactly("first", "second");
        assertThat(read.cases().get(1).location().line()).isEqualTo(5);
        assertThat(read.cases().get(1).location().pointer()).isEqualTo("/cases/1");
        assertThat(read.cases().get(0).definition().getFileName()).hasToString("orders.asl.json");
    }

    @Test
    void misspelled_keys_are_reported_at_their_line_and_column_with_the_key_meant() throws Exception {
        Path file = write("t.aslunit.yaml", """
                stateMachine: {definition: orders.asl.json}
                cases:
                  - name: one
                    imput: {}
                    mocks:
                      Pay: {retruns: 1}
                    expect:
                      staus: SUCCEEDED
                """);

        assertThat(problems(file)).containsExactly(
                "4:5 unknown key \"imput\" in a case; did you mean \"input\"?",
                "6:13 unknown key \"retruns\" in an answer of a mock; did you mean \"returns\"?",
                "6:7 an answer needs one of returns, returnsFile, fails, httpResponse, neverAnswers, waitsForCallback,"
                        + " sendsSuccess, sendsFailure",
                "8:7 unknown key \"staus\" in \"expect\"; did you mean \"status\"?");
    }

    @Test
    void a_key_nothing_resembles_lists_the_keys_allowed() throws Exception {
        Path file = write("t.aslunit.yaml", """
                stateMachine: {definition: orders.asl.json}
                cases:
                  - name: one
                    expect: {status: SUCCEEDED, zzz: 1}
                """);

        assertThat(problems(file)).singleElement().asString()
                .startsWith("4:33 unknown key \"zzz\" in \"expect\"; the keys here are status, error, cause,");
    }

    @Test
    void every_mistake_of_a_file_is_reported_at_once() throws Exception {
        Path file = write("t.aslunit.json", """
                {"stateMachine": {"definition": "missing.asl.json"},
                 "cases": [
                   {"name": "a", "startTime": "yesterday", "expect": {"status": "SUCCEDED", "virtualTime": "soon"}},
                   {"name": "a", "expect": {"status": "SUCCEEDED"}},
                   {"name": "b"}
                 ]}""");

        assertThat(problems(file)).containsExactly(
                "1:19 no file \"missing.asl.json\" (looked for " + dir.resolve("missing.asl.json")
                        + "; paths are relative to the test file's directory)",
                "3:18 \"yesterday\" is not a time; write it in ISO-8601 UTC, e.g. \"2026-01-05T09:00:00Z\"",
                "3:55 \"status\" is one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED, not \"SUCCEDED\"; did you mean"
                        + " \"SUCCEEDED\"?",
                "3:77 \"soon\" is not a duration; " + FileDurations.HINT,
                "4:5 another case of this file is named \"a\"; give each case its own name",
                "5:4 the case \"b\" expects nothing: add \"expect\", e.g. expect: {status: SUCCEEDED}");
    }

    @Test
    void a_syntax_error_names_the_line_and_column() throws Exception {
        Path file = write("t.aslunit.json", "{\"cases\": [\n  {\"name\": }\n]}");

        assertThat(problems(file)).singleElement().asString().startsWith("2:12 not valid JSON: Unexpected character");
    }

    @Test
    void the_calls_of_a_state_without_a_mock_cannot_be_counted() throws Exception {
        Path file = write("t.aslunit.yaml", """
                stateMachine: {definition: orders.asl.json}
                mocks:
                  Pay: {returns: {}}
                cases:
                  - name: one
                    expect: {calls: {Pya: 1}}
                """);

        assertThat(problems(file)).containsExactly("6:22 the calls of \"Pya\" are counted by its mock, and this case"
                + " has none: add it under \"mocks\"; did you mean \"Pay\"?");
    }

    @Test
    void durations_are_read_in_the_forms_the_docs_list() {
        assertThat(FileDurations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(FileDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(FileDurations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(FileDurations.parse("1d3h")).isEqualTo(Duration.ofHours(27));
        assertThat(FileDurations.parse("1 hour and 30 minutes")).isEqualTo(Duration.ofMinutes(90));
        assertThat(FileDurations.parse("45 seconds")).isEqualTo(Duration.ofSeconds(45));
        assertThat(FileDurations.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(FileDurations.parse("soon")).isNull();
        assertThat(FileDurations.parse("2 fortnights")).isNull();
        assertThat(FileDurations.parse("")).isNull();
    }

    @Test
    void a_directory_stands_for_its_test_files_and_a_missing_path_is_named() throws Exception {
        Path file = write("b.aslunit.yaml", "cases: []");
        Files.writeString(dir.resolve("a.aslunit.json"), "{}");
        Files.writeString(dir.resolve("notes.yaml"), "x: 1");
        Files.createDirectories(dir.resolve("node_modules/lib"));
        Files.writeString(dir.resolve("node_modules/lib/theirs.aslunit.yaml"), "cases: []");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/x.aslunit.yaml"), "cases: []");

        assertThat(TestFileReader.find(List.of(dir))).containsExactly(dir.resolve("a.aslunit.json"), file);
        assertThatThrownBy(() -> TestFileReader.find(List.of(dir.resolve("nope"))))
                .isInstanceOf(TestFileException.class).hasMessageEndingWith("nope: no such file or directory");
    }
}
