package dev.aslunit.internal.jsonata;

import static dev.aslunit.internal.json.JsonText.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A {@link JsonataScope} for tests: {@code $states} from JSON text, variables set one by one. */
final class TestScope implements JsonataScope {

    private final JsonNode states;
    private final Map<String, JsonNode> variables = new HashMap<>();
    private RandomGenerator random = new SplittableRandom(7);
    private Instant now = Instant.parse("2024-11-06T09:42:03.123Z");

    private TestScope(JsonNode states) {
        this.states = states;
    }

    static TestScope withInput(String inputJson) {
        return withStates("{\"input\":" + inputJson + ",\"context\":{\"State\":{\"Name\":\"S\"}}}");
    }

    static TestScope withStates(String statesJson) {
        return new TestScope(json(statesJson));
    }

    TestScope variable(String name, String valueJson) {
        variables.put(name, json(valueJson));
        return this;
    }

    TestScope random(RandomGenerator random) {
        this.random = random;
        return this;
    }

    TestScope now(Instant now) {
        this.now = now;
        return this;
    }

    @Override
    public JsonNode states() {
        return states;
    }

    @Override
    public JsonNode variable(String name) {
        return variables.get(name);
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public Instant now() {
        return now;
    }
}
