package dev.aslunit.internal.jsonata;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The functions Step Functions adds to JSONata, and the standard ones ASLUnit answers from the
 * execution. Expected values come from executions recorded on AWS
 * ({@code intrinsic_functions/test_array_jsonata}) and from AWS's documentation.
 */
class AwsFunctionsTest {

    private static JsonNode eval(String expression, TestScope scope) {
        return JsonataTemplate.compile(Json.nodes().textNode("{% " + expression + " %}"), "Output")
                .evaluate(scope);
    }

    private static JsonNode eval(String expression) {
        return eval(expression, TestScope.withInput("{}"));
    }

    private static String failure(String expression) {
        return catchThrowableOfType(QueryEvaluationException.class, () -> eval(expression)).cause();
    }

    @ParameterizedTest(name = "$partition({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
        "[0]|1|[[0]]", "[0]|2|[[0]]", "[0]|5|[[0]]",
        "[0,1]|1|[[0],[1]]", "[0,1]|2|[[0,1]]", "[0,1]|3|[[0,1]]",
        "[0,1,2]|1|[[0],[1],[2]]", "[0,1,2]|2|[[0,1],[2]]", "[0,1,2]|3|[[0,1,2]]", "[0,1,2]|4|[[0,1,2]]",
        "[0,1,2,3]|1|[[0],[1],[2],[3]]", "[0,1,2,3]|2|[[0,1],[2,3]]", "[0,1,2,3]|3|[[0,1,2],[3]]",
        "[0,1,2,3]|4|[[0,1,2,3]]", "[0,1,2,3]|5|[[0,1,2,3]]"})
    void partition_as_recorded_on_aws(String array, int size, String expected) {
        TestScope scope = TestScope.withInput("{\"FunctionInput\":{\"fst\":" + array + ",\"snd\":" + size + "}}");
        assertThat(eval("$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)", scope).toString())
                .isEqualTo(expected);
    }

    @Test
    void partition_edges() {
        assertThat(eval("$partition([1,2,3,4,5,6,7,8,9], 3)").toString()).isEqualTo("[[1,2,3],[4,5,6],[7,8,9]]");
        assertThat(eval("$partition([1,2,3,4,5], 2.9)").toString()).isEqualTo("[[1,2],[3,4],[5]]");
        assertThat(eval("$partition([1,2,3])").toString()).isEqualTo("[[1,2,3]]");
        assertThat(failure("$partition([], 2)")).endsWith("returned nothing (undefined).");
        assertThat(failure("$partition([1,2], 0)")).endsWith("returned nothing (undefined).");
        assertThat(failure("$partition([1,2], -1)")).endsWith("D3137: Second argument must be zero or greater");
    }

    @ParameterizedTest(name = "$range({0}, {1}, {2}) = {3}")
    @CsvSource(delimiter = '|', value = {"0|9|3|[0,3,6,9]", "0|10|3|[0,3,6,9]", "1|9|9|1", "1|9|2|[1,3,5,7,9]",
        "0|10|2|[0,2,4,6,8,10]", "10|0|-2|[10,8,6,4,2,0]", "-1.7|2|1|[-1,0,1,2]", "5|1|-1.5|[5,4,3,2,1]"})
    void range_as_recorded_on_aws(String start, String end, String step, String expected) {
        TestScope scope = TestScope.withInput("{\"FunctionInput\":{\"fst\":" + start + ",\"snd\":" + end + ",\"trd\":"
                + step + "}}");
        assertThat(eval("$range($states.input.FunctionInput.fst, $states.input.FunctionInput.snd,"
                + " $states.input.FunctionInput.trd)", scope).toString()).isEqualTo(expected);
    }

    @Test
    void range_edges() {
        assertThat(failure("$range(1, 5)")).endsWith("returned nothing (undefined).");
        assertThat(failure("$range(1, 5, 0)")).endsWith("returned nothing (undefined).");
        assertThat(failure("$range(5, 1, 1)")).endsWith("returned nothing (undefined).");
        assertThat(failure("$range(1)")).contains("T0410");
        assertThat(eval("$count($range(-9223372036854775808, 9223372036854775807, 9223372036854775807))").intValue())
                .isEqualTo(3);
        assertThat(eval("$count($range(1, 360145, 1))").intValue()).isEqualTo(360145);
        assertThat(failure("$range(1, 360146, 1)")).endsWith("threw an error during evaluation: Expression evaluation"
                + " memory limit exceeded");
    }

    @Test
    void hash_hex_digests() {
        assertThat(eval("$hash('Hash this string', 'SHA-256')").textValue())
                .isEqualTo("1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e");
        assertThat(eval("$hash('Hello', 'MD5')").textValue()).isEqualTo("8b1a9953c4611296a827abf8c47804d7");
        assertThat(eval("$hash('Hello', 'SHA-1')").textValue()).isEqualTo("f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0");
        assertThat(eval("$hash('Hello', 'SHA-384')").textValue()).isEqualTo(
                "3519fe5ad2c596efe3e276a6f351b8fc0b03db861782490d45f7598ebd0ab5fd5520ed102f38c4a5ec834e98668035fc");
        assertThat(eval("$hash('Hello', 'SHA-512')").textValue()).isEqualTo("3615f80c9d293ed7402687f94b22d58e529b8cc"
                + "7916f8fac7fddf7fbd5af4cf777d3d795a7a00a16bf7e7f3fb9561ee9baae480da9fe7a18769e71886b03f315");
        assertThat(eval("$hash('ñ', 'MD5')").textValue()).isEqualTo("94e9342ecbb1458b6043ecd3bfcbc192");
        assertThat(failure("$hash('Hello', 'md5')")).contains("D3137: Unsupported hashing algorithm: md5");
        assertThat(failure("$hash('Hello')")).endsWith("returned nothing (undefined).");
        assertThat(failure("$hash(42, 'MD5')")).contains("T0410");
        assertThat(failure("$hash(null, 'MD5')")).contains("T0410");
        assertThat(failure("$range(null, 2, 1)")).contains("T0410");
    }

    @Test
    void random_with_a_seed_is_java_util_random_as_on_aws() {
        assertThat(eval("$random(42)").doubleValue()).isEqualTo(0.7275636800328681);
        assertThat(eval("$random(0)").doubleValue()).isEqualTo(0.730967787376657);
        assertThat(eval("$random(0.9)").doubleValue()).isEqualTo(0.730967787376657);
        assertThat(failure("$random(1, 2)")).contains("T0410");
    }

    @Test
    void random_uuid_and_shuffle_without_a_seed_come_from_the_execution_random_source() {
        TestScope a = TestScope.withInput("[1,2,3,4,5,6,7,8]").random(new SplittableRandom(3));
        TestScope b = TestScope.withInput("[1,2,3,4,5,6,7,8]").random(new SplittableRandom(3));
        String expr = "{'r': $random(), 'u': $uuid(), 's': $shuffle($states.input)}";
        JsonNode first = eval(expr, a);
        assertThat(eval(expr, b)).isEqualTo(first);
        assertThat(first.get("r").doubleValue()).isBetween(0.0, 1.0);
        assertThat(first.get("u").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(first.get("s")).containsExactlyInAnyOrderElementsOf(json("[1,2,3,4,5,6,7,8]"));
        assertThat(eval("$uuid() = $uuid()").booleanValue()).isFalse();
        assertThat(failure("$uuid('seed')")).contains("T0410");
    }

    @Test
    void parse_deserializes_with_aws_number_model() {
        assertThat(eval("$parse('{\"a\":1,\"b\":[1,2,3]}')").toString()).isEqualTo("{\"a\":1,\"b\":[1,2,3]}");
        assertThat(eval("$parse('{\"b\":1,\"a\":2}')").toString()).isEqualTo("{\"b\":1,\"a\":2}");
        assertThat(eval("$parse('1.0')").toString()).isEqualTo("1");
        assertThat(eval("$parse('1e2')").toString()).isEqualTo("100");
        assertThat(eval("$parse('1.5')").toString()).isEqualTo("1.5");
        assertThat(eval("$parse('{\"n\":9223372036854775807}').n").toString()).isEqualTo("9223372036854775807");
        assertThat(eval("$exists($parse('null'))").booleanValue()).isTrue();
        assertThat(eval("$parse($states.input.body).x", TestScope.withInput("{\"body\":\"{\\\"x\\\":true}\"}"))
                .booleanValue()).isTrue();
        for (String bad : new String[]{"''", "'{\"a\":1}{\"b\":2}'", "'{\"a\":1,\"a\":2}'", "'not json'"}) {
            assertThat(failure("$parse(" + bad + ")")).contains("D3137: Invalid JSON");
        }
        assertThat(failure("$parse(null)")).contains("T0410");
    }

    @Test
    void now_and_millis_answer_from_the_virtual_clock() {
        TestScope scope = TestScope.withInput("{}").now(Instant.parse("2016-03-14T01:59:00.250Z"));
        assertThat(eval("$now()", scope).textValue()).isEqualTo("2016-03-14T01:59:00.250Z");
        assertThat(eval("$millis()", scope).longValue()).isEqualTo(1457920740250L);
        assertThat(eval("$now('[Y0001]-[M01]-[D01]')", scope).textValue()).isEqualTo("2016-03-14");
    }

    @Test
    void the_standard_library_is_there() {
        TestScope scope = TestScope.withInput("{\"items\":[{\"p\":2,\"q\":3},{\"p\":5,\"q\":1}],\"s\":\"abc\"}");
        assertThat(eval("$sum($states.input.items.(p * q))", scope).intValue()).isEqualTo(11);
        assertThat(eval("$uppercase($states.input.s)", scope).textValue()).isEqualTo("ABC");
        assertThat(eval("$states.input.items^(q).p", scope).toString()).isEqualTo("[5,2]");
        assertThat(eval("$map($states.input.items, function($v){ $v.p })", scope).toString()).isEqualTo("[2,5]");
        assertThat(eval("$merge([{'a':1},{'b':2}])").toString()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(eval("$states.input ~> |items|{'r': true}|", scope).get("items").get(0).get("r").booleanValue())
                .isTrue();
        assertThat(scope.states().get("input").get("items").get(0).has("r")).isFalse();
        assertThat(eval("$string($states.input.items[0])", scope).textValue()).isEqualTo("{\"p\":2,\"q\":3}");
        assertThat(eval("$keys($states.input)", scope).toString()).isEqualTo("[\"items\",\"s\"]");
    }
}
