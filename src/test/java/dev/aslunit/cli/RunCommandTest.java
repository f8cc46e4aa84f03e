package dev.aslunit.cli;

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
        JsonNode r = RunCommand.answer("""
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
    void bad_requests_get_a_request_error_line() {
        assertThat(RunCommand.answer("{not json", 3).get("requestError").get("code").asText())
                .isEqualTo("InvalidRequest");
        JsonNode bad = RunCommand.answer("""
                {"id":"b","definition":{"StartAt":"X","States":{}}}""", 1);
        assertThat(bad.get("status").isNull()).isTrue();
        assertThat(bad.get("requestError").get("code").asText()).isEqualTo("InvalidDefinition");
        assertThat(bad.get("requestError").get("message").asText()).contains("SCHEMA_VALIDATION_FAILED", "/States");
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
        assertThat(out.toString()).contains("→ F (Fail)", "execution FAILED  E: c");
        assertThat(cli.execute("run", def.toString(), "--input", "{oops")).isEqualTo(1);
        assertThat(err.toString()).contains("The input is not valid JSON");
    }
}
