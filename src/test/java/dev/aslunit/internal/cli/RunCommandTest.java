package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void a_batch_line_gets_status_output_and_aws_events() {
        JsonNode r = Batch.answerLine("""
                {"id":"a","definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"input":{"x":1},
                 "startTime":"2023-12-13T07:09:32+00:00"}""", 1);
        assertThat(r.get("id").asText()).isEqualTo("a");
        assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(r.get("output").toString()).isEqualTo("{\"x\":1}");
        assertThat(r.get("events").get(0).get("executionStartedEventDetails").get("input").asText())
                .isEqualTo("{\"x\":1}");
        assertThat(r.get("events").get(0).get("timestamp").asText()).isEqualTo("2023-12-13T07:09:32Z");
    }

    @Test
    void a_misspelled_request_field_is_named_with_its_line_instead_of_ignored() {
        JsonNode r = Batch.answerLine("""
                {"id":"s","definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
                 "s3Object":{"b/k.json":"[]"}}""", 7);
        assertThat(r.get("id").asText()).isEqualTo("s");
        assertThat(r.get("status").isNull()).isTrue();
        assertThat(r.at("/requestError/code").asText()).isEqualTo("InvalidRequest");
        assertThat(r.at("/requestError/message").asText()).startsWith(
                "Line 7: unknown field \"s3Object\"; did you mean \"s3Objects\"? The fields are id, definition, input,");
    }

    @Test
    void an_input_over_the_256_kib_quota_is_refused_before_the_execution_starts() {
        String big = "x".repeat(256 * 1024);
        JsonNode r = Batch.answerLine("{\"id\":\"big\",\"definition\":{\"StartAt\":\"P\",\"States\":{\"P\":"
                + "{\"Type\":\"Pass\",\"End\":true}}},\"input\":{\"note\":\"" + big + "\"}}", 1);
        assertThat(r.get("status").isNull()).isTrue();
        assertThat(r.at("/requestError/code").asText()).isEqualTo("ValidationException");
        assertThat(r.at("/requestError/message").asText())
                .startsWith("The execution input is 262155 bytes: AWS's StartExecution refuses input over 262144 bytes");
    }

    @Test
    void a_batch_line_with_a_mock_config_and_s3_objects() {
        JsonNode r = Batch.answerLine("""
                {"id":"m","definition":{"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["Boom"]}],"Next":"M"},
                  "M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                    "Parameters":{"Bucket":"b","Key":"k.json"}},
                    "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                      "States":{"P":{"Type":"Pass","End":true}}},"End":true}}},
                 "mockConfig":{"StateMachines":{"Conformance":{"TestCases":{"Recorded":{"T":"R"}}}},
                   "MockedResponses":{"R":{"0":{"Throw":{"Error":"Boom","Cause":"x"}},"1":{"Return":{"ok":true}}}}},
                 "stateMachineName":"Conformance","testCase":"Recorded","s3Objects":{"b/k.json":"[1,2]"}}""", 1);
        assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(r.get("output").toString()).isEqualTo("[1,2]");
        assertThat(r.get("events").toString()).contains("\"TaskFailed\"", "\"TaskSucceeded\"", "\"MapRunSucceeded\"");
    }

    @Test
    void a_definition_repeated_in_a_batch_runs_each_request_on_its_own_terms() {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":"
                + "{\"machine.$\":\"$$.StateMachine.Name\",\"x.$\":\"$.x\"},\"End\":true}}}";
        Batch batch = new Batch(null);
        JsonNode first = batch.answer("{\"id\":1,\"definition\":" + def + ",\"input\":{\"x\":1}}", 1).toJson();
        JsonNode other = batch.answer("{\"id\":2,\"stateMachineName\":\"Other\",\"definition\":"
                + def + ",\"input\":{\"x\":2}}", 2).toJson();
        JsonNode again = batch.answer("{\"id\":3,\"definition\":" + def + ",\"input\":{\"x\":3}}", 3).toJson();

        assertThat(first.get("output").toString()).isEqualTo("{\"machine\":\"StateMachine\",\"x\":1}");
        assertThat(other.get("output").toString()).isEqualTo("{\"machine\":\"Other\",\"x\":2}");
        assertThat(again.get("output").toString()).isEqualTo("{\"machine\":\"StateMachine\",\"x\":3}");
        assertThat(again.get("events")).isEqualTo(Batch.answerLine(
                "{\"id\":3,\"definition\":" + def + ",\"input\":{\"x\":3}}", 3).get("events"));
    }

    @Test
    void a_streamed_batch_answer_is_the_same_json_as_its_tree() throws Exception {
        Batch.Answer answer = new Batch(null).answer("""
                {"id":"s","definition":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"Next":"F"},
                 "F":{"Type":"Fail","Error":"E","Cause":"c"}}},"input":{"big":12345678901234567890,"d":0.5}}""", 1);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = dev.aslunit.internal.json.JsonWriting.factory().createGenerator(bytes)) {
            answer.write(g);
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(answer.toJson().toString())
                .contains("\"status\":\"FAILED\"", "\"error\":\"E\"");
    }

    @Test
    void bad_requests_get_a_request_error_line() {
        JsonNode notJson = Batch.answerLine("{not json", 3).get("requestError");
        assertThat(notJson.get("code").asText()).isEqualTo("InvalidRequest");
        assertThat(notJson.get("message").asText())
                .startsWith("Line 3 is not JSON (line 1, column 2: Unexpected character ('n'")
                .doesNotContain("REDACTED");
        assertThat(Batch.answerLine("{\"id\":\"t\",\"definition\":\"{\\\"StartAt\\\":\"}", 1)
                .get("requestError").get("message").asText())
                .startsWith("The definition is not JSON (line 1, column ").doesNotContain("REDACTED");
        JsonNode bad = Batch.answerLine("""
                {"id":"b","definition":{"StartAt":"X","States":{}}}""", 1);
        assertThat(bad.get("status").isNull()).isTrue();
        assertThat(bad.get("requestError").get("code").asText()).isEqualTo("InvalidDefinition");
        assertThat(bad.get("requestError").get("message").asText()).contains("SCHEMA_VALIDATION_FAILED", "/States");
        JsonNode mocks = Batch.answerLine("""
                {"id":"c","definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
                 "mockConfig":{"StateMachines":{}},"stateMachineName":"X","testCase":"Y"}""", 1);
        assertThat(mocks.get("requestError").get("code").asText()).isEqualTo("InvalidMockConfig");
    }

    @Test
    void only_the_plain_batch_form_skips_option_parsing() throws Exception {
        assertThat(Main.isPlainBatch("run", "--batch", "r.jsonl")).isTrue();
        assertThat(Main.isPlainBatch("run", "--batch", "r.jsonl", "--coverage", "out")).isFalse();
        assertThat(Main.isPlainBatch("run", "--batch", "--help")).isFalse();
        assertThat(Main.isPlainBatch("run", "r.json", "--batch")).isFalse();
        assertThat(Main.isPlainBatch("validate", "--batch", "r.jsonl")).isFalse();

        StringWriter err = new StringWriter();
        assertThat(Batch.run(dir.resolve("missing.jsonl"), null, new PrintWriter(err, true))).isEqualTo(1);
        assertThat(err.toString()).startsWith("Cannot read " + dir.resolve("missing.jsonl") + ": no such file");
    }

    @Test
    void run_reads_s3_objects_from_a_folder_of_buckets_for_an_item_reader() throws Exception {
        Path def = Files.writeString(dir.resolve("list.json"), """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2",
                  "Parameters":{"Bucket":"invoices","Prefix":"2026/"}},"ItemSelector":{"key.$":"$$.Map.Item.Value.Key"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""");
        Path s3 = dir.resolve("s3");
        Files.createDirectories(s3.resolve("invoices/2026"));
        Files.writeString(s3.resolve("invoices/2026/a.csv"), "id\n1\n");
        Files.writeString(s3.resolve("invoices/2026/b.csv"), "id\n2\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        assertThat(cli.execute("run", def.toString(), "--s3", s3.toString(), "--format", "json")).isZero();
        assertThat(out.toString()).contains("{\"key\":\"2026/a.csv\"}", "{\"key\":\"2026/b.csv\"}");
        assertThat(cli.execute("run", def.toString())).as(err.toString()).isEqualTo(2);
        assertThat(cli.execute("run", def.toString(), "--s3", dir.resolve("none").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot read the S3 objects in " + dir.resolve("none"));
    }

    @Test
    void run_prints_a_trace_and_exits_with_the_execution_status() throws Exception {
        Path def = dir.resolve("m.json");
        Files.writeString(def, """
                {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"c"}}}""");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        assertThat(cli.execute("run", def.toString())).isEqualTo(2);
        assertThat(out.toString()).containsPattern("\\+0s +F +Fail +E \"c\"").contains("Execution failed after 0s: E \"c\"");
        assertThat(cli.execute("run", def.toString(), "--input", "{oops")).isEqualTo(1);
        assertThat(err.toString()).contains("The input is not valid JSON (--input, line 1, column 2: Unexpected character ('o'")
                .doesNotContain("REDACTED");
        assertThat(cli.execute("run", def.toString(), "--input-file", dir.resolve("nope.json").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("The input file " + dir.resolve("nope.json") + " does not exist");
    }

    @Test
    void run_answers_tasks_from_a_step_functions_local_mock_file_and_fills_placeholders() throws Exception {
        Path def = dir.resolve("quote.asl.json");
        Files.writeString(def, """
                {"StartAt":"Quote","States":{"Quote":{"Type":"Task","Resource":"${QuoteArn}",
                 "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":3}],"End":true}}}""");
        Path mocks = dir.resolve("MockConfigFile.json");
        Files.writeString(mocks, """
                {"StateMachines":{"Quotes":{"TestCases":{"Throttled":{"Quote":"Busy"}}}},
                 "MockedResponses":{"Busy":{"0":{"Throw":{"Error":"Lambda.TooManyRequestsException","Cause":"Rate"}},
                                            "1":{"Return":{"price":14}}}}}""");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

        int code = cli.execute("run", def.toString(), "--substitution",
                "QuoteArn=arn:aws:lambda:us-east-1:123456789012:function:quote", "--mock-config", mocks.toString(),
                "--test-case", "Throttled", "--format", "json");

        assertThat(code).as(err.toString()).isEqualTo(0);
        JsonNode result = dev.aslunit.internal.json.Json.parse(out.toString());
        assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.get("output").get("price").asInt()).isEqualTo(14);
        assertThat(cli.execute("run", def.toString(), "--mock-config", mocks.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--mock-config and --test-case go together");
        assertThat(cli.execute("run", def.toString(), "--allow-placeholders", "--mock-config", mocks.toString(),
                "--test-case", "Nope")).isEqualTo(1);
        assertThat(err.toString()).contains("No test case \"Nope\"", "Test cases: Throttled");
    }
}
