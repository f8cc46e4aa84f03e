package dev.aslunit.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.SourceLocator;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input never escapes as an exception: mutated text and mutated trees of a real definition all
 * end as diagnostics. Seeded, so a failure is reproducible; raise the count with
 * {@code -Daslunit.fuzz.tries=100000}.
 */
class RobustnessTest {

    private static final int TRIES = Integer.getInteger("aslunit.fuzz.tries", 300);
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", "\"", ":", ",", "null", "-1", "1e999", "\"$.\"",
        "\"${X}\"", "\"{% $x %}\"", "\\u0000", "\n", "true", "\"States.ALL\"", "0.5"};

    private static String original() throws IOException {
        return resource("/validation/order-processing.asl.json");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RobustnessTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void mutated_text_becomes_diagnostics() throws IOException {
        String text = original();
        SplittableRandom random = new SplittableRandom(20261124L);
        for (int i = 0; i < TRIES; i++) {
            int at = random.nextInt(text.length());
            String mutated;
            switch (random.nextInt(3)) {
                case 0:
                    mutated = text.substring(0, at);
                    break;
                case 1:
                    mutated = text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
                    break;
                default:
                    mutated = text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
                    break;
            }
            assertLoadsWithoutException(mutated, "text mutation " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/validation/order-processing.asl.json", "/corpus/bedrock-evaluations-jsonata.asl.json"})
    void mutated_trees_become_diagnostics(String definition) throws IOException {
        JsonNode tree = Json.parse(resource(definition));
        SplittableRandom random = new SplittableRandom(42L);
        JsonNode[] replacements = {Json.nodes().nullNode(), Json.nodes().numberNode(-1), Json.nodes().numberNode(1.5),
            Json.nodes().textNode("x"), Json.nodes().textNode("$.a"), Json.nodes().textNode("${Placeholder}"),
            Json.nodes().textNode("{% %}"), Json.nodes().arrayNode(), Json.nodes().objectNode(),
            Json.nodes().booleanNode(true), Json.nodes().textNode("States.ALL"), Json.nodes().textNode("Map"),
            Json.nodes().textNode("{% $states.result.x + %}"), Json.nodes().textNode("{% $undefinedVariable %}"),
            Json.nodes().textNode("JSONPath")};
        for (int i = 0; i < TRIES; i++) {
            JsonNode mutated = tree.deepCopy();
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                replaceRandomNode(mutated, replacements[random.nextInt(replacements.length)], random);
            }
            assertLoadsWithoutException(Json.write(mutated), "tree mutation " + i);
            // The model reader trusts what the validator passed: it must never meet a shape it cannot read.
            if (DefinitionValidator.isValid(DefinitionValidator.validate(mutated, SourceLocator.none(),
                    StateMachineType.STANDARD))) {
                assertThatCode(() -> DefinitionReader.read(mutated)).as("tree mutation " + i + ":\n" + mutated)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void degenerate_documents_become_diagnostics() {
        for (String text : List.of("", " ", "null", "[]", "42", "\"text\"", "{}", "{\"States\": null}",
                "{\"StartAt\": \"A\", \"States\": {\"A\": null}}", "---\n- a\n", "{\"States\": {\"A\": {\"Type\": "
                        + "\"Parallel\", \"Branches\": [null, 1, {}], \"End\": true}}, \"StartAt\": \"A\"}",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Map\", \"ItemProcessor\": 7, \"End\": true}}}",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Choice\", \"Choices\": [{\"Not\": 1, "
                        + "\"Next\": \"A\"}]}}}", "\uFEFF{}", "{" + "\"a\":{".repeat(5000))) {
            LoadedDefinition loaded = assertLoadsWithoutException(text, text);
            assertThat(loaded.isValid()).as(text).isFalse();
            assertThat(loaded.errors()).as(text).isNotEmpty();
        }
    }

    private static LoadedDefinition assertLoadsWithoutException(String text, String description) {
        LoadedDefinition[] loaded = new LoadedDefinition[1];
        assertThatCode(() -> loaded[0] = DefinitionLoader.fromString(text).named("fuzz.asl.json").load())
                .as(description + ":\n" + text).doesNotThrowAnyException();
        assertThat(loaded[0].isValid()).as(description).isEqualTo(loaded[0].errors().isEmpty());
        return loaded[0];
    }

    private static void replaceRandomNode(JsonNode root, JsonNode replacement, SplittableRandom random) {
        List<ContainerNode<?>> parents = new ArrayList<>();
        collect(root, parents);
        ContainerNode<?> parent = parents.get(random.nextInt(parents.size()));
        if (parent.isEmpty()) {
            return;
        }
        int index = random.nextInt(parent.size());
        if (parent.isObject()) {
            String field = new ArrayList<String>() {
                {
                    parent.fieldNames().forEachRemaining(this::add);
                }
            }.get(index);
            ((ObjectNode) parent).set(field, replacement.deepCopy());
        } else {
            ((ArrayNode) parent).set(index, replacement.deepCopy());
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> out) {
        if (node.isContainerNode()) {
            out.add((ContainerNode<?>) node);
            node.forEach(child -> collect(child, out));
        }
    }
}
