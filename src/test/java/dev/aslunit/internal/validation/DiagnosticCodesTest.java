package dev.aslunit.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per code: the code, its severity, the pointer AWS reports, and the line and column in the file. */
class DiagnosticCodesTest {

    static List<Diagnostic> diagnostics(String text) {
        return DefinitionLoader.fromString(text).named("t.asl.json").load().diagnostics();
    }

    static List<Diagnostic> diagnostics(String text, StateMachineType type) {
        return DefinitionLoader.fromString(text).named("t.asl.json").type(type).load().diagnostics();
    }

    static void assertOnly(List<Diagnostic> found, DiagnosticCode code, String pointer, int line, int column) {
        assertThat(found).as("diagnostics").singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(code);
            assertThat(d.pointer()).isEqualTo(pointer);
            assertThat(d.location().file()).isEqualTo("t.asl.json");
            assertThat(d.location().line()).as("line").isEqualTo(line);
            assertThat(d.location().column()).as("column").isEqualTo(column);
        });
    }

    @Test
    void INVALID_JSON_DESCRIPTION_for_truncated_json_at_the_end_of_the_text() {
        assertOnly(diagnostics("{\n  \"StartAt\": \"A\",\n  \"States\": {\n"), DiagnosticCode.INVALID_JSON_DESCRIPTION,
                "", 4, 1);
    }

    @Test
    void INVALID_JSON_DESCRIPTION_for_a_repeated_field() {
        assertOnly(diagnostics("""
                {"StartAt": "A",
                 "States": {"A": {"Type": "Pass", "End": true, "End": true}}}"""),
                DiagnosticCode.INVALID_JSON_DESCRIPTION, "/States/A/End", 2, 48);
    }

    @Test
    void SCHEMA_VALIDATION_FAILED_at_the_root_for_an_empty_file_as_AWS_answers_an_empty_definition() {
        List<Diagnostic> found = diagnostics("\n");
        assertOnly(found, DiagnosticCode.SCHEMA_VALIDATION_FAILED, "", 0, 0);
        assertThat(found.get(0).awsLocation()).isEqualTo("/");
    }

    @Test
    void SCHEMA_VALIDATION_FAILED_for_an_unknown_field_with_a_suggestion() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "A",
                 "States": {
                   "A": {"Type": "Pass", "Nxt": "B", "End": true},
                   "B": {"Type": "Succeed"}}}""");
        // B is unreachable too, since the misspelt Nxt leads nowhere.
        assertThat(found).hasSize(2);
        assertOnly(found.subList(0, 1), DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/A", 3, 26);
        assertThat(found.get(0).message()).isEqualTo("The field \"Nxt\" is not supported by Step Functions; "
                + "did you mean \"Next\"?");
    }

    @Test
    void SCHEMA_VALIDATION_FAILED_for_an_unknown_state_type() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "A",
                 "States": {"A": {"Type": "Tsak", "End": true}}}""");
        assertThat(found).extracting(Diagnostic::code).contains(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
        Diagnostic d = found.stream().filter(x -> x.pointer().equals("/States/A/Type")).findFirst().orElseThrow();
        assertThat(d.location().line()).isEqualTo(2);
        assertThat(d.location().column()).isEqualTo(19);
        assertThat(d.message()).startsWith("Unknown state type \"Tsak\" (did you mean \"Task\"?); the types are");
    }

    @Test
    void MISSING_TRANSITION_TARGET_for_a_next_that_names_no_state() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "Pay",
                 "States": {
                   "Pay": {"Type": "Pass", "Next": "Shipp"},
                   "Ship": {"Type": "Succeed"}}}""");
        assertThat(found).hasSize(2);
        assertOnly(found.subList(0, 1), DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/Pay/Next", 3, 28);
        assertThat(found.get(0).message()).isEqualTo("Missing 'Next' target: \"Shipp\" is not a state of the state "
                + "machine; did you mean \"Ship\"?");
        assertOnly(found.subList(1, 2), DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/Ship", 4, 4);
        assertThat(found.get(1).message()).startsWith("State \"Ship\" is not reachable");
    }

    @Test
    void MISSING_TRANSITION_TARGET_for_a_transition_that_leaves_a_parallel_branch() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "P",
                 "States": {
                   "P": {"Type": "Parallel", "Next": "Done",
                         "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "Done"}}}]},
                   "Done": {"Type": "Succeed"}}}""");
        // The branch also has no terminal state, because its only state tries to leave.
        assertThat(found).extracting(Diagnostic::code).containsExactlyInAnyOrder(
                DiagnosticCode.MISSING_TRANSITION_TARGET, DiagnosticCode.MISSING_END_STATE);
        Diagnostic d = found.stream().filter(x -> x.code() == DiagnosticCode.MISSING_TRANSITION_TARGET).findFirst()
                .orElseThrow();
        assertThat(d.pointer()).isEqualTo("/States/P/Branches/0/States/B/Next");
        assertThat(d.location().line()).isEqualTo(4);
        assertThat(d.location().column()).isEqualTo(73);
        assertThat(d.message()).contains("\"Done\" is outside Parallel branch 0 of \"P\"");
    }

    @Test
    void MISSING_END_STATE_when_every_state_moves_on() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "A",
                 "States": {
                   "A": {"Type": "Pass", "Next": "B"},
                   "B": {"Type": "Pass", "Next": "A"}}}""");
        assertOnly(found, DiagnosticCode.MISSING_END_STATE, "/States", 2, 2);
    }

    @Test
    void DUPLICATE_STATE_NAME_across_parallel_branches() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "P",
                 "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                   {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}},
                   {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}]}}}""");
        assertOnly(found, DiagnosticCode.DUPLICATE_STATE_NAME, "/States/P/Branches/1/States/X", 4, 32);
        assertThat(found.get(0).message()).contains("/States/P/Branches/0/States/X (line 3)");
    }

    @Test
    void DUPLICATE_STATE_NAME_in_one_states_object() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "A",
                 "States": {
                   "A": {"Type": "Succeed"},
                   "A": {"Type": "Fail"}}}""");
        assertOnly(found, DiagnosticCode.DUPLICATE_STATE_NAME, "/States/A", 4, 4);
    }

    @Test
    void INVALID_STATE_NAME_for_a_name_longer_than_80_characters() {
        String name = "N".repeat(81);
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"" + name + "\",\n \"States\": {\"" + name
                + "\": {\"Type\": \"Succeed\"}}}");
        assertOnly(found, DiagnosticCode.INVALID_STATE_NAME, "/States/" + name, 2, 13);
    }

    @Test
    void INVALID_RESOURCE_for_an_arn_that_names_no_task_resource() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "T",
                 "States": {"T": {"Type": "Task", "Resource": "arn:aws:s3:::my-bucket", "End": true}}}""");
        assertOnly(found, DiagnosticCode.INVALID_RESOURCE, "/States/T/Resource", 2, 35);
    }

    @Test
    void TOO_DEEPLY_NESTED_for_absurd_nesting() {
        String deep = "{\"StartAt\": \"A\", \"Comment\": " + "[".repeat(2000) + "]".repeat(2000) + "}";
        List<Diagnostic> found = diagnostics(deep);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.TOO_DEEPLY_NESTED);
            assertThat(d.pointer()).isEmpty();
            assertThat(d.location().line()).isEqualTo(1);
            assertThat(d.location().column()).isEqualTo(1029);
        });
    }

    private static final String DISTRIBUTED = """
            {"Type": "Map", "Label": "%s", "End": true,
             "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                               "StartAt": "%s", "States": {"%s": {"Type": "Succeed"}}}}""";

    @Test
    void DUPLICATE_LABEL_NAME_for_two_maps_with_one_label() {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"M1\",\n\"States\": {\n\"M1\": "
                + DISTRIBUTED.formatted("Items", "I1", "I1").replace("\"End\": true", "\"Next\": \"M2\"")
                + ",\n\"M2\": " + DISTRIBUTED.formatted("Items", "I2", "I2") + "}}");
        assertOnly(found, DiagnosticCode.DUPLICATE_LABEL_NAME, "/States/M2/Label", 6, 23);
    }

    @Test
    void INVALID_LABEL_NAME_for_a_label_with_whitespace() {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"M\",\n\"States\": {\n\"M\": "
                + DISTRIBUTED.formatted("my items", "I", "I") + "}}");
        assertOnly(found, DiagnosticCode.INVALID_LABEL_NAME, "/States/M/Label", 3, 22);
    }

    @Test
    void UNRESOLVED_PLACEHOLDER_for_a_substitution_nobody_gave() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "T",
                 "States": {"T": {"Type": "Task", "Resource": "${PayFunctionArn}", "End": true}}}""");
        assertOnly(found, DiagnosticCode.UNRESOLVED_PLACEHOLDER, "/States/T/Resource", 2, 35);
        assertThat(found.get(0).message()).contains("--substitution PayFunctionArn=VALUE");
    }

    @Test
    void NO_DOLLAR_for_a_path_passed_as_a_literal() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "P",
                 "States": {"P": {"Type": "Pass", "End": true,
                   "Parameters": {"orderId": "$.order.id"}}}}""");
        assertOnly(found, DiagnosticCode.NO_DOLLAR, "/States/P/Parameters/orderId", 3, 19);
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void NO_PATH_for_a_path_compared_as_a_literal_string() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "C",
                 "States": {"C": {"Type": "Choice", "Default": "D",
                   "Choices": [{"Variable": "$.a", "StringEquals": "$.b", "Next": "D"}]},
                   "D": {"Type": "Succeed"}}}""");
        assertOnly(found, DiagnosticCode.NO_PATH, "/States/C/Choices/0/StringEquals", 3, 36);
        assertThat(found.get(0).message()).endsWith("did you mean \"StringEqualsPath\"?");
    }

    @Test
    void PASS_RESULT_IS_STATIC_for_a_dollar_field_in_result() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "P",
                 "States": {"P": {"Type": "Pass", "End": true,
                   "Result": {"id.$": "$.id"}}}}""");
        assertOnly(found, DiagnosticCode.PASS_RESULT_IS_STATIC, "/States/P/Result/id.$", 3, 15);
    }

    /** Its Output field is on line 2, column 25. */
    private static String jsonataPassWithOutput(String output) {
        return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"P\", \"States\": {\n"
                + "  \"P\": {\"Type\": \"Pass\", \"Output\": " + output + ", \"End\": true}}}";
    }

    @Test
    void INVALID_JSONATA_EXPRESSION_for_an_expression_that_does_not_parse() {
        List<Diagnostic> found = diagnostics(jsonataPassWithOutput("{\"total\": \"{% $sum($states.input.items. %}\"}"));
        assertOnly(found, DiagnosticCode.INVALID_JSONATA_EXPRESSION, "/States/P/Output/total", 2, 36);
    }

    @Test
    void UNSUPPORTED_JSONATA_EXPRESSION_for_the_result_where_there_is_none() {
        List<Diagnostic> found = diagnostics(jsonataPassWithOutput("\"{% $states.result %}\""));
        assertOnly(found, DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION, "/States/P/Output", 2, 25);
        assertThat(found.get(0).message()).isEqualTo("Field '$states.result' does not exist.");
    }

    @Test
    void DUPLICATE_VARIABLE_NAME_for_an_inner_scope_assigning_an_outer_variable() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "S", "States": {"S": {"Type": "Pass", "Assign": {"total": 0}, "Next": "P"},
                  "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "B", "States": {
                    "B": {"Type": "Pass", "Assign": {"total": 1}, "End": true}}}]}}}""");
        assertOnly(found, DiagnosticCode.DUPLICATE_VARIABLE_NAME, "/States/P/Branches/0/States/B/Assign/total", 3, 38);
    }

    @Test
    void POSSIBLY_UNDEFINED_VARIABLE_for_a_variable_nothing_assigns_before() {
        List<Diagnostic> found = diagnostics(jsonataPassWithOutput("\"{% $total %}\""));
        assertOnly(found, DiagnosticCode.POSSIBLY_UNDEFINED_VARIABLE, "/States/P/Output", 2, 25);
        assertThat(found.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void every_code_has_a_test_here() {
        java.util.Set<String> tested = new java.util.HashSet<>();
        for (var method : DiagnosticCodesTest.class.getDeclaredMethods()) {
            for (DiagnosticCode code : DiagnosticCode.values()) {
                if (method.getName().startsWith(code.name() + "_")) {
                    tested.add(code.name());
                }
            }
        }
        assertThat(tested).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(DiagnosticCode.values()).map(Enum::name).toList());
    }

    @Test
    void warnings_leave_the_definition_valid() {
        var loaded = DefinitionLoader.fromString("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Result": {"id.$": "$.id"}}}}""").load();
        assertThat(loaded.isValid()).isTrue();
        assertThat(loaded.definition()).isNotNull();
    }
}
