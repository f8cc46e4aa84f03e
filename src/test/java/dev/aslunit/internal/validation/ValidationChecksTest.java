package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCodesTest.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aslunit.StateMachineType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks behind SCHEMA_VALIDATION_FAILED and friends, each with the pointer it reports. */
class ValidationChecksTest {

    private static String machine(String states) {
        return "{\"StartAt\": \"S\", \"States\": {" + states + "}}";
    }

    private static List<String> pointers(List<Diagnostic> found) {
        return found.stream().map(Diagnostic::pointer).toList();
    }

    @Test
    void reports_every_problem_at_once() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "S", "TimeoutSeconds": -1,
                 "States": {
                   "S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "T",
                         "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}, {"ErrorEquals": ["X"]}]},
                   "T": {"Type": "Wait", "End": true}}}""");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer).containsExactly(
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/TimeoutSeconds"),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Retry/0/ErrorEquals"),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Retry/0/BackoffRate"),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/T"));
        assertThat(found.get(1).message()).isEqualTo("A retrier with \"States.ALL\" must be the last one; the "
                + "retriers after it could never apply");
        assertThat(found.get(3).message()).isEqualTo("A Wait state needs exactly one of Seconds, SecondsPath, "
                + "Timestamp and TimestampPath");
    }

    @Test
    void states_all_must_be_alone_and_its_catcher_last() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Pass", "End": true},
                "P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}],
                      "Catch": [{"ErrorEquals": ["States.ALL", "X"], "Next": "S"}, {"ErrorEquals": ["X"], "Next": "S"}]}"""));

        assertThat(found).extracting(Diagnostic::pointer, Diagnostic::message).contains(
                tuple("/States/P/Catch/0/ErrorEquals", "\"States.ALL\" must appear alone in ErrorEquals; it already "
                        + "matches every error"),
                tuple("/States/P/Catch/0/ErrorEquals", "A catcher with \"States.ALL\" must be the last one; the "
                        + "catchers after it could never apply"));
    }

    @Test
    void express_machines_refuse_sync_and_callback_integrations() {
        String definition = machine("""
                "S": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Next": "W"},
                "W": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}""");

        assertThat(diagnostics(definition, StateMachineType.STANDARD)).isEmpty();
        assertThat(diagnostics(definition, StateMachineType.EXPRESS))
                .extracting(Diagnostic::code, Diagnostic::pointer).containsExactly(
                        tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Resource"),
                        tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/W/Resource"));
    }

    @Test
    void fields_must_belong_to_the_query_language_of_the_state_as_the_jsonata_checker_says() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Pass", "Output": {"a": 1}, "Next": "J"},
                "J": {"Type": "Pass", "QueryLanguage": "JSONata", "Parameters": {"a": 1}, "End": true}"""));

        assertThat(found).extracting(Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple("/States/S", "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for "
                        + "the 'JSONata' QueryLanguage"),
                tuple("/States/J", "The QueryLanguage is set to 'JSONata', but field 'Parameters' is only supported "
                        + "for the 'JSONPath' QueryLanguage"));
    }

    @Test
    void a_jsonata_machine_cannot_contain_a_jsonpath_state() {
        List<Diagnostic> found = diagnostics("""
                {"QueryLanguage": "JSONata", "StartAt": "S",
                 "States": {"S": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}""");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S",
                        "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine"));
    }

    @Test
    void fields_of_another_state_type_are_named_as_such() {
        List<Diagnostic> found = diagnostics(machine("\"S\": {\"Type\": \"Pass\", \"Seconds\": 5, \"End\": true}"));

        assertThat(found).singleElement().extracting(Diagnostic::message)
                .isEqualTo("The field \"Seconds\" is not supported in a Pass state");
    }

    @Test
    void mutually_exclusive_fields_and_ranges() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:f",
                      "TimeoutSeconds": 10, "TimeoutSecondsPath": "$.t", "HeartbeatSeconds": 10,
                      "Next": "F", "End": true},
                "F": {"Type": "Fail", "Error": "E", "ErrorPath": "$.e"}"""));

        assertThat(found).extracting(Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple("/States/S", "\"Next\" and \"End\" are mutually exclusive; keep one"),
                tuple("/States/S", "\"TimeoutSeconds\" and \"TimeoutSecondsPath\" are mutually "
                        + "exclusive; keep one"),
                tuple("/States/S/HeartbeatSeconds", "HeartbeatSeconds (10) must be smaller than TimeoutSeconds (10)"),
                tuple("/States/F", "\"Error\" and \"ErrorPath\" are mutually exclusive; keep one"));
    }

    @Test
    void wrong_types_are_diagnostics() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": 7, "States": [], "Comment": {"a": 1}}""");

        assertThat(found).extracting(Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple("/StartAt", "StartAt must be a state name, not the number 7"),
                tuple("/States", "States must be an object of states, not an empty array"),
                tuple("/Comment", "Comment must be a string, not an object"));
    }

    @Test
    void nested_machines_are_validated_like_the_top_level() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Map", "End": true, "ItemProcessor": {
                  "ProcessorConfig": {"Mode": "DISTRIBUTED"},
                  "StartAt": "I", "States": {"I": {"Type": "Task", "Resource": "nope", "End": true}}}}"""));

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer).containsExactly(
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/ItemProcessor/ProcessorConfig"),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/ItemProcessor/States/I/Resource"));
    }

    @Test
    void choice_rules_are_checked_to_the_bottom() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Choice", "Default": "D", "Choices": [
                  {"And": [{"Variable": "$.a", "NumericEquals": "1"}, {"Variable": "$.b"}], "Next": "D"},
                  {"Variable": "$.t", "TimestampEquals": "yesterday", "Next": "D"},
                  {"Variable": "$.c", "BooleanEquals": true}]},
                "D": {"Type": "Succeed"}"""));

        assertThat(found).extracting(Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple("/States/S/Choices/0/And/0/NumericEquals", "NumericEquals must be a number, not the string \"1\""),
                tuple("/States/S/Choices/0/And/1", "A Choice rule needs exactly one comparison operator (such as "
                        + "\"StringEquals\"), or \"And\", \"Or\" or \"Not\""),
                tuple("/States/S/Choices/1/TimestampEquals", "TimestampEquals needs an RFC 3339 timestamp such as "
                        + "\"2026-01-05T09:00:00Z\", not \"yesterday\""),
                tuple("/States/S/Choices/2", "These fields are required: [Next]; every top-level Choice rule names "
                        + "the state to go to"));
    }

    @Test
    void payload_templates_need_paths_or_intrinsics_behind_dollar_keys() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Pass", "End": true, "Parameters": {"a.$": 5, "b.$": "orderId", "c.$": "States.Format"}}"""));

        assertThat(pointers(found)).containsExactly("/States/S/Parameters", "/States/S/Parameters",
                "/States/S/Parameters");
    }

    @Test
    void jsonata_expressions_must_be_closed() {
        List<Diagnostic> found = diagnostics("""
                {"QueryLanguage": "JSONata", "StartAt": "S",
                 "States": {"S": {"Type": "Pass", "Output": {"x": "{% $states.input "}, "End": true}}}""");

        assertThat(pointers(found)).containsExactly("/States/S/Output/x");
    }

    @Test
    void a_top_level_field_written_as_a_state_is_explained() {
        List<Diagnostic> found = diagnostics(machine("\"QueryLanguage\": \"JSONata\", \"S\": {\"Type\": \"Succeed\"}"));

        assertThat(found.get(0).message()).isEqualTo("State \"QueryLanguage\" must be an object with a \"Type\", "
                + "not the string \"JSONata\"; \"QueryLanguage\" belongs at the top level, next to \"StartAt\", not "
                + "inside \"States\"");
    }

    @Test
    void integration_arns_may_carry_a_region_and_account() {
        assertThat(diagnostics(machine("""
                "S": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject",
                      "End": true}"""))).isEmpty();
    }

    @Test
    void invalid_paths_intrinsics_and_jsonata_are_reported_where_they_are_written() {
        List<Diagnostic> found = diagnostics("""
                {"StartAt": "S",
                 "States": {
                   "S": {"Type": "Pass", "InputPath": "$.a[", "ResultPath": "$$.x", "Next": "J",
                         "Parameters": {"n.$": "States.MathAdd($.a)", "s.$": "States.Frobnicate($.a)"}},
                   "J": {"Type": "Pass", "QueryLanguage": "JSONata", "End": true,
                         "Output": {"total": "{% $sum($states.input.items. %}"}}}}""");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer, d -> d.location().line()).containsExactly(
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/InputPath", 3),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/ResultPath", 3),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Parameters", 4),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/S/Parameters", 4),
                tuple(DiagnosticCode.INVALID_JSONATA_EXPRESSION, "/States/J/Output/total", 6));
    }

    @Test
    void fail_paths_may_only_call_the_intrinsics_that_return_a_string() {
        // AWS's Fail state guide lists them: Format, JsonToString, ArrayGetItem, Base64Encode, Base64Decode,
        // Hash and UUID.
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Pass", "Next": "F"},
                "F": {"Type": "Fail", "ErrorPath": "States.Format('E{}', $.code)", "CausePath": "States.MathAdd(1, 2)"},
                "G": {"Type": "Fail", "ErrorPath": "States.Array($.e)", "CausePath": "States.JsonToString($)"},
                "H": {"Type": "Fail", "ErrorPath": "$.error", "CausePath": "States.UUID()"}"""));

        assertThat(found).filteredOn(d -> d.code() == DiagnosticCode.SCHEMA_VALIDATION_FAILED)
                .extracting(Diagnostic::pointer, Diagnostic::message).containsExactly(
                        tuple("/States/F/CausePath", "CausePath may only call an intrinsic function that returns a "
                                + "string (States.Format, States.JsonToString, States.ArrayGetItem, "
                                + "States.Base64Encode, States.Base64Decode, States.Hash, States.UUID), not "
                                + "States.MathAdd"),
                        tuple("/States/G/ErrorPath", "ErrorPath may only call an intrinsic function that returns a "
                                + "string (States.Format, States.JsonToString, States.ArrayGetItem, "
                                + "States.Base64Encode, States.Base64Decode, States.Hash, States.UUID), not "
                                + "States.Array"));
    }

    @Test
    void variable_names_follow_awss_rules() {
        List<Diagnostic> found = diagnostics(machine("""
                "S": {"Type": "Pass", "End": true, "Assign": {"ok.$": "$.a", "states": 1, "1st": 2}}"""));

        assertThat(found).extracting(Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple("/States/S/Assign/states", "Invalid variable name 'states': 'states' is reserved for Step "
                        + "Functions' own $states variable"),
                tuple("/States/S/Assign/1st", "Invalid variable name '1st': a variable name must start with a letter"));
    }

    @Test
    void states_result_and_error_output_only_where_aws_makes_them_available() {
        List<Diagnostic> found = diagnostics("""
                {"QueryLanguage": "JSONata", "StartAt": "T",
                 "States": {
                   "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                         "Arguments": {"x": "{% $states.result %}"},
                         "Output": "{% $states.result.Payload %}", "Assign": {"r": "{% $states.result %}"},
                         "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F",
                                    "Output": "{% $states.errorOutput %}", "Assign": {"e": "{% $states.result %}"}}],
                         "Next": "F"},
                   "F": {"Type": "Pass", "Output": "{% $states.errorOutput %}", "End": true}}}""");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer, Diagnostic::message).containsExactly(
                tuple(DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION, "/States/T/Arguments/x",
                        "Field '$states.result' does not exist."),
                tuple(DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION, "/States/T/Catch/0/Assign/e",
                        "Field '$states.result' does not exist."),
                tuple(DiagnosticCode.UNSUPPORTED_JSONATA_EXPRESSION, "/States/F/Output",
                        "Field '$states.errorOutput' does not exist."));
    }
}
