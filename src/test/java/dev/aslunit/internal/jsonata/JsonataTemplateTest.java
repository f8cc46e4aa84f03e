package dev.aslunit.internal.jsonata;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Templates and expressions; expected values are AWS's, from the recorded executions under
 * {@code evaluate_jsonata/}, {@code outputdecl/}, {@code assign/} and {@code scenarios/}.
 */
class JsonataTemplateTest {

    private static JsonNode eval(String fieldJson, TestScope scope) {
        return JsonataTemplate.compile(json(fieldJson), "Output").evaluate(scope);
    }

    private static QueryEvaluationException failure(String fieldJson, String location, TestScope scope) {
        JsonataTemplate template = JsonataTemplate.compile(json(fieldJson), location);
        return (QueryEvaluationException) catchThrowable(() -> template.evaluate(scope));
    }

    @Test
    void literals_are_returned_as_written_without_copies() {
        JsonNode value = json("""
                {"constant_null":null,"constant_int":0,"constant_float":0.1,"constant_bool":true,
                 "constant_not_jsonata":" {% states.input %} ","constant_varpath_states":"$states.input",
                 "constant_jp_input.$":"$","constant_if":"States.Format('Format:{}', 101)",
                 "constant_lst":[null,0,0.1,true,[],{"constant":0}," {% states.input %} "],"constant_obj_empty":{}}""");
        JsonataTemplate template = JsonataTemplate.compile(value, "Output");
        assertThat(template.isConstant()).isTrue();
        assertThat(template.evaluate(TestScope.withInput("{}"))).isSameAs(value);
    }

    @Test
    void expressions_nested_in_objects_and_arrays_are_evaluated_and_literal_parts_kept() {
        JsonNode value = json("""
                [null,0,0.1,true,"string",[],"$nosuchvar","$.no.such.path","{% $states.input %}",{"key":"{% true %}"}]""");
        JsonNode out = JsonataTemplate.compile(value, "Output").evaluate(TestScope.withInput("{\"input_value\":\"stringliteral\"}"));
        assertThat(out).isEqualTo(json("""
                [null,0,0.1,true,"string",[],"$nosuchvar","$.no.such.path",{"input_value":"stringliteral"},{"key":true}]"""));
        assertThat(out.get(5)).isSameAs(value.get(5));
        assertThat(out.get(2).isDouble()).isTrue();
    }

    @Test
    void states_input_comes_back_as_the_same_node() {
        TestScope scope = TestScope.withInput("{\"a\":{\"b\":[1,2]}}");
        JsonNode out = eval("\"{% $states.input.a %}\"", scope);
        assertThat(out).isSameAs(scope.states().get("input").get("a"));
    }

    @Test
    void variables_and_arithmetic_keep_integers_integral() {
        TestScope scope = TestScope.withInput("{\"input_value\":\"string literal\",\"input_values\":[1,2,3]}")
                .variable("var_constant_1", "1").variable("var_input_value", "\"string literal\"");
        JsonNode out = eval("""
                {"ja_var_access":"{% $var_input_value %}","ja_expr":"{% $sum($states.input.input_values) + $var_constant_1 %}"}""",
                scope);
        assertThat(out.toString()).isEqualTo("{\"ja_var_access\":\"string literal\",\"ja_expr\":7}");
        assertThat(out.get("ja_expr").isInt()).isTrue();
    }

    @Test
    void whole_doubles_are_written_as_integers_and_fractions_stay_doubles() {
        TestScope scope = TestScope.withInput("{}");
        assertThat(eval("\"{% 2.0 * 3 %}\"", scope).toString()).isEqualTo("6");
        assertThat(eval("\"{% 1 / 4 %}\"", scope).toString()).isEqualTo("0.25");
        assertThat(eval("\"{% 10000000000 * 3 %}\"", scope).isLong()).isTrue();
        assertThat(eval("\"{% $number(\\\"2\\\") %}\"", scope).toString()).isEqualTo("2");
    }

