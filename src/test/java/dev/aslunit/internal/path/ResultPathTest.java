package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResultPathTest {

    private static final JsonNode RESULT = json("{\"r\": 1}");

    @Test
    void nullDiscardsTheResult() {
        JsonNode input = json("{\"a\": 1}");
        assertThat(ResultPath.compile(null).apply(input, RESULT)).isSameAs(input);
    }

    @Test
    void rootReplacesTheInput() {
        assertThat(ResultPath.compile("$").apply(json("{\"a\": 1}"), RESULT)).isSameAs(RESULT);
    }

    @Test
    void setsCreatingMissingObjectsWithoutTouchingTheInput() {
        // AWS's documented example: ResultPath "$.taskresult" adds the result beside the input's fields.
        JsonNode input = json("{\"comment\": \"x\", \"details\": {\"keep\": [1, 2]}, \"other\": {\"o\": 1}}");
        String before = input.toString();
        JsonNode output = ResultPath.compile("$.details.deeper.taskresult").apply(input, RESULT);
        assertThat(output).isEqualTo(json("""
                {"comment": "x", "details": {"keep": [1, 2], "deeper": {"taskresult": {"r": 1}}}, "other": {"o": 1}}"""));
        assertThat(input.toString()).isEqualTo(before);
        assertThat(output.get("other")).isSameAs(input.get("other"));
        assertThat(output.get("details").get("keep")).isSameAs(input.get("details").get("keep"));
    }

    @Test
    void replacesAnExistingFieldAndArrayElement() {
        JsonNode input = json("{\"a\": [0, {\"b\": 1}]}");
        assertThat(ResultPath.compile("$.a[1].b").apply(input, RESULT)).isEqualTo(json("{\"a\": [0, {\"b\": {\"r\": 1}}]}"));
        assertThat(ResultPath.compile("$['a'][0]").apply(input, RESULT)).isEqualTo(json("{\"a\": [{\"r\": 1}, {\"b\": 1}]}"));
    }

    @Test
    void inputThatIsNotAnObjectFailsWithResultPathMatchFailure() {
        JsonNode input = json("\"{\\\"min_size\\\":10000}\"");
        assertThatThrownBy(() -> ResultPath.compile("$.partitioned").apply(input, RESULT))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure");
                    assertThat(e.cause()).isEqualTo(
                            "Unable to apply ReferencePath $.partitioned to input \"{\\\"min_size\\\":10000}\"");
                });
        assertThatThrownBy(() -> ResultPath.compile("$.a.b").apply(json("{\"a\": 5}"), RESULT))
                .isInstanceOf(PathEvaluationException.class);
        assertThatThrownBy(() -> ResultPath.compile("$.a[3]").apply(json("{\"a\": [1]}"), RESULT))
                .isInstanceOf(PathEvaluationException.class);
    }

    @Test
    void onlySimpleInputPathsAreAccepted() {
        assertThatThrownBy(() -> ResultPath.compile("$$.Execution")).isInstanceOf(PathSyntaxException.class);
        assertThatThrownBy(() -> ResultPath.compile("$.items[*]")).isInstanceOf(PathSyntaxException.class);
        assertThatThrownBy(() -> ResultPath.compile("$var.x")).isInstanceOf(PathSyntaxException.class);
    }
}
