package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.ChoiceRule;
import dev.aslunit.internal.definition.ComparisonOperator;
import dev.aslunit.internal.definition.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRuleEvaluatorTest {

    private static final SourceLocation AT = SourceLocation.unknown("/States/Check/Choices/0");

    private static ChoiceRule.Comparison rule(String variable, String operator, String operandJson) {
        return new ChoiceRule.Comparison(variable, ComparisonOperator.fromAsl(operator), json(operandJson), AT);
    }

    private static boolean test(ChoiceRule rule, String inputJson) {
        return ChoiceRuleEvaluator.compile(rule).test(TestScope.input(inputJson));
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvFileSource(resources = "choice-operators-recorded-on-aws.tsv", delimiter = '\t', quoteCharacter = '`')
    void everyOperatorAsRecordedOnAws(String operator, String operand, String input, boolean matched) {
        assertThat(test(rule("$.Variable", operator, operand), input)).isEqualTo(matched);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // The ASL specification's examples.
        "foo*.log      | foo23.log         | true",
        "*.log         | zebra.log         | true",
        "foo*.*        | foobar.zebra      | true",
        "foo*.log      | foo23.txt         | false",
        "*             | ``                | true",
        "a*b*c         | aXXbYYc           | true",
        "a*b*c         | acb               | false",
        "log-\\*.txt   | log-*.txt         | true",
        "log-\\*.txt   | log-1.txt         | false",
        "a\\\\b*       | a\\bcd            | true",
        "x.y           | xzy               | false",
        "(a)+          | (a)+              | true",
    })
    void stringMatchesWithWildcardsAndEscapes(String pattern, String value, boolean matched) {
        JsonNode input = Nodes.FACTORY.objectNode().put("v", value);
        ChoiceRule rule = new ChoiceRule.Comparison("$.v", ComparisonOperator.STRING_MATCHES,
                Nodes.FACTORY.textNode(pattern), AT);
        assertThat(test(rule, input.toString())).isEqualTo(matched);
    }

    @ParameterizedTest(name = "{0} is a timestamp: {1}")
    @CsvSource({
        "2016-03-14T01:59:00Z, true", "2023-12-13T07:09:46.000000Z, true", "2023-12-13T07:10:01.00Z, true",
        "2012-10-09T19:00:55+01:00, true",
        // Rejected by AWS's Wait state with "not ... a valid ISO-8601 extended offset date-time".
        "2023-12-13T07:10:17, false", "2023-12-13T07:10:32.000000, false", "05-12-2016T21:29:29Z, false",
        "2016-12-05 21:29:29Z, false", "2016-12-05T25:29:29Z, false", "2016-13-05T21:29:29Z, false",
        "2023-02-24, false",
    })
    void isTimestampAcceptsIsoOffsetDateTimes(String value, boolean expected) {
        assertThat(test(rule("$.v", "IsTimestamp", "true"), "{\"v\": \"" + value + "\"}")).isEqualTo(expected);
        assertThat(test(rule("$.v", "IsTimestamp", "false"), "{\"v\": \"" + value + "\"}")).isEqualTo(!expected);
    }

    @Test
    void timestampsCompareAsInstantsAcrossOffsets() {
        assertThat(test(rule("$.v", "TimestampEquals", "\"2016-03-14T01:59:00Z\""),
                "{\"v\": \"2016-03-14T02:59:00+01:00\"}")).isTrue();
        assertThat(test(rule("$.v", "TimestampLessThan", "\"2016-03-14T01:59:00.001Z\""),
                "{\"v\": \"2016-03-14T01:59:00Z\"}")).isTrue();
        assertThat(test(rule("$.v", "TimestampLessThanPath", "\"$.w\""),
                "{\"v\": \"2016-03-14T01:59:00Z\", \"w\": \"not a timestamp\"}")).isFalse();
    }

    @Test
    void isPresentNeedsNoValueAndOtherOperatorsFailWithAwsText() {
        assertThat(test(rule("$.missing", "IsPresent", "false"), "{}")).isTrue();
        assertThat(test(rule("$.missing", "IsPresent", "true"), "{}")).isFalse();
        assertThat(test(rule("$undefinedVariable", "IsPresent", "true"), "{}")).isFalse();
        assertThatThrownBy(() -> test(rule("$.missing", "NumericEquals", "1"), "{}"))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo(
                            "Invalid path '$.missing': The choice state's condition path references an invalid value.");
                });
        assertThatThrownBy(() -> test(rule("$.left", "NumericLessThanPath", "\"$.right\""), "{\"left\": 8}"))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> assertThat(e.cause()).isEqualTo(
                        "Invalid path '$.right': The choice state's condition path references an invalid value."));
    }

    @Test
    void variablesAndContextCanBeCompared() {
        TestScope scope = TestScope.input("{}").variable("status", "\"READY\"")
                .context("{\"Execution\": {\"Name\": \"exec-1\"}}");
        assertThat(ChoiceRuleEvaluator.compile(rule("$status", "StringEquals", "\"READY\"")).test(scope)).isTrue();
        assertThat(ChoiceRuleEvaluator.compile(rule("$$.Execution.Name", "StringMatches", "\"exec-*\"")).test(scope))
                .isTrue();
    }

    @Test
    void booleanCombinations() {
        // The map_state_break_condition case: And of IsPresent, IsNumeric and NumericEquals 3.
        ChoiceRule equals3 = new ChoiceRule.And(List.of(rule("$", "IsPresent", "true"),
                new ChoiceRule.And(List.of(rule("$", "IsNumeric", "true"), rule("$", "NumericEquals", "3")), AT)), AT);
        assertThat(test(equals3, "3")).isTrue();
        assertThat(test(equals3, "3.3")).isFalse();
        assertThat(test(equals3, "\"Hello\"")).isFalse();
        assertThat(test(equals3, "{}")).isFalse();
        ChoiceRule or = new ChoiceRule.Or(List.of(rule("$.a", "StringEquals", "\"x\""), rule("$.b", "BooleanEquals", "true")), AT);
        assertThat(test(or, "{\"a\": \"y\", \"b\": true}")).isTrue();
        assertThat(test(or, "{\"a\": \"y\", \"b\": false}")).isFalse();
        assertThat(test(new ChoiceRule.Not(or, AT), "{\"a\": \"y\", \"b\": false}")).isTrue();
        // And stops at the first false rule, so a later rule's missing path does not fail it.
        ChoiceRule guarded = new ChoiceRule.And(List.of(rule("$.a", "IsPresent", "true"), rule("$.a", "NumericEquals", "1")), AT);
        assertThat(test(guarded, "{}")).isFalse();
    }

    @Test
    void invalidRulesAreCompileErrorsNamingTheOperatorAndPlace() {
        assertThatThrownBy(() -> ChoiceRuleEvaluator.compile(rule("$.v", "NumericEquals", "\"1\"")))
                .isInstanceOf(PathSyntaxException.class)
                .hasMessage("NumericEquals takes a number, not \"1\" (at (/States/Check/Choices/0))");
        assertThatThrownBy(() -> ChoiceRuleEvaluator.compile(rule("$.v", "TimestampEquals", "\"2016-03-14\"")))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("TimestampEquals takes a timestamp");
        assertThatThrownBy(() -> ChoiceRuleEvaluator.compile(rule("$.v", "IsNull", "\"yes\"")))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("IsNull takes true or false");
        assertThatThrownBy(() -> ChoiceRuleEvaluator.compile(rule("$.v", "StringEqualsPath", "\"nope\"")))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("StringEqualsPath")
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> ChoiceRuleEvaluator.compile(rule("v", "IsNull", "true")))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("Variable");
        assertThatThrownBy(() -> ChoiceRuleEvaluator.compile(new ChoiceRule.Condition(json("true"), AT)))
                .isInstanceOf(PathSyntaxException.class).hasMessageContaining("JSONata");
    }
}
