package dev.aslunit.internal.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What one evaluation of a {@link JsonataTemplate} sees; the engine implements it per state (or
 * per Catch, per Choice rule), typically as a small record. Nothing here is copied: the nodes are
 * read in place and must not change while the evaluation runs.
 */
public interface JsonataScope {

    /**
     * The reserved {@code $states} object: {@code input} and {@code context} always, {@code result}
     * in a Task/Map/Parallel's {@code Output} and {@code Assign} after success, {@code errorOutput} in
     * a Catch's {@code Output} and {@code Assign}. A field AWS does not make available is simply
     * absent, so reading it is undefined.
     */
    JsonNode states();

    /**
     * The value of the workflow variable {@code name} (without the {@code $}) as visible from the
     * evaluating state, reading outer scopes; {@code null} when no state has assigned it.
     */
    JsonNode variable(String name);

    /**
     * The execution's seeded random source, used by {@code $random()}, {@code $uuid()} and
     * {@code $shuffle()} (a seeded {@code $random(seed)} does not use it).
     */
    RandomGenerator random();

    /** The virtual clock's current instant: what {@code $now()} and {@code $millis()} answer. */
    Instant now();

    /**
     * Builds {@link #states()}: {@code input} and {@code context} always; {@code result} (a Task,
     * Map or Parallel's result, for its {@code Output} and {@code Assign} after success) and
     * {@code errorOutput} (the error output, for a Catch's {@code Output} and {@code Assign}) when
     * not {@code null}. The nodes are referenced, not copied.
     */
    static ObjectNode statesObject(JsonNode input, JsonNode context, JsonNode result, JsonNode errorOutput) {
        ObjectNode states = JsonNodeFactory.instance.objectNode();
        states.set("input", input);
        states.set("context", context);
        if (result != null) {
            states.set("result", result);
        }
        if (errorOutput != null) {
            states.set("errorOutput", errorOutput);
        }
        return states;
    }

    /**
     * The usual scope: {@code $states} as given, variables read from {@code variables} (which must
     * not change while the state's expressions are evaluated), the execution's random source and the
     * virtual clock's instant.
     */
    static JsonataScope of(JsonNode states, VariableScope variables, RandomGenerator random, Instant now) {
        return new Of(states, variables, random, now);
    }

    /** {@link #of}'s scope. */
    record Of(JsonNode states, VariableScope variables, RandomGenerator random, Instant now) implements JsonataScope {
        @Override
        public JsonNode variable(String name) {
            return variables.read(name);
        }
    }
}
