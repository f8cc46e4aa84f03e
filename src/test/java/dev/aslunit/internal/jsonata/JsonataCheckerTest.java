package dev.aslunit.internal.jsonata;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aslunit.internal.jsonata.JsonataProblem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AWS's static rules. The accepted definitions are ones AWS ran (recorded executions under
 * {@code assign/}, {@code outputdecl/}, {@code states_variables/}, {@code query_language/}); the
 * refusals carry AWS's diagnostic codes and messages.
 */
class JsonataCheckerTest {

    private static List<JsonataProblem> check(String definition) {
        return JsonataChecker.check(json(definition));
    }

    private static String passWithOutput(String output) {
        return "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"E\",\"States\":{\"E\":{\"Type\":\"Pass\",\"Output\":"
                + output + ",\"End\":true}}}";
    }

    @Test
    void definitions_aws_ran_have_no_problem() {
        assertThat(check("""
                {"Comment":"TASK_CATCH_ERROR_VARIABLE_SAMPLING","QueryLanguage":"JSONata","StartAt":"Task","States":{
                 "Task":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Arguments":{"FunctionName":"arn:aws:lambda:us-east-1:111111111111:function:fn","Payload":{"foo":"foobar"}},
                  "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"inputVar":"{% $states.input %}",
                    "errorVar":"{% $states.errorOutput %}"},"Next":"Fallback"}],
                  "Assign":{"inputVar":"{% $states.input %}","resultVar":"{% $states.result %}"},"Next":"Finish"},
                 "Fallback":{"Type":"Pass","Output":{"error":"{% $errorVar %}"},"End":true},
                 "Finish":{"Type":"Pass","Output":{"result":"{% $resultVar %}"},"End":true}}}""")).isEmpty();
        assertThat(check("""
                {"StartAt":"Init","States":{
                 "Init":{"Type":"Pass","Assign":{"var_input_value.$":"$.input_value","var_constant_1":1},"Next":"State0"},
                 "State0":{"QueryLanguage":"JSONata","Type":"Pass","Output":{"ja_states_context":"{% $states.context %}",
                  "ja_states_input":"{% $states.input %}","ja_var_access":"{% $var_input_value %}",
                  "ja_expr":"{% $sum($states.input.input_values) + $var_constant_1 %}"},"End":true}}}""")).isEmpty();
        assertThat(check("""
                {"QueryLanguage":"JSONata","StartAt":"Start","States":{
                 "Start":{"Type":"Pass","Assign":{"ItemsVar":["Item1","Item2"]},"Next":"MapIterateState"},
                 "MapIterateState":{"Type":"Map","MaxConcurrency":1,"Items":"{% $ItemsVar %}",
                  "ItemSelector":{"map_item_value":"{% $states.context.Map.Item.Value %}","var_sample":"{% $ItemsVar %}"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Pass",
                   "States":{"Pass":{"Type":"Pass","End":true}}},"End":true}}}""")).isEmpty();
        assertThat(check(passWithOutput("\"{% $contains(\\\"hello$world\\\", /^hello\\\\$/) %}\""))).isEmpty();
        assertThat(check(passWithOutput("\"{% $map($states.input.a, function($x){ $x.b }) %}\""))).isEmpty();
        assertThat(check(passWithOutput("\"{% ($n := $states.input.n; $n * 2) %}\""))).isEmpty();
        assertThat(check(passWithOutput("\"{% $states.input.items[value > 3].name %}\""))).isEmpty();
    }

    @Test
    void a_reference_to_the_top_level_context_is_refused() {
        assertThat(check(passWithOutput("{\"v\":\"{% phone %}\"}"))).extracting("code", "severity", "message", "pointer")
                .containsExactly(tuple("UNSUPPORTED_JSONATA_EXPRESSION", Severity.ERROR,
                        "Reference to 'phone' at the top level is not supported.", "/States/E/Output/v"));
        assertThat(check(passWithOutput("\"{% $map($states.input.a, function($x){ b }) %}\"")))
                .extracting("message").containsExactly("Reference to 'b' at the top level is not supported.");
        assertThat(check(passWithOutput("\"{% $$ %}\""))).extracting("code", "message", "pointer").containsExactly(
                tuple("UNSUPPORTED_JSONATA_EXPRESSION", "Reference to '$$' is not supported.", "/States/E/Output"));
    }

