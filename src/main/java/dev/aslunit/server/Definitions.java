package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.definition.DefinitionReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks definitions as CreateStateMachine and ValidateStateMachineDefinition do, and compiles
 * the ones AWS would accept.
 */
final class Definitions {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One diagnostic in ValidateStateMachineDefinition's shape. */
    record Problem(String severity, String code, String message, String location) {
    }

    List<Problem> validate(String definition, String type) {
        JsonNode root;
        try {
            root = MAPPER.readTree(definition);
        } catch (JsonProcessingException e) {
            return List.of(new Problem("ERROR", "INVALID_JSON_DESCRIPTION", e.getOriginalMessage(), ""));
        }
        if (root == null || !root.isObject()) {
            return List.of(new Problem("ERROR", "SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", ""));
        }
        try {
            DefinitionReader.read(root);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new Problem("ERROR", "SCHEMA_VALIDATION_FAILED", e.getMessage(), ""));
        }
    }

    /** The compiled machine, or AWS's {@code InvalidDefinition} listing every error. */
    Object compile(String definition, String name, String type) {
        List<Problem> errors = validate(definition, type).stream().filter(p -> p.severity().equals("ERROR")).toList();
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return parse(definition);
    }

    static ApiException invalid(List<Problem> errors) {
        return new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + errors.stream()
                .map(p -> p.code() + ": " + p.message() + (p.location().isEmpty() ? "" : " at " + p.location()))
                .collect(Collectors.joining(", ")) + "'");
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON no longer parses: " + json, e);
        }
    }
}
