package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path valid;
    private Path invalid;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        valid = Files.writeString(dir.resolve("ok.asl.json"), """
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${Fn}", "End": true}}}""");
        invalid = Files.writeString(dir.resolve("orders.asl.json"), """
                {
                  "StartAt": "Pay",
                  "States": {
                    "Pay": {"Type": "Pass", "Next": "Shipp"},
                    "Ship": {"Type": "Succeed"}
                  }
                }""");
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void a_valid_file_exits_0() {
        int code = run("validate", valid.toString(), "--substitution", "Fn=arn:aws:lambda:eu-west-1:123456789012:function:f");

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo(valid + ": valid\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void an_invalid_file_exits_1_with_compiler_style_lines() {
        int code = run("validate", invalid.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(invalid + ":4:29: error MISSING_TRANSITION_TARGET Missing 'Next' target: "
                + "\"Shipp\" is not a state of the state machine; did you mean \"Ship\"? (/States/Pay/Next)\n"
                + invalid + ":5:5: error MISSING_TRANSITION_TARGET State \"Ship\" is not reachable: no StartAt, Next, "
                + "Default or Catch leads to it (/States/Ship)\n"
                + invalid + ": invalid (2 errors)\n");
    }

    @Test
    void unresolved_placeholders_are_errors_unless_allowed() {
        assertThat(run("validate", valid.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("error UNRESOLVED_PLACEHOLDER No value for the substitution ${Fn}");
        assertThat(run("validate", "--allow-placeholders", valid.toString())).isZero();
    }

    @Test
    void json_output_has_the_shape_of_awss_response() throws Exception {
        int code = run("validate", "--format", "json", invalid.toString());

        assertThat(code).isEqualTo(1);
        JsonNode response = Json.parse(out.toString());
        assertThat(response.get("result").asText()).isEqualTo("FAIL");
        assertThat(response.get("truncated").asBoolean()).isFalse();
        assertThat(response.get("file").asText()).isEqualTo(invalid.toString());
        JsonNode first = response.get("diagnostics").get(0);
        assertThat(Json.write(first)).isEqualTo("{\"severity\":\"ERROR\",\"code\":\"MISSING_TRANSITION_TARGET\","
                + "\"message\":\"Missing 'Next' target: \\\"Shipp\\\" is not a state of the state machine; did you "
                + "mean \\\"Ship\\\"?\",\"location\":\"/States/Pay/Next\",\"line\":4,\"column\":29}");
    }

    @Test
    void several_files_give_an_array_and_fail_if_any_fails() throws Exception {
        int code = run("validate", "--format", "json", "--allow-placeholders", valid.toString(), invalid.toString());

        assertThat(code).isEqualTo(1);
        JsonNode responses = Json.parse(out.toString());
        assertThat(responses.isArray()).isTrue();
        assertThat(responses.get(0).get("result").asText()).isEqualTo("OK");
        assertThat(responses.get(1).get("result").asText()).isEqualTo("FAIL");
    }

    @Test
    void express_type_refuses_callbacks() throws Exception {
        Path callback = Files.writeString(dir.resolve("cb.asl.json"), """
                {"StartAt": "A", "States": {"A": {"Type": "Task",
                  "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}""");

        assertThat(run("validate", callback.toString())).isZero();
        assertThat(run("validate", "--type", "EXPRESS", callback.toString())).isEqualTo(1);
    }

    @Test
    void a_missing_file_is_a_usage_error_with_a_clear_message() {
        int code = run("validate", dir.resolve("nope.asl.json").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("aslunit validate: No such file: " + dir.resolve("nope.asl.json"));
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void a_directory_is_a_usage_error_that_says_what_to_give_instead() {
        assertThat(run("validate", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("aslunit validate: " + dir + " is a directory; name the definition files "
                + "in it, e.g. " + dir.resolve("*.asl.json") + "\n");
    }

    @Test
    void yaml_syntax_errors_are_located_without_the_parsers_excerpts() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.asl.yaml"), "StartAt: A\nStates:\n  A: {Type: Succeed\n");

        assertThat(run("validate", yaml.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith(yaml + ":3:20: error INVALID_JSON_DESCRIPTION Invalid YAML: while "
                + "parsing a flow mapping expected ',' or '}', but got <stream end> (/)\n");
    }

    @Test
    void wrong_options_are_usage_errors_without_a_stack_trace() {
        assertThat(run("validate", "--type", "FAST", valid.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--type'").doesNotContain("\tat ");
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
        assertThat(run("validate", "--substitution", "novalue", valid.toString())).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void help_exits_0() {
        assertThat(run("validate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: aslunit validate").contains("--substitution=NAME=VALUE")
                .contains("Value for a ${NAME} placeholder").doesNotContain("null");
    }
}