    @Test
    void an_expression_that_does_not_parse_is_refused_with_the_parser_message() {
        assertThat(check(passWithOutput("\"{% a[1,2) %}\""))).extracting("code", "message", "pointer")
                .containsExactly(tuple("INVALID_JSONATA_EXPRESSION", "Expected \"]\", got \",\"", "/States/E/Output"));
        assertThat(check(passWithOutput("[1,\"{% 1 + %}\"]"))).extracting("message", "pointer")
                .containsExactly(tuple("Unexpected end of expression", "/States/E/Output/1"));
    }

    @Test
    void states_error_output_only_in_a_catch_and_result_only_after_a_task_map_or_parallel() {
        assertThat(check(passWithOutput("\"{% $states.errorOutput %}\""))).extracting("code", "message", "pointer")
                .containsExactly(tuple("UNSUPPORTED_JSONATA_EXPRESSION", "Field '$states.errorOutput' does not exist.",
                        "/States/E/Output"));
        assertThat(check(passWithOutput("\"{% $states.result %}\""))).extracting("message")
                .containsExactly("Field '$states.result' does not exist.");
        assertThat(check("""
                {"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Arguments":{"FunctionName":"f","Payload":"{% $states.result %}"},
                 "Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.result %}","Next":"D"}],"End":true},
                 "D":{"Type":"Succeed"}}}""")).extracting("message", "pointer").containsExactly(
                tuple("Field '$states.result' does not exist.", "/States/T/Arguments/Payload"),
                tuple("Field '$states.result' does not exist.", "/States/T/Catch/0/Output"));
    }

    @Test
    void fields_of_the_other_query_language_are_refused_at_the_state() {
        assertThat(check("""
                {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","End":true,"InputPath":"$.a"}}}"""))
                .extracting("code", "message", "pointer").containsExactly(tuple("SCHEMA_VALIDATION_FAILED",
                        "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath'"
                                + " QueryLanguage", "/States/X"));
        assertThat(check("""
                {"StartAt":"X","States":{"X":{"Type":"Pass","End":true,"Output":{"a":1}}}}"""))
                .extracting("message").containsExactly("The QueryLanguage is set to 'JSONPath', but field 'Output' is only"
                        + " supported for the 'JSONata' QueryLanguage");
        assertThat(check("""
                {"StartAt":"X","States":{"X":{"Type":"Pass","QueryLanguage":"JSONata","End":true,"Output":{"a":1}}}}"""))
                .isEmpty();
    }

    @Test
    void a_state_cannot_go_back_to_jsonpath_in_a_jsonata_machine() {
        assertThat(check("""
                {"QueryLanguage":"JSONata","StartAt":"X","States":{"X":{"Type":"Pass","QueryLanguage":"JSONPath",
                 "Parameters":{"a":1},"End":true}}}""")).extracting("message", "pointer").containsExactly(tuple(
                "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", "/States/X"));
    }

    @Test
    void variable_names_are_checked_in_every_assign() {
        assertThat(check("""
                {"StartAt":"X","States":{"X":{"Type":"Pass","Assign":{"states":1,"ok.$":"$.a","1bad":2,"a-b":3},"End":true}}}"""))
                .extracting("code", "pointer").containsExactly(
                        tuple("SCHEMA_VALIDATION_FAILED", "/States/X/Assign/states"),
                        tuple("SCHEMA_VALIDATION_FAILED", "/States/X/Assign/1bad"),
                        tuple("SCHEMA_VALIDATION_FAILED", "/States/X/Assign/a-b"));
        assertThat(check("""
                {"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice",
                 "Choices":[{"Condition":"{% true %}","Next":"D","Assign":{"x y":1}}],"Default":"D"},"D":{"Type":"Succeed"}}}"""))
                .extracting("pointer").containsExactly("/States/C/Choices/0/Assign/x y");
    }

    @Test
    void an_inner_state_cannot_assign_a_variable_of_an_enclosing_scope() {
        assertThat(check("""
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"x":42},"Next":"P"},
                 "P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass",
                  "Assign":{"innerX.$":"$x","x":1},"End":true}}}]}}}""")).extracting("code", "message", "pointer")
                .containsExactly(tuple("DUPLICATE_VARIABLE_NAME", "The variable name 'x' was already defined in a parent"
                        + " scope.", "/States/P/Branches/0/States/B/Assign/x"));
    }

