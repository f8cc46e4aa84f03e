package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;

class ReferencePathTest {

    private static final TestScope SCOPE = TestScope.input("""
            {"a": {"b": [10, 20, {"c": "x"}]}, "int-literal": 0, "with space": true, "n": null,
             "items": [{"id": 1, "ok": true}, {"id": 2}, {"id": 3, "ok": false}]}""")
            .context("""
            {"Execution": {"Id": "arn:exec", "Input": {"k": 1}}}""")
            .variable("theAnswer", "42")
            .variable("obj", """
            {"list": ["p", "q"]}""");

    private static ObjectAssert<Object> read(String path) {
        return assertThat((Object) ReferencePath.compile(path).read(SCOPE));
    }

    @Test
    void rootSelectsTheWholeInput() {
        read("$").isSameAs(SCOPE.input());
    }

    @Test
    void simpleFormsWalkNamesAndIndexes() {
        read("$.a.b[0]").isEqualTo(json("10"));
        read("$.a.b[-1].c").isEqualTo(json("\"x\""));
        read("$['a']['b'][1]").isEqualTo(json("20"));
        read("$.int-literal").isEqualTo(json("0"));
        read("$['with space']").isEqualTo(json("true"));
        read("$.n").isEqualTo(json("null"));
    }

    @Test
    void contextAndVariableRoots() {
        read("$$.Execution.Id").isEqualTo(json("\"arn:exec\""));
        read("$$.Execution.Input").isEqualTo(json("{\"k\": 1}"));
        read("$theAnswer").isEqualTo(json("42"));
        read("$obj.list[1]").isEqualTo(json("\"q\""));
    }

    @Test
    void indefinitePathsYieldTheArrayOfTheirMatches() {
        read("$.items[*].id").isEqualTo(json("[1, 2, 3]"));
        read("$.items[?(@.ok)].id").isEqualTo(json("[1, 3]"));
        read("$.items[?(@.ok == true)]").isEqualTo(json("[{\"id\": 1, \"ok\": true}]"));
        read("$.items[1:]").isEqualTo(json("[{\"id\": 2}, {\"id\": 3, \"ok\": false}]"));
        read("$..c").isEqualTo(json("[\"x\"]"));
        read("$.items[?(@.id > 5)]").isEqualTo(json("[]"));
    }

    @Test
    void missingLeafFailsWithJaywaysNoResultsText() {
        assertThatThrownBy(() -> ReferencePath.compile("$.NoSuchInputPath").read(SCOPE))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause())
                            .isEqualTo("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
                });
    }

    @Test
    void missingIntermediateFailsWithJaywaysMissingPropertyText() {
        assertThatThrownBy(() -> ReferencePath.compile("$.no.such.result.path").read(TestScope.input("{}")))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']"));
    }

    @Test
    void indexPastTheEndSelectsNothing() {
        assertThatThrownBy(() -> ReferencePath.compile("$.a.b[7]").read(SCOPE))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("Invalid path '$.a.b[7]' : No results for path: $['a']['b'][7]"));
        assertThat(ReferencePath.compile("$.a.b[7].c").find(SCOPE)).isNull();
    }

    @Test
    void indefinitePathsOverMissingDataYieldAnEmptyArray() {
        // Recorded on AWS: with input {} each of these gives [] (test_json_path_array_wildcard_or_slice_with_no_input).
        for (String path : new String[] {"$.item.items[*]", "$.item.items[1:5].itemValue", "$.items[:1]",
                "$.items[1:].itemValue", "$.items[*].itemValue", "$[*]"}) {
            assertThat((Object) ReferencePath.compile(path).read(TestScope.input("{}"))).as(path).isEqualTo(json("[]"));
        }
    }

    @Test
    void bracketNamesKeepBackslashesThatEscapeNothing() {
        // Recorded on AWS (test_escape_sequence_parsing[ESCAPE_SEQUENCES_JSONPATH]).
        TestScope scope = TestScope.input("{\"Test\\\\\\\"\\\"Name\\\"\": \"Value\\\"\\\\\"}");
        assertThat((Object) ReferencePath.compile("$['Test\\\"\"Name\"']").read(scope))
                .isEqualTo(Nodes.FACTORY.textNode("Value\"\\"));
        TestScope quoted = TestScope.input("{\"it's\": 1, \"a]b\": 2}");
        assertThat((Object) ReferencePath.compile("$['it\\'s']").read(quoted)).isEqualTo(json("1"));
        assertThat((Object) ReferencePath.compile("$[\"a]b\"]").read(quoted)).isEqualTo(json("2"));
    }

    @Test
    void wrongTypeOnTheWayFailsWithJaywaysText() {
        assertThatThrownBy(() -> ReferencePath.compile("$.int-literal.x").read(SCOPE))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> assertThat(e.cause())
                        .startsWith("Invalid path '$.int-literal.x' : Expected to find an object with property ['x'] "
                                + "in path $['int-literal'] but found"));
    }

    @Test
    void findAnswersNullWhenNothingIsSelected() {
        assertThat(ReferencePath.compile("$.a.b.c").find(SCOPE)).isNull();
        assertThat(ReferencePath.compile("$unassigned").find(SCOPE)).isNull();
    }

    @Test
    void invalidPathIsASyntaxErrorNamingTheText() {
        assertThatThrownBy(() -> ReferencePath.compile("$.a[")).isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining("'$.a['");
        assertThatThrownBy(() -> ReferencePath.compile("a.b")).isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining("'a.b'");
    }
}
