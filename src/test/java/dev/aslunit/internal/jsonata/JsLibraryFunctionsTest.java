package dev.aslunit.internal.jsonata;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Standard JSONata functions where jsonata-java departs from jsonata-js, the implementation whose
 * results and error codes Step Functions gives. Expectations follow the JSONata function library
 * (docs.jsonata.org: {@code $number}, {@code $substring}, {@code $assert}, {@code $toMillis},
 * {@code $sort}, {@code $encodeUrl} and its siblings with the library's own examples, which are
 * JavaScript's {@code encodeURI} family) and, for the error texts, jsonata-js's error catalogue.
 */
class JsLibraryFunctionsTest {

    private static JsonNode eval(String expression) {
        return JsonataTemplate.compile(Json.nodes().textNode("{% " + expression + " %}"), "Output")
                .evaluate(TestScope.withInput("{\"emoji\":\"a\\ud83d\\udc4db\"}"));
    }

    private static String failure(String expression) {
        return catchThrowableOfType(QueryEvaluationException.class, () -> eval(expression)).cause();
    }

    private static String threw(String expression, String message) {
        return "The JSONata expression '" + expression + "' specified for the field 'Output' threw an error during"
                + " evaluation. " + message;
    }

    @ParameterizedTest(name = "$number({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"'12'|12",
        "'-1.5e2'|-150", "'0.25'|0.25", "'0x1A'|26", "'0X1a'|26",
        "'0o17'|15", "'0b101'|5", "true|1", "false|0", "7|7"})
    void number_reads_json_numbers_and_radix_literals(String argument, String expected) {
        assertThat(eval("$number(" + argument + ")").toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "$number(\"{0}\") fails")
    @CsvSource({"12abc", "' 12 '", "+5", "1.", ".5", "-0x1A", "1e400", "''"})
    void number_refuses_what_is_not_a_number_literal(String text) {
        String expression = "$number('" + text + "')";
        assertThat(failure(expression)).isEqualTo(threw(expression,
                "D3030: Unable to cast value to a number: \"" + text + "\""));
    }

    @Test
    void number_of_null_does_not_match_the_signature() {
        assertThat(failure("$number(null)")).endsWith(
                "T0410: Argument 1 of function \"number\" does not match function signature");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "$substring('hello', 1)|\"ello\"", "$substring('hello', -3)|\"llo\"", "$substring('hello', -3, 2)|\"ll\"",
        "$substring('hello', 1.7, 2.2)|\"el\"", "$substring('hello', -10, 2)|\"he\"", "$substring('hello', 10)|\"\"",
        "$substring('hello', 0, -1)|\"\"", "$substring($states.input.emoji, 1, 1)|\"\\ud83d\\udc4d\"",
        "$substring($states.input.emoji, 2)|\"b\"", "$length($substring($states.input.emoji, 1))|2"})
    void substring_counts_characters_not_utf16_units(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(json(expected));
    }

    @Test
    void assert_fails_with_the_message_given() {
        assertThat(failure("$assert(1 > 2, 'one is not more than two')"))
                .isEqualTo(threw("$assert(1 > 2, 'one is not more than two')", "D3141: one is not more than two"));
        assertThat(failure("$assert(false)")).endsWith("D3141: $assert() statement failed");
        assertThat(failure("$assert(false, '')")).endsWith("D3141: $assert() statement failed");
        assertThat(failure("$assert(true, 'x')")).endsWith("returned nothing (undefined).");
        assertThat(failure("$assert('yes')")).endsWith(
                "T0410: Argument 1 of function \"assert\" does not match function signature");
    }

    @Test
    void toMillis_without_a_picture_needs_an_iso_8601_timestamp() {
        assertThat(eval("$toMillis('2024-01-01T00:00:00.123Z')").longValue()).isEqualTo(1704067200123L);
        assertThat(eval("$toMillis('2024-01-01T01:00:00+01:00')").longValue()).isEqualTo(1704067200000L);
        assertThat(eval("$toMillis('01/02/2024', '[M01]/[D01]/[Y0001]')").longValue()).isEqualTo(1704153600000L);
        assertThat(eval("$toMillis('2024-06')").longValue()).isEqualTo(1717200000000L);
        assertThat(eval("$toMillis('2024')").longValue()).isEqualTo(1704067200000L);
        assertThat(failure("$toMillis('yesterday')")).isEqualTo(threw("$toMillis('yesterday')",
                "D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given"
                        + " \"yesterday\""));
    }

    @Test
    void sort_without_a_comparator_needs_only_numbers_or_only_strings() {
        assertThat(eval("$sort([3, 1, 2])").toString()).isEqualTo("[1,2,3]");
        assertThat(eval("$sort(['b', 'a'])").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(eval("$sort([{'a': 2}, {'a': 1}], function($l, $r) { $l.a > $r.a })").toString())
                .isEqualTo("[{\"a\":1},{\"a\":2}]");
        assertThat(eval("$sort([{'a': 1}])").toString()).isEqualTo("[{\"a\":1}]");
        assertThat(failure("$sort(['b', 'a', 1])")).isEqualTo(threw("$sort(['b', 'a', 1])",
                "D3070: The single argument form of the sort function can only be applied to an array of strings or"
                        + " an array of numbers.  Use the second argument to specify a comparison function"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "$join(['a', 1])|join|strings", "$sum(['a'])|sum|numbers", "$max([1, 'a'])|max|numbers",
        "$merge([{'a': 1}, 'x'])|merge|objects",
        "($f := function($x)<a<n>:n>{ 1 }; $f(['a']))|f|numbers"})
    void a_typed_array_of_another_type_names_the_function_and_the_type(String expression, String function,
            String type) {
        assertThat(failure(expression)).isEqualTo(threw(expression,
                "T0412: Argument 1 of function \"" + function + "\" must be an array of \"" + type + "\""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "$encodeUrl('https://mozilla.org/?x=шеллы')|https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B",
        "$encodeUrl('http://x.com/a b?q=1&r=[2]')|http://x.com/a%20b?q=1&r=%5B2%5D",
        "$encodeUrl(';,/?:@&=+$-_.!~*()#%')|;,/?:@&=+$-_.!~*()#%25",
        "$encodeUrlComponent('?x=test')|%3Fx%3Dtest",
        "$encodeUrlComponent('a b;/é👍')|a%20b%3B%2F%C3%A9%F0%9F%91%8D",
        "$decodeUrl('https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B')|https://mozilla.org/?x=шеллы",
        "$decodeUrl('a%20b%2Fc%3F+d')|a b%2Fc%3F+d",
        "$decodeUrlComponent('%3Fx%3Dtest')|?x=test",
        "$decodeUrlComponent('a%20b%2Fc%3F+d%F0%9F%91%8D')|a b/c?+d👍"})
    void url_functions_are_javascripts_uri_functions(String expression, String expected) {
        assertThat(eval(expression).textValue()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails")
    @CsvSource(delimiter = '|', value = {"decodeUrl|%", "decodeUrlComponent|%E0%A4%A", "decodeUrlComponent|%C0%AF",
        "decodeUrlComponent|%ZZ", "decodeUrlComponent|%80"})
    void malformed_escapes_fail_with_D3140(String function, String text) {
        String expression = "$" + function + "('" + text + "')";
        assertThat(failure(expression)).isEqualTo(threw(expression,
                "D3140: Malformed URL passed to $" + function + "(): \"" + text + "\""));
    }

    @Test
    void replace_argument_errors_carry_their_codes() {
        assertThat(failure("$replace('abc', '', 'x')"))
                .endsWith("D3010: Second argument of replace function cannot be an empty string");
        assertThat(failure("$replace('abc', 'b', 'x', -1)"))
                .endsWith("D3011: Fourth argument of replace function must evaluate to a positive number");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"$uppercase(null)|uppercase", "$substringBefore(null, 'a')|substringBefore",
        "$fromMillis(null)|fromMillis", "$round(null)|round", "$replace(null, 'a', 'b')|replace"})
    void a_json_null_where_a_string_or_number_is_taken_does_not_match_the_signature(String expression,
            String function) {
        assertThat(failure(expression)).isEqualTo(threw(expression,
                "T0410: Argument 1 of function \"" + function + "\" does not match function signature"));
    }
}
