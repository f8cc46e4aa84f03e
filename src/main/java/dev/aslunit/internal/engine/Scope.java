package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.jsonata.JsonataScope;
import dev.aslunit.internal.path.PathScope;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What an expression of a running state sees: the document {@code $} stands for at this stage of
 * the data flow, the context object, the variables and the seeded random source; for JSONata also
 * {@code $states.result} and {@code $states.errorOutput}.
 */
final class Scope implements PathScope, JsonataScope {

    final StateRun state;
    private JsonNode input;
    JsonNode result;
    JsonNode errorOutput;
    /** {@code $$.Map.Item} while a Map state builds an iteration's input, else {@code null}. */
    ObjectNode mapItem;
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
        return state.frame.variables.read(name);
    }

    /** JSONata's {@code $states}: the state's input and context, and its result or error output where AWS has them. */
    @Override
    public JsonNode states() {
        ObjectNode states = EngineJson.object();
        states.set("input", state.input);
        states.set("context", context());
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        return states;
    }

    @Override
    public Instant now() {
        return state.frame.run.now();
    }

    @Override
    public RandomGenerator random() {
        return state.frame.run.random;
    }
}