    @Test
    void regular_expressions_work_as_on_aws() {
        TestScope scope = TestScope.withInput("{}");
        assertThat(eval("\"{% $contains(\\\"hello$world\\\", /^hello\\\\$/) %}\"", scope).booleanValue()).isTrue();
        assertThat(eval("\"{% $contains('hello$world', /^hello\\\\ /) %}\"", scope).booleanValue()).isFalse();
    }

    @Test
    void a_json_null_result_is_a_value() {
        JsonNode out = eval("{\"v\":\"{% $states.input.bar %}\",\"w\":\"{% null %}\"}", TestScope.withInput("{\"bar\":null}"));
        assertThat(out.toString()).isEqualTo("{\"v\":null,\"w\":null}");
    }

    @Test
    void escaped_quotes_compare_as_on_aws() {
        TestScope scope = TestScope.withInput("\"\\\"\"").variable("var", "\"\\\"\"");
        assertThat(eval("\"{% $var = '\\\"' %}\"", scope).booleanValue()).isTrue();
        assertThat(eval("\"{% $states.input = '\\\"' %}\"", scope).booleanValue()).isTrue();
    }

    @Test
    void an_undefined_result_fails_with_aws_cause_naming_the_nested_field() {
        QueryEvaluationException e = failure("{\"result\":\"{% $doesNotExist %}\"}", "Output", TestScope.withInput("{}"));
        assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(e.location()).isEqualTo("Output/result");
        assertThat(e.cause()).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).");
        assertThat(e.cause("State2", 6)).isEqualTo("An error occurred while executing the state 'State2' (entered at the"
                + " event id #6). The JSONata expression '$doesNotExist' specified for the field 'Output/result'"
                + " returned nothing (undefined).");
        assertThat(e.evaluationFailedEventDetails("State2", 6).toString()).isEqualTo("{\"cause\":\"" + e.cause("State2", 6)
                + "\",\"error\":\"States.QueryEvaluationError\",\"location\":\"Output/result\",\"state\":\"State2\"}");
    }

    @Test
    void undefined_in_arguments_and_assign_fields() {
        assertThat(failure("\"{% $doesNotExist %}\"", "Arguments", TestScope.withInput("{}")).cause()).isEqualTo(
                "The JSONata expression '$doesNotExist' specified for the field 'Arguments' returned nothing (undefined).");
        assertThat(failure("{\"FunctionName\":\"{% $doesNotExist %}\"}", "Arguments", TestScope.withInput("{}")).location())
                .isEqualTo("Arguments/FunctionName");
        assertThat(failure("\"{% $doesNotExist %}\"", "Assign/result", TestScope.withInput("{}")).location())
                .isEqualTo("Assign/result");
    }

    @Test
    void array_elements_are_located_by_index() {
        assertThat(failure("{\"a\":[1,{\"b\":\"{% $nope %}\"}]}", "Output", TestScope.withInput("{}")).location())
                .isEqualTo("Output/a[1]/b");
    }

    @Test
    void a_function_result_is_an_unsupported_type() {
        assertThat(failure("\"{% $fn := function($x){$x} %}\"", "Items", TestScope.withInput("{}")).cause()).isEqualTo(
                "The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported"
                        + " result type.");
    }

    @Test
    void unexpected_types_are_worded_as_on_aws() {
        TestScope scope = TestScope.withInput("{}");
        String[][] cases = {
            {"{% {'foo': 'bar'} %}", "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an"
                + " unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}"},
            {"{% 'string' %}", "The JSONata expression ''string'' specified for the field 'Items' returned an unexpected"
                + " result type. Expected 'array', but was 'string' for value: \"string\""},
            {"{% 1 %}", "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type."
                + " Expected 'array', but was 'number' for value: 1"},
            {"{% true %}", "The JSONata expression 'true' specified for the field 'Items' returned an unexpected result"
                + " type. Expected 'array', but was 'boolean' for value: true"},
            {"{% null %}", "The JSONata expression 'null' specified for the field 'Items' returned an unexpected result"
                + " type. Expected 'array', but was 'null' for value: null"},
        };
        for (String[] c : cases) {
            JsonataTemplate items = JsonataTemplate.compile(Json.nodes().textNode(c[0]), "Items");
            JsonNode value = items.evaluate(scope);
            assertThat(value.isArray()).isFalse();
            assertThat(items.unexpectedType("array", value).cause()).isEqualTo(c[1]);
        }
    }

    @Test
    void jsonata_errors_carry_the_code_and_the_jsonata_js_wording() {
        QueryEvaluationException e = failure("\"{% $abs('x') %}\"", "Output", TestScope.withInput("{}"));
        assertThat(e.cause()).isEqualTo("The JSONata expression '$abs('x')' specified for the field 'Output' threw an"
                + " error during evaluation. T0410: Argument 1 of function \"abs\" does not match function signature");
    }

    @Test
    void eval_is_not_available() {
        QueryEvaluationException e = failure("\"{% $eval('1+1') %}\"", "Output", TestScope.withInput("{}"));
        assertThat(e.cause()).contains("threw an error during evaluation. T1006:");
    }

    @Test
    void nesting_deeper_than_aws_allows_fails_without_a_code() {
        String terms = "1" + "+1".repeat(200);
        QueryEvaluationException e = failure("\"{% " + terms + " %}\"", "Output", TestScope.withInput("{}"));
        assertThat(e.cause()).contains("threw an error during evaluation: Stack overflow error: Check for"
                + " non-terminating recursive function. Consider rewriting as tail-recursive. Depth=101 max=100");
        assertThat(eval("\"{% 1" + "+1".repeat(40) + " %}\"", TestScope.withInput("{}")).intValue()).isEqualTo(41);
    }

    @Test
    void syntax_errors_are_reported_at_compile_time_with_the_parser_message() {
        assertThatThrownBy(() -> JsonataTemplate.compile(json("{\"a\":\"{% a[1,2) %}\"}"), "Output"))
                .isInstanceOfSatisfying(JsonataSyntaxException.class, e -> {
                    assertThat(e.parserMessage()).isEqualTo("Expected \"]\", got \",\"");
                    assertThat(e.location()).isEqualTo("Output/a");
                    assertThat(e.expression()).isEqualTo("a[1,2)");
                    assertThat(e.position()).isPositive();
                    assertThat(e.getMessage()).contains("Output/a").contains("a[1,2)");
                });
        assertThatThrownBy(() -> JsonataTemplate.compile(json("\"{% 1 + %}\""), "Output"))
                .isInstanceOfSatisfying(JsonataSyntaxException.class,
                        e -> assertThat(e.parserMessage()).isEqualTo("Unexpected end of expression"));
        assertThatThrownBy(() -> JsonataTemplate.compile(json("\"{%%}\""), "Output"))
                .isInstanceOfSatisfying(JsonataSyntaxException.class,
                        e -> assertThat(e.parserMessage()).isEqualTo("Unexpected end of expression"));
    }

    @Test
    void expression_text_is_trimmed_and_only_whole_strings_are_expressions() {
        assertThat(JsonataTemplate.compile(json("\"{%$states.input%}\""), "Output").expressionText())
                .isEqualTo("$states.input");
        assertThat(JsonataTemplate.isExpression(" {% 1 %}")).isFalse();
        assertThat(JsonataTemplate.isExpression("{% 1 %} ")).isFalse();
        assertThat(JsonataTemplate.isExpression("{% 1 %}")).isTrue();
        assertThat(JsonataTemplate.compile(json("\"Hello {% name %}\""), "Output").isConstant()).isTrue();
    }

    @Test
    void variables_unknown_to_the_scope_are_undefined_and_builtins_stay_functions() {
        TestScope scope = TestScope.withInput("{\"xs\":[3,4]}").variable("answer", "42");
        assertThat(eval("\"{% $exists($nope) %}\"", scope).booleanValue()).isFalse();
        assertThat(eval("\"{% $sum($states.input.xs) + $answer %}\"", scope).intValue()).isEqualTo(49);
    }

    @Test
    void grouping_over_an_empty_input_array_never_writes_to_the_input() {
        TestScope scope = TestScope.withInput("{\"xs\":[]}");
        JsonNode out = eval("\"{% $states.input.xs{'k': 1} %}\"", scope);
        assertThat(out.toString()).isEqualTo("{\"k\":1}");
        assertThat(scope.states().get("input").get("xs").size()).isZero();
    }

    @Test
    void json_nulls_survive_a_transform_and_undefined_keys_are_left_out() {
        TestScope scope = TestScope.withInput("{\"o\":{\"x\":1,\"y\":null},\"n\":null}");
        assertThat(eval("\"{% $states.input ~> |o|{'z': 1}| %}\"", scope).toString())
                .isEqualTo("{\"o\":{\"x\":1,\"y\":null,\"z\":1},\"n\":null}");
        assertThat(eval("\"{% {'a': $states.input.nothing, 'b': 1} %}\"", scope).toString()).isEqualTo("{\"b\":1}");
        assertThat(scope.states().get("input").get("o").has("z")).isFalse();
    }

    @Test
    void input_arrays_and_objects_work_with_the_whole_library() {
        TestScope scope = TestScope.withInput("{\"arr\":[3,1,2,2],\"objs\":[{\"k\":\"a\",\"v\":1},{\"k\":\"b\",\"v\":2}]}");
        assertThat(eval("\"{% $sort($states.input.arr) %}\"", scope).toString()).isEqualTo("[1,2,2,3]");
        assertThat(eval("\"{% $reverse($states.input.arr) %}\"", scope).toString()).isEqualTo("[2,2,1,3]");
        assertThat(eval("\"{% $distinct($states.input.arr) %}\"", scope).toString()).isEqualTo("[3,1,2]");
        assertThat(eval("\"{% $append($states.input.arr, 9) %}\"", scope).toString()).isEqualTo("[3,1,2,2,9]");
        assertThat(eval("\"{% $states.input.objs{k: v} %}\"", scope).toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(eval("\"{% $states.input.objs[k='b'].v %}\"", scope).toString()).isEqualTo("2");
        assertThat(eval("\"{% $states.input.objs#$i.{'i': $i} %}\"", scope).toString()).isEqualTo("[{\"i\":0},{\"i\":1}]");
        assertThat(eval("\"{% $states.input.arr = [3,1,2,2] %}\"", scope).booleanValue()).isTrue();
        assertThat(scope.states().get("input").get("arr").toString()).isEqualTo("[3,1,2,2]");
    }

    @Test
    void one_compiled_template_serves_many_threads_at_once() throws Exception {
        JsonataTemplate template = JsonataTemplate.compile(json(
                "{\"n\":\"{% $states.input.n * $k %}\",\"id\":\"{% $uuid() %}\",\"sorted\":\"{% $sort($states.input.xs) %}\"}"),
                "Output");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int k = t + 2;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        TestScope scope = TestScope.withInput("{\"n\":" + i + ",\"xs\":[3,1,2]}").variable("k", "" + k)
                                .random(new SplittableRandom(i));
                        JsonNode out = template.evaluate(scope);
                        String expectedId = AwsFunctions.uuid(new SplittableRandom(i));
                        if (out.get("n").intValue() != i * k || !out.get("id").textValue().equals(expectedId)
                                || !out.get("sorted").toString().equals("[1,2,3]")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_template_evaluated_again_and_again_on_the_thread_that_compiled_it_keeps_working() {
        // jsonata-java 0.9.9 stacks a frame per evaluation of the instance built last on a thread,
        // which overflowed the stack after some thousands of evaluations.
        JsonataTemplate template = JsonataTemplate.compile(json("\"{% $states.input.n + $k %}\""), "Output");
        TestScope scope = TestScope.withInput("{\"n\":1}").variable("k", "2");
        for (int i = 0; i < 50_000; i++) {
            assertThat(template.evaluate(scope).intValue()).isEqualTo(3);
        }
    }

    @Test
    void an_expression_that_never_ends_is_stopped_by_its_step_budget() {
        QueryEvaluationException e = failure("\"{% ($f := function($x){ $f($x + 1) }; $f(1)) %}\"", "Output",
                TestScope.withInput("{}"));
        assertThat(e.cause()).endsWith("threw an error during evaluation: Expression evaluation timeout: Check for"
                + " infinite loop");
    }
}