    @Test
    void an_inner_state_may_assign_what_its_container_or_a_later_state_assigns() {
        // AWS runs a Parallel whose catcher assigns the variable its branch's task assigns (an AWS-validated
        // test in LocalStack's suite); the container's own Assign and the states after it are alike.
        assertThat(check("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{
                 "P":{"Type":"Parallel","Next":"Done","Branches":[{"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f"},
                  "Assign":{"inputVar":"{% $states.input %}","resultVar":"{% $states.result %}"},"End":true}}}],
                  "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"inputVar":"{% $states.input %}"},"Next":"Done"}]},
                 "Done":{"Type":"Succeed"}}}""")).isEmpty();
        assertThat(check("""
                {"StartAt":"M","States":{"M":{"Type":"Map","Assign":{"x.$":"$"},"Next":"After",
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{"I":{"Type":"Pass",
                   "Assign":{"x":1,"y":2},"End":true}}}},
                 "After":{"Type":"Pass","Assign":{"y":3},"End":true}}}""")).isEmpty();
        // A state before the container defines the name, also through a loop back to it.
        assertThat(check("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Again","Branches":[{"StartAt":"B",
                  "States":{"B":{"Type":"Pass","Assign":{"n":1},"End":true}}}]},
                 "Again":{"Type":"Pass","Assign":{"n":2},"Next":"P"}}}"""))
                .extracting("code", "pointer")
                .containsExactly(tuple("DUPLICATE_VARIABLE_NAME", "/States/P/Branches/0/States/B/Assign/n"));
        // Two levels down, a name of the outermost scope is still defined.
        assertThat(check("""
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"x":1},"Next":"P"},
                 "P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"x":2},"End":true}}}}}}]}}}"""))
                .extracting("pointer").containsExactly("/States/P/Branches/0/States/M/ItemProcessor/States/I/Assign/x");
    }

    @Test
    void a_variable_no_earlier_state_assigns_is_a_warning() {
        assertThat(check("""
                {"StartAt":"State0","QueryLanguage":"JSONata","States":{"State0":{"Type":"Pass","Next":"State1"},
                 "State1":{"Type":"Pass","Next":"State2"},"State2":{"Type":"Pass","Output":{"result":"{% $doesNotExist %}"},
                 "End":true}}}""")).extracting("code", "severity", "pointer").containsExactly(
                tuple("POSSIBLY_UNDEFINED_VARIABLE", Severity.WARNING, "/States/State2/Output/result"));
        // Assigned before (JSONPath reads), in an enclosing scope, or around a loop: no warning.
        assertThat(check("""
                {"StartAt":"Setup","States":{"Setup":{"Type":"Pass","Assign":{"guess":"g","answer":"a"},"Next":"Check"},
                 "Check":{"Type":"Choice","Choices":[{"Variable":"$guess","StringEqualsPath":"$answer","Next":"Ok"}],
                  "Default":"Wrong"},"Ok":{"Type":"Pass","End":true},
                 "Wrong":{"Type":"Pass","Assign":{"guess.$":"$answer"},"Next":"Check"}}}""")).isEmpty();
        assertThat(check("""
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"x":42},"Next":"M"},"M":{"Type":"Map",
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{"I":{"Type":"Pass",
                  "Assign":{"innerX.$":"$x"},"End":true}}},"End":true}}}""")).isEmpty();
        assertThat(check("""
                {"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"x":42},"Next":"M"},"M":{"Type":"Map",
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"I",
                  "States":{"I":{"Type":"Pass","Parameters":{"v.$":"$x"},"End":true}}},"End":true}}}"""))
                .extracting("code", "pointer").containsExactly(
                        tuple("POSSIBLY_UNDEFINED_VARIABLE", "/States/M/ItemProcessor/States/I/Parameters/v.$"));
    }

    @Test
    void local_names_functions_and_strings_are_not_variables() {
        assertThat(check(passWithOutput("\"{% ($f := function($v){ $v + 1 }; $map([1,2], $f) ~> $sum()) %}\"")))
                .isEmpty();
        assertThat(check(passWithOutput("\"{% '$notAVariable' & \\\"$neither\\\" %}\""))).isEmpty();
        assertThat(check(passWithOutput("\"{% $map([1], $string) %}\""))).isEmpty();
        assertThat(check(passWithOutput("\"{% $states.input.items#$i[$i > 0] %}\""))).isEmpty();
        assertThat(check(passWithOutput("\"{% $states.input.items@$o.($o.id) %}\""))).isEmpty();
    }
}
