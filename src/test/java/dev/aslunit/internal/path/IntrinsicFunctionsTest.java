package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values are those AWS returned in recorded executions, unless a comment says otherwise. */
class IntrinsicFunctionsTest {

    private static JsonNode eval(String call, String inputJson) {
        return ValueExpression.compile(call).evaluate(TestScope.input(inputJson));
    }

    private static ObjectAssert<Object> assertCall(String call, String inputJson) {
        return assertThat((Object) eval(call, inputJson));
    }

    private static void assertFailure(String call, String inputJson, String cause) {
        assertThatThrownBy(() -> eval(call, inputJson))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
                    assertThat(e.cause()).isEqualTo(cause);
                });
    }

    private static void assertCompileError(String call, String messagePart) {
        assertThatThrownBy(() -> ValueExpression.compile(call)).isInstanceOf(PathSyntaxException.class)
                .hasMessageContaining(call).hasMessageContaining(messagePart);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "\"\"                                | Formatting argument .",
        "\" \"                               | Formatting argument  .",
        "\"HelloWorld\"                      | Formatting argument HelloWorld.",
        "null                                | Formatting argument null.",
        "1                                   | Formatting argument 1.",
        "1.1                                 | Formatting argument 1.1.",
        "{\"Arg1\": 1, \"Arg2\": []}         | Formatting argument {Arg1=1, Arg2=[]}.",
    })
    void formatRendersEachValueAsAwsDoes(String value, String expected) {
        assertCall("States.Format('Formatting argument {}.', $.v)", "{\"v\": " + value + "}")
                .isEqualTo(json("\"" + expected + "\""));
    }

    @Test
    void formatEscapesAndTemplatesFromPaths() {
        assertCall("States.Format('\\{}, it\\'s {} \\\\ {}', $.a, States.Array(1, 'x'))", "{\"a\": true}")
                .isEqualTo(Nodes.FACTORY.textNode("{}, it's true \\ [1, x]"));
        // The AWS documentation's example with the template read from the input.
        assertCall("States.Format($.template, $.name)", "{\"name\": \"Arnav\", \"template\": \"Hello, my name is {}.\"}")
                .isEqualTo(json("\"Hello, my name is Arnav.\""));
        assertFailure("States.Format($.template)", "{\"template\": \"{} and {}\"}",
                "States.Format: the format string has 2 {} placeholders but 0 arguments follow it");
        assertCompileError("States.Format('{} and {}', 1)", "has 2 {} placeholders but 1 argument follows it");
    }

    @Test
    void stringToJsonAndBack() {
        assertCall("States.StringToJson($.s)", "{\"s\": \"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}")
                .isEqualTo(json("{\"Arg1\": 1, \"Arg2\": []}"));
        assertCall("States.StringToJson($.s)", "{\"s\": \"\"}").isEqualTo(json("null"));
        assertCall("States.StringToJson($.s)", "{\"s\": \" \"}").isEqualTo(json("null"));
        assertCall("States.StringToJson($.s)", "{\"s\": \"-0\"}").isEqualTo(json("0"));
        assertCall("States.StringToJson($.s)", "{\"s\": \"1.1\"}").isEqualTo(json("1.1"));
        assertCall("States.StringToJson($.s)", "{\"s\": \"\\\"HelloWorld\\\"\"}").isEqualTo(json("\"HelloWorld\""));
        assertFailure("States.StringToJson($.s)", "{\"s\": \"{nope\"}",
                "States.StringToJson: argument 1 is not a JSON text: {nope");
        assertCall("States.JsonToString($.v)", "{\"v\": {\"Arg1\": 1, \"Arg2\": []}}")
                .isEqualTo(json("\"{\\\"Arg1\\\":1,\\\"Arg2\\\":[]}\""));
        assertCall("States.JsonToString($.v)", "{\"v\": \"HelloWorld\"}").isEqualTo(json("\"\\\"HelloWorld\\\"\""));
        assertCall("States.JsonToString($.v)", "{\"v\": null}").isEqualTo(json("\"null\""));
    }

    @Test
    void arrays() {
        assertCall("States.Array($.Id)", "{\"Id\": 123456}").isEqualTo(json("[123456]"));
        assertCall("States.Array()", "{}").isEqualTo(json("[]"));
        // AWS documentation examples.
        assertCall("States.ArrayPartition($.inputArray, 4)", "{\"inputArray\": [1,2,3,4,5,6,7,8,9]}")
                .isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
        assertCall("States.ArrayRange(1, 9, 2)", "{}").isEqualTo(json("[1,3,5,7,9]"));
        assertCall("States.ArrayRange(10, 0, -5)", "{}").isEqualTo(json("[10,5,0]"));
        assertCall("States.ArrayRange(1, 0, 1)", "{}").isEqualTo(json("[]"));
        assertCall("States.ArrayGetItem($.a, $.i)", "{\"a\": [1,2,3,4,5,6,7,8,9], \"i\": 5}").isEqualTo(json("6"));
        assertCall("States.ArrayLength($.a)", """
                {"a": [null, null, true, true, false, false, 1, 1, 1.1, 0, 0, "HelloWorld", "HelloWorld", [], [],
                [null], [null], {"a": 1, "b": 2}, {"a": 1, "b": 2}, {"a": 1, "b": 1}]}""").isEqualTo(json("20"));
        assertCall("States.ArrayUnique($.a)", "{\"a\": [1, 2, 3, 3, 3, 3, 3, 3, 4]}").isEqualTo(json("[1,2,3,4]"));
        assertCall("States.ArrayUnique($.a)", "{\"a\": [{\"x\": 1}, [1], {\"x\": 1}, [1], null, null]}")
                .isEqualTo(json("[{\"x\": 1}, [1], null]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]                        | null                 | false",
        "[]                        | []                   | false",
        "[]                        | 1                    | false",
        "[[1, 2, 3], 2]            | null                 | false",
        "[[1, 2, 3], 2]            | [1, 2, 3]            | true",
        "[{\"1\": 2, \"2\": []}]   | []                   | false",
        "[{\"1\": 2, \"2\": []}]   | {\"1\": 2, \"2\": []} | true",
        "[true, false]             | true                 | true",
        "[true, false]             | false                | true",
    })
    void arrayContainsComparesWholeValues(String array, String value, boolean expected) {
        assertCall("States.ArrayContains($.fst, $.snd)", "{\"fst\": " + array + ", \"snd\": " + value + "}")
                .isEqualTo(Nodes.FACTORY.booleanNode(expected));
    }

    @Test
    void arrayArgumentRules() {
        assertFailure("States.ArrayGetItem($.a, 3)", "{\"a\": [1, 2, 3]}",
                "States.ArrayGetItem: index 3 is out of bounds for an array of 3 items");
        assertFailure("States.ArrayLength($.a)", "{\"a\": \"abc\"}",
                "States.ArrayLength: argument 1 must be an array, but was \"abc\"");
        assertFailure("States.ArrayPartition($.a, $.n)", "{\"a\": [1], \"n\": 0}",
                "States.ArrayPartition: argument 2 must be a positive integer, but was 0");
        assertFailure("States.ArrayRange(0, $.n, 1)", "{\"n\": 1000}",
                "States.ArrayRange: the range would hold 1001 items; at most 1000 are allowed");
        assertCompileError("States.ArrayRange(1, 9, 0)", "argument 3 must be a non-zero integer, but was 0");
        assertCompileError("States.ArrayRange(1, 9.5, 1)", "argument 2 must be an integer, but was 9.5");
        assertCompileError("States.ArrayGetItem($.a, -1)", "argument 2 must be a non-negative integer");
        assertCompileError("States.ArrayLength('abc')", "argument 1 must be an array");
        assertCompileError("States.ArrayLength($.a, $.b)", "States.ArrayLength: takes 1 argument, not 2");
        assertCompileError("States.ArrayRange(1, 2)", "takes 3 arguments, not 2");
    }

    @Test
    void base64() {
        assertCall("States.Base64Encode($.s)", "{\"s\": \"Data to encode\"}").isEqualTo(json("\"RGF0YSB0byBlbmNvZGU=\""));
        assertCall("States.Base64Encode($.s)", "{\"s\": \"\"}").isEqualTo(json("\"\""));
        assertCall("States.Base64Decode($.s)", "{\"s\": \"RGF0YSB0byBlbmNvZGU=\"}").isEqualTo(json("\"Data to encode\""));
        assertCall("States.Base64Decode($.s)", "{\"s\": \"RGF0YSB0byBlbmNvZGU\"}").isEqualTo(json("\"Data to encode\""));
        assertFailure("States.Base64Decode($.s)", "{\"s\": \"*not base64*\"}",
                "States.Base64Decode: argument 1 is not Base64: *not base64*");
        String tooLong = "x".repeat(10_001);
        assertThatThrownBy(() -> eval("States.Base64Encode($.s)", "{\"s\": \"" + tooLong + "\"}"))
                .isInstanceOf(PathEvaluationException.class)
                .hasMessageContaining("argument 1 must be a string of at most 10000 characters");
        assertThat(eval("States.Base64Encode($.s)", "{\"s\": \"" + "x".repeat(10_000) + "\"}").isTextual()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MD5     | 812f45842bc6d66ee14572ce20db8e86",
        "SHA-1   | aaff4a450a104cd177d28d18d74485e8cae074b7",
        "SHA-256 | b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3",
        "SHA-384 | d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562",
        "SHA-512 | 6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4",
    })
    void hash(String algorithm, String expected) {
        assertCall("States.Hash($.fst, $.snd)", "{\"fst\": \"input data\", \"snd\": \"" + algorithm + "\"}")
                .isEqualTo(Nodes.FACTORY.textNode(expected));
    }

    @Test
    void hashAlgorithmMustBeOneOfAws() {
        assertCompileError("States.Hash($.d, 'SHA-999')", "argument 2 must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        assertFailure("States.Hash($.d, $.a)", "{\"d\": \"x\", \"a\": \"sha256\"}",
                "States.Hash: argument 2 must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, but was \"sha256\"");
    }

    @Test
    void jsonMergeIsShallowWithTheSecondWinning() {
        assertCall("States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $.f, false)",
                "{\"f\": {\"constant_input_field\": \"constant_value\"}}")
                .isEqualTo(json("{\"constant_input_field\": \"constant_value\", \"constant_in_literal\": \"false\"}"));
        // AWS documentation example: the nested "a" of the second object replaces the first's.
        assertCall("States.JsonMerge($.json1, $.json2, false)", """
                {"json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3}}""")
                .isEqualTo(json("{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}"));
        assertCompileError("States.JsonMerge($.a, $.b, true)", "argument 3 must be false");
    }

    @ParameterizedTest
    @CsvSource({
        "-9, 3, -6", "1.49, 1.5, 3", "-1.5, 0, -1", "-1.51, 0, -2", "0.5, 0, 1", "1.5, 0, 2", "2.5, 0, 3",
        "3.5, 0, 4", "-0.5, 0.5, 1", "-0.5, 0, 0", "-2.5, 0, -2", "1.5, 1.51, 4", "-3.5, 0, -3", "-1.49, -1.5, -2",
        "-1.5, -1.51, -3", "1.49, 0, 1", "1.49, -1.49, 0", "1.51, 0, 2", "-1.49, 0, -1",
    })
    void mathAddRoundsEachArgument(String first, String second, int expected) {
        assertCall("States.MathAdd($.fst, $.snd)", "{\"fst\": " + first + ", \"snd\": " + second + "}")
                .isEqualTo(Nodes.FACTORY.numberNode(expected));
    }

    @Test
    void mathAddRejectsValuesOutsideInt() {
        assertFailure("States.MathAdd($.a, 1)", "{\"a\": 2147483648}",
                "States.MathAdd: argument 1 must be between -2147483648 and 2147483647, but was 2147483648");
        assertCompileError("States.MathAdd('1', 2)", "argument 1 must be a number");
    }

    @Test
    void mathRandomStaysInRangeAndIsReproducibleWithASeed() {
        for (String range : new String[] {"12.5, 44.51", "9999, 99999", "-99999, -9999"}) {
            JsonNode value = eval("States.MathRandom(" + range + ")", "{}");
            String[] bounds = range.split(", ");
            assertThat(value.isInt()).isTrue();
            assertThat(value.intValue()).isBetween((int) Math.round(Double.parseDouble(bounds[0])),
                    (int) Math.round(Double.parseDouble(bounds[1])) - 1);
        }
        JsonNode seeded = eval("States.MathRandom(0, 999, 3)", "{}");
        assertThat(eval("States.MathRandom(0, 999, 3)", "{}")).isEqualTo(seeded);
    }

    @Test
    void stringSplitSplitsOnEachDelimiterCharacterAndDropsEmptyParts() {
        assertCall("States.StringSplit($.s, $.d)", "{\"s\": \"1,2,3,4,5\", \"d\": \",\"}")
                .isEqualTo(json("[\"1\",\"2\",\"3\",\"4\",\"5\"]"));
        assertCall("States.StringSplit($.s, $.d)", "{\"s\": \", , ,\", \"d\": \",\"}").isEqualTo(json("[\" \", \" \"]"));
        assertCall("States.StringSplit($.s, $.d)", "{\"s\": \",,,,\", \"d\": \",\"}").isEqualTo(json("[]"));
        assertCall("States.StringSplit($.s, $.d)", "{\"s\": \"This.is+a,test=string\", \"d\": \".+,=\"}")
                .isEqualTo(json("[\"This\",\"is\",\"a\",\"test\",\"string\"]"));
        assertCall("States.StringSplit($.s, $.d)", "{\"s\": \"split on T and \\nnew line\", \"d\": \"T\\n\"}")
                .isEqualTo(json("[\"split on \", \" and \", \"new line\"]"));
        assertCall("States.StringSplit('Hello\nWorld', '\n')", "{}").isEqualTo(json("[\"Hello\", \"World\"]"));
    }

    @Test
    void uuidIsAVersion4UuidFromTheScopesRandom() {
        String uuid = eval("States.UUID()", "{}").textValue();
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(eval("States.UUID()", "{}").textValue()).isEqualTo(uuid);
    }

    @Test
    void nestedCallsAndContextPaths() {
        TestScope scope = TestScope.input("{}").context("{\"StateMachine\": {\"Name\": \"first-second-last\"}}");
        assertThat((Object) ValueExpression.compile("States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
                + "States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))")
                .evaluate(scope)).isEqualTo(json("\"last\""));
    }

    @Test
    void syntaxErrorsNameTheCallAndThePosition() {
        assertCompileError("States.Nope(1)", "'States.Nope' is not an intrinsic function");
        assertCompileError("States.Format('abc", "the string literal is not closed");
        assertCompileError("States.Format('a\\n')", "a backslash must escape");
        assertCompileError("States.Array(1 2)", "expected ',' or ')'");
        assertCompileError("States.Array(nope)", "expected an argument");
        assertCompileError("States.Array(1) x", "unexpected 'x' after the call");
    }

    @Test
    void pathArgumentThatSelectsNothingFailsLikeAPayloadPath() {
        PayloadTemplate template = PayloadTemplate.compile(json("{\"v.$\": \"States.Array($.missing)\"}"));
        assertThatThrownBy(() -> template.evaluate(TestScope.input("{\"a\":1}")))
                .isInstanceOfSatisfying(PathEvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.missing' specified for the field 'v.$' "
                            + "could not be found in the input '{\"a\":1}'");
                });
    }

    @Test
    void pathsInsideCallsMayHoldFiltersAndCommas() {
        assertCall("States.ArrayLength($.items[?(@.tag == 'a,b')])", "{\"items\": [{\"tag\": \"a,b\"}, {\"tag\": \"c\"}]}")
                .isEqualTo(json("1"));
    }
}
