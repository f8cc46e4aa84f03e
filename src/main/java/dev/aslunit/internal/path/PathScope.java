package dev.aslunit.internal.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.random.RandomGenerator;

/**
 * What a JSONPath expression can see while a state runs; the engine implements it once per
 * evaluation. Every {@link JsonNode} handed in or out is treated as immutable: the paths,
 * templates and intrinsics of this package never mutate their inputs, and their results may
 * share subtrees with them.
 */
public interface PathScope {

    /** The document that {@code $} denotes: the state's input at the point of evaluation. */
    JsonNode input();

    /** The context object, {@code $$}. */
    JsonNode context();

    /** The value of the variable {@code $name}, or {@code null} when it is not assigned. */
    JsonNode variable(String name);

    /** The seeded source of {@code States.UUID} and {@code States.MathRandom}. */
    RandomGenerator random();
}
