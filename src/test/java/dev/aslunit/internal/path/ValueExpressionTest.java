package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueExpressionTest {

    @Test
    void aPathOrACallGivesItsValue() {
        TestScope scope = TestScope.input("{\"error\": \"E\", \"cause\": \"C\"}");
        assertThat((Object) ValueExpression.compile("$.error").evaluate(scope, "ErrorPath")).isEqualTo(json("\"E\""));
        assertThat((Object) ValueExpression.compile("States.Format('cause: {}', $.cause)").evaluate(scope, "CausePath"))
                .isEqualTo(json("\"cause: C\""));
    }

    @Test
    void missingPathOfANamedFieldFailsWithAwsText() {
        // Recorded on AWS (test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]); the input is the Fail state's.
        ValueExpression errorPath = ValueExpression.compile("$.ErrorX");
        assertThatThrownBy(() -> errorPath.evaluate(TestScope.input("{\"Error\": \"error-value\"}"), "ErrorPath"))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' "
                            + "could not be found in the input '{\"Error\":\"error-value\"}'");
                });
        assertThatThrownBy(() -> errorPath.evaluate(TestScope.input("{}")))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("Invalid path '$.ErrorX' : No results for path: $['ErrorX']"));
    }

    @Test
    void neitherAPathNorACallIsASyntaxError() {
        assertThatThrownBy(() -> ValueExpression.compile("error-value")).isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining("'error-value' is neither a JSONPath");
    }
}
