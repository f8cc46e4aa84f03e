package dev.aslunit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.Json;

/**
 * One generated workflow: its definition, its input and the S3 objects its {@code ItemReader}s may
 * read (keys in {@link RandomWorkflows#BUCKET}).
 */
record FuzzCase(long seed, ObjectNode definition, ObjectNode input, ObjectNode s3Objects) {

    static FuzzCase generate(long seed) {
        RandomWorkflows generator = new RandomWorkflows(seed);
        ObjectNode definition = (ObjectNode) generator.definition();
        ObjectNode input = (ObjectNode) generator.input();
        return new FuzzCase(seed, definition, input, generator.s3Objects());
    }

    FuzzCase with(JsonNode definition, JsonNode input) {
        return new FuzzCase(seed, (ObjectNode) definition, (ObjectNode) input, s3Objects);
    }

    /** What a failure prints: enough to run the case again without the generator. */
    String describe() {
        return "seed " + seed + "\ndefinition:\n" + Json.pretty(definition) + "\ninput:\n" + Json.pretty(input)
                + "\nS3 objects in bucket \"" + RandomWorkflows.BUCKET + "\":\n" + Json.pretty(s3Objects);
    }
}
