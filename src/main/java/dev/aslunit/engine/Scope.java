package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.path.PathScope;
import java.util.random.RandomGenerator;

/**
 * What an expression of a running state sees: the document {@code $} stands for at this stage of
 * the data flow, the context object, the variables and the seeded random source; for JSONata also
 * {@code $states.result} and {@code $states.errorOutput}.
 */
final class Scope implements PathScope {

    final StateRun state;
    private JsonNode input;
    JsonNode result;
    JsonNode errorOutput;
    /** {@code $$.Map.Item} while a Map state builds an iteration's input, else {@code null}. */
    com.fasterxml.jackson.databind.node.ObjectNode mapItem;
    private JsonNode context;

    Scope(StateRun state, JsonNode input) {
        this.state = state;
        this.input = input;
    }

    /** The same state and context at another stage of the data flow. */
    Scope at(JsonNode document) {
        this.input = document;
        return this;
    }

    @Override
    public JsonNode input() {
        return input;
    }

    @Override
    public JsonNode context() {
        if (context == null) {
            context = state.frame.run.contextObject(state, mapItem);
        }
        return context;
    }

    @Override
    public JsonNode variable(String name) {
        return state.frame.variables.get(name);
    }

    @Override
    public RandomGenerator random() {
        return state.frame.run.random;
    }
}
