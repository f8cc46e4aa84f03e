package dev.aslunit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReadingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "null", "true", "false", "\"text\"", "0", "-0", "-0.0", "1.0", "1.50", "1e2", "1E-7",
        "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "123456789012345678901234567890", "1e400", "-1e400", "4.9e-325", "0.1", "3.141592653589793238462643",
        "{\"a\": 1, \"a\": 2}", "{\"s\": \"\\u00e9 \\ud83d\\ude00 \\n\"}", "  [1, [2, {\"k\": []}], {}]  ",
        "{\"o\": {\"nested\": {\"deep\": [null, true, 1.25, \"x\"]}}, \"n\": null}"})
    void reads_the_same_tree_as_the_object_mapper(String text) throws Exception {
        JsonNode expected = MAPPER.readTree(text);
        JsonNode actual = JsonReading.tree(text);

        assertThat(actual).isEqualTo(expected);
        // equal trees can still differ in node classes (IntNode vs LongNode); the text shows both
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(JsonWriting.text(actual)).isEqualTo(MAPPER.writeValueAsString(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[1,]", "{\"a\" 1}", "1 2", "{} x", "nul", "'single'"})
    void refuses_what_is_not_exactly_one_json_value_with_a_location(String text) {
        assertThatThrownBy(() -> JsonReading.tree(text))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation()).isNotNull());
    }
}
