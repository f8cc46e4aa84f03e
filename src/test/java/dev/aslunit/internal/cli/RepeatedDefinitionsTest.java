package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.JsonReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedDefinitionsTest {

    private static final String DEF = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Result\": \"}\\\"{\", \"End\": true}}}";

    @Test
    void a_repeated_definition_is_the_same_tree_object_and_every_request_reads_as_a_whole_line() throws Exception {
        RepeatedDefinitions reader = new RepeatedDefinitions();
        List<String> lines = List.of(
                "{\"id\": 1, \"definition\": " + DEF + ", \"input\": {\"definition\": {}}}",
                "{\"id\": [2, \"}\"], \"definition\": " + DEF + ", \"input\": {\"definition\": {}}}",
                " { \"definition\" :" + DEF + " , \"id\": 3 } ",
                "{\"id\": 4, \"definition\": " + DEF + ", \"definition\": {\"StartAt\": \"B\"}}",
                "{\"id\": 5, \"defin\\u0069tion\": " + DEF + "}",
                "{\"id\": 6, \"definition\": \"{\\\"StartAt\\\": 1}\"}");
        JsonNode first = null;
        for (String line : lines) {
            JsonNode request = reader.read(line);
            assertThat(request).as(line).isEqualTo(JsonReading.tree(line));
            if (first == null) {
                first = request.get("definition");
            }
        }
        assertThat(reader.read(lines.get(1)).get("definition")).isSameAs(first);
        assertThat(reader.read(lines.get(2)).get("definition")).isSameAs(first);
    }

    @Test
    void a_line_that_is_not_json_after_a_known_definition_fails_as_the_whole_line_does() throws Exception {
        RepeatedDefinitions reader = new RepeatedDefinitions();
        reader.read("{\"definition\": " + DEF + "}");
        for (String bad : List.of("{\"definition\": " + DEF + ".5}", "{\"definition\": " + DEF + "0}",
                "{\"definition\": " + DEF + ", \"id\": }", "{\"definition\": " + DEF + "} x")) {
            String expected = problem(bad);
            assertThatThrownBy(() -> reader.read(bad)).as(bad).isInstanceOf(JsonProcessingException.class)
                    .satisfies(e -> assertThat(JsonReading.problem((JsonProcessingException) e)).isEqualTo(expected));
        }
    }

    private static String problem(String line) {
        try {
            JsonReading.tree(line);
        } catch (JsonProcessingException e) {
            return JsonReading.problem(e);
        }
        throw new AssertionError("not an error: " + line);
    }
}
