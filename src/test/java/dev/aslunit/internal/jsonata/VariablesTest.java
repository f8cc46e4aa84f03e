package dev.aslunit.internal.jsonata;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Variables: names, the Assign evaluation rule, scopes, limits and the state-exited event fields.
 * Expected values from the recorded executions under {@code assign/}, {@code query_language/} and
 * {@code states_variables/}.
 */
class VariablesTest {

    private static JsonataScope scope(String states, VariableScope variables) {
        return JsonataScope.of(json(states), variables, new SplittableRandom(1), Instant.EPOCH);
    }

    private static Map<String, JsonNode> values(String... nameAndJson) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (int i = 0; i < nameAndJson.length; i += 2) {
            out.put(nameAndJson[i], json(nameAndJson[i + 1]));
        }
        return out;
    }

    @Test
    void names_follow_aws_rules() {
        assertThat(VariableNames.isValid("x")).isTrue();
        assertThat(VariableNames.isValid("var_input_value")).isTrue();
        assertThat(VariableNames.isValid("Sum")).isTrue();
        assertThat(VariableNames.isValid("café2")).isTrue();
        assertThat(VariableNames.isValid("a".repeat(80))).isTrue();
        assertThat(VariableNames.problem("a".repeat(81))).contains("80");
        assertThat(VariableNames.problem("states")).contains("reserved");
        assertThat(VariableNames.problem("1x")).contains("start with a letter");
        assertThat(VariableNames.problem("a-b")).contains("'-'");
        assertThat(VariableNames.problem("a.b")).contains("'.'");
        assertThat(VariableNames.problem("")).contains("empty");
        assertThat(VariableNames.variableName("result.$", true)).isEqualTo("result");
        assertThat(VariableNames.variableName("result.$", false)).isEqualTo("result.$");
    }

    @Test
    void every_expression_of_a_state_sees_the_variables_from_before_the_state() {
        // query_language/test_task_dataflow_to_state: Arguments read $answer = 42 while Assign replaces it.
        VariableScope variables = VariableScope.root();
        variables.assignAll(values("answer", "42"));
        JsonataScope before = scope("{\"input\":{},\"result\":{\"Payload\":{\"theAnswer\":42}}}", variables);
        JsonataAssign assign = JsonataAssign.compile(json("{\"answer\":\"<omitted>\",\"message\":\"{% $states.result %}\","
                + "\"copy\":\"{% $answer %}\"}"), "Assign");
        Map<String, JsonNode> assigned = assign.evaluate(before);
        JsonNode arguments = JsonataTemplate.compile(json("{\"theAnswer\":\"{% $answer %}\"}"), "Arguments").evaluate(before);

        assertThat(arguments.toString()).isEqualTo("{\"theAnswer\":42}");
        assertThat(assigned.get("copy").intValue()).isEqualTo(42);
        assertThat(variables.read("answer").intValue()).isEqualTo(42);

        variables.assignAll(assigned);
        assertThat(variables.read("answer").textValue()).isEqualTo("<omitted>");
        assertThat(variables.read("message").toString()).isEqualTo("{\"Payload\":{\"theAnswer\":42}}");
    }

    @Test
    void a_failing_assign_value_is_located_under_its_name() {
        JsonataAssign assign = JsonataAssign.compile(json("{\"result\":\"{% $doesNotExist %}\"}"), "Assign");
        assertThatThrownBy(() -> assign.evaluate(scope("{\"input\":{}}", VariableScope.root())))
                .isInstanceOfSatisfying(QueryEvaluationException.class, e -> assertThat(e.cause()).isEqualTo(
                        "The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing"
                                + " (undefined)."));
        JsonataAssign inCatch = JsonataAssign.compile(json("{\"e\":\"{% $nope %}\"}"), "Catch[0]/Assign");
        assertThatThrownBy(() -> inCatch.evaluate(scope("{\"input\":{}}", VariableScope.root())))
                .isInstanceOfSatisfying(QueryEvaluationException.class,
                        e -> assertThat(e.location()).isEqualTo("Catch[0]/Assign/e"));
    }

    @Test
    void inner_scopes_read_outer_variables_and_keep_their_own_to_themselves() {
        // assign/test_base_cases[BASE_SCOPE_MAP]: x = 42 outside, innerX := $x inside, final := $x after.
        VariableScope outer = VariableScope.root();
        outer.assignAll(values("x", "42", "items", "[1,2,3]"));
        for (int item = 1; item <= 3; item++) {
            VariableScope iteration = outer.child();
            assertThat(iteration.parent()).isSameAs(outer);
            JsonataScope inner = scope("{\"input\":" + item + "}", iteration);
            iteration.assignAll(JsonataAssign.compile(json("{\"innerX\":\"{% $x %}\"}"), "Assign").evaluate(inner));
            assertThat(iteration.read("innerX").intValue()).isEqualTo(42);
            iteration.close();
        }
        assertThat(outer.read("innerX")).isNull();
        assertThat(outer.read("x").intValue()).isEqualTo(42);
    }

    @Test
    void a_distributed_map_child_execution_starts_from_an_empty_root() {
        VariableScope outer = VariableScope.root();
        outer.assignAll(values("bucket", "\"test-name\""));
        assertThat(VariableScope.root().read("bucket")).isNull();
    }

    @Test
    void assigned_variables_are_reported_sorted_as_json_text() {
        // states_variables/test_catch_error_variable_sampling: Assign {inputVar, errorVar} is reported errorVar first.
        VariableScope variables = VariableScope.root();
        VariableScope.Assigned assigned = variables.assignAll(values("inputVar", "{\"inputData\":\"dummy\"}",
                "errorVar", "{\"Error\":\"Exception\",\"Cause\":\"boom\"}", "n", "1.5", "s", "\"text\""));
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("name", "Task");
        assigned.addTo(details);
        assertThat(details.toString()).isEqualTo("{\"name\":\"Task\",\"assignedVariables\":{"
                + "\"errorVar\":\"{\\\"Error\\\":\\\"Exception\\\",\\\"Cause\\\":\\\"boom\\\"}\","
                + "\"inputVar\":\"{\\\"inputData\\\":\\\"dummy\\\"}\",\"n\":\"1.5\",\"s\":\"\\\"text\\\"\"},"
                + "\"assignedVariablesDetails\":{\"truncated\":false}}");
    }

    @Test
    void an_empty_assign_reports_nothing() {
        // assign/test_base_cases[BASE_EMPTY]: no assignedVariables field at all.
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        VariableScope.Assigned assigned = VariableScope.root().assignAll(Map.of());
        assigned.addTo(details);
        assertThat(assigned.isEmpty()).isTrue();
        assertThat(details.isEmpty()).isTrue();
        assertThat(JsonataAssign.compile(json("{}"), "Assign").isEmpty()).isTrue();
    }

    @Test
    void size_limits_refuse_the_whole_assign() {
        VariableScope variables = VariableScope.root();
        String big = "\"" + "x".repeat(VariableScope.MAX_VARIABLE_BYTES) + "\"";
        assertThatThrownBy(() -> variables.assignAll(values("ok", "1", "big", big)))
                .isInstanceOfSatisfying(VariableScope.VariableLimitException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
                    assertThat(e.cause()).contains("'big'");
                });
        assertThat(variables.read("ok")).isNull();

        String half = "\"" + "x".repeat(140 * 1024) + "\"";
        assertThatThrownBy(() -> variables.assignAll(values("a", half, "b", half)))
                .isInstanceOf(VariableScope.VariableLimitException.class)
                .hasMessageContaining("one Assign field");

        String nearlyFull = "\"" + "x".repeat(250 * 1024) + "\"";
        for (int i = 0; i < 40; i++) {
            variables.assignAll(values("v" + i, nearlyFull));
        }
        assertThatThrownBy(() -> variables.assignAll(values("v40", nearlyFull)))
                .isInstanceOf(VariableScope.VariableLimitException.class)
                .hasMessageContaining("execution");
        // Replacing a value counts only the difference.
        variables.assignAll(values("v0", "1"));
        variables.assignAll(values("v40", nearlyFull));
    }

    @Test
    void a_closed_child_scope_returns_its_bytes_to_the_execution() {
        VariableScope root = VariableScope.root();
        String nearlyFull = "\"" + "x".repeat(250 * 1024) + "\"";
        for (int i = 0; i < 40; i++) {
            VariableScope child = root.child();
            child.assignAll(values("v", nearlyFull));
            child.close();
        }
        for (int i = 0; i < 40; i++) {
            root.assignAll(values("v" + i, nearlyFull));
        }
        assertThat(root.read("v39")).isNotNull();
    }

    @Test
    void the_states_object_holds_what_the_field_may_read() {
        JsonNode input = json("{\"a\":1}");
        JsonNode context = json("{\"State\":{\"Name\":\"S\"}}");
        ObjectNode inCatch = JsonataScope.statesObject(input, context, null, json("{\"Error\":\"E\",\"Cause\":\"c\"}"));
        assertThat(inCatch.toString()).isEqualTo(
                "{\"input\":{\"a\":1},\"context\":{\"State\":{\"Name\":\"S\"}},\"errorOutput\":{\"Error\":\"E\",\"Cause\":\"c\"}}");
        assertThat(inCatch.get("input")).isSameAs(input);
        JsonataScope scope = JsonataScope.of(inCatch, VariableScope.root(), new SplittableRandom(1), Instant.EPOCH);
        assertThat(JsonataTemplate.compile(json("\"{% $states.errorOutput.Error & $states.context.State.Name %}\""),
                "Catch[0]/Output").evaluate(scope).textValue()).isEqualTo("ES");
    }

    @Test
    void an_assign_that_reads_what_it_writes_sees_the_old_values_so_it_swaps() {
        VariableScope variables = VariableScope.root();
        variables.assignAll(values("a", "1", "b", "2"));
        JsonataScope before = scope("{\"input\":{}}", variables);
        variables.assignAll(JsonataAssign.compile(json("{\"a\":\"{% $b %}\",\"b\":\"{% $a %}\"}"), "Assign")
                .evaluate(before));
        assertThat(variables.read("a").intValue()).isEqualTo(2);
        assertThat(variables.read("b").intValue()).isEqualTo(1);
    }
}
