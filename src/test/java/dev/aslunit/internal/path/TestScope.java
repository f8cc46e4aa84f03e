package dev.aslunit.internal.path;

import static dev.aslunit.internal.json.JsonText.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A {@link PathScope} for tests, built from JSON text. */
final class TestScope implements PathScope {

    static final ObjectMapper MAPPER = Json.mapper();

    private final JsonNode input;
    private JsonNode context = MAPPER.createObjectNode();
    private final Map<String, JsonNode> variables = new HashMap<>();
    private final RandomGenerator random = new SplittableRandom(42);

    private TestScope(JsonNode input) {
        this.input = input;
    }

    static TestScope input(String json) {
        return new TestScope(json(json));
    }

    TestScope context(String json) {
        this.context = json(json);
        return this;
    }

    TestScope variable(String name, String json) {
        variables.put(name, json(json));
        return this;
    }

    @Override
    public JsonNode input() {
        return input;
    }

    @Override
    public JsonNode context() {
        return context;
    }

    @Override
    public JsonNode variable(String name) {
        return variables.get(name);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }
}
