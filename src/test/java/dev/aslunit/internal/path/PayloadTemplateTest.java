package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {

    @Test
    void dynamicFieldsTakeTheirPathsValueAndLoseTheSuffix() {
        // The ASL specification's own example of Parameters.
        PayloadTemplate template = PayloadTemplate.compile(json("""
                {"flagged": true, "parts": {"first.$": "$.vals[0]", "last3.$": "$.vals[3:]"}}"""));
        JsonNode result = template.evaluate(TestScope.input("""
                {"flagged": 7, "vals": [0, 10, 20, 30, 40, 50]}"""));
        assertThat(result).isEqualTo(json("""
                {"flagged": true, "parts": {"first": 0, "last3": [30, 40, 50]}}"""));
    }

    @Test
    void filtersYieldTheArrayOfMatches() {
        // Recorded on AWS (test_state_pass_regex_json_path_base).
        PayloadTemplate template = PayloadTemplate.compile(json("{\"FromInput.$\": \"$.users[?(@.status == 0)]\"}"));
        assertThat(template.evaluate(TestScope.input("""
                {"users": [{"year": 1997, "status": 0}, {"year": 1998, "status": 1}]}""")))
                .isEqualTo(json("{\"FromInput\": [{\"year\": 1997, \"status\": 0}]}"));
    }

    @Test
    void contextVariablesAndArraysAreResolved() {
        PayloadTemplate template = PayloadTemplate.compile(json("""
                {"list": [{"id.$": "$$.Execution.Id"}, "plain", {"v.$": "$theAnswer"}], "root.$": "$"}"""));
        TestScope scope = TestScope.input("{\"x\": 1}").context("{\"Execution\": {\"Id\": \"arn\"}}")
                .variable("theAnswer", "42");
        assertThat(template.evaluate(scope)).isEqualTo(json("""
                {"list": [{"id": "arn"}, "plain", {"v": 42}], "root": {"x": 1}}"""));
    }

    @Test
    void staticPartsAreSharedNotCopied() {
        JsonNode source = json("""
                {"static": {"deep": [1, 2, 3]}, "d.$": "$.x"}""");
        JsonNode result = PayloadTemplate.compile(source).evaluate(TestScope.input("{\"x\": 1}"));
        assertThat(result.get("static")).isSameAs(source.get("static"));
        JsonNode literal = json("{\"a\": [1, {\"b\": 2}]}");
        assertThat(PayloadTemplate.compile(literal).evaluate(TestScope.input("{}"))).isSameAs(literal);
    }

    @Test
    void missingPathFailsWithAwsText() {
        PayloadTemplate template = PayloadTemplate.compile(json("{\"value.$\": \"$.no_such_jsonpath\"}"));
        assertThatThrownBy(() -> template.evaluate(TestScope.input("{\"int-literal\": 0}")))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the field "
                            + "'value.$' could not be found in the input '{\"int-literal\":0}'");
                });
        PayloadTemplate context = PayloadTemplate.compile(
                json("{\"value.$\": \"$$.Execution.Input.no_such_jsonpath\"}"));
        assertThatThrownBy(() -> context.evaluate(TestScope.input("{\"int-literal\": 0}")
                .context("{\"Execution\": {\"Input\": {\"int-literal\": 0}}}")))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field "
                                + "'value.$' could not be found in the input '{\"int-literal\":0}'"));
    }

    @Test
    void dynamicFieldMustHoldAPathOrACall() {
        assertThatThrownBy(() -> PayloadTemplate.compile(json("{\"a.$\": 3}")))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("'a.$'");
        assertThatThrownBy(() -> PayloadTemplate.compile(json("{\"a\": {\"b.$\": \"nope\"}}")))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("'b.$'").hasMessageContaining("'nope'");
    }
}
