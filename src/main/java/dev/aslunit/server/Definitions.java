package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.StateMachineType;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.DefinitionException;
import dev.aslunit.internal.validation.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks definitions as CreateStateMachine and ValidateStateMachineDefinition do (the validator's
 * diagnostics, AWS's codes), and compiles the ones AWS would accept.
 */
final class Definitions {

    /** One diagnostic in ValidateStateMachineDefinition's shape. */
    record Problem(String severity, String code, String message, String location) {
    }

    List<Problem> validate(String definition, String type) {
        return load(definition, type).diagnostics().stream().map(Definitions::problem).toList();
    }

    /** The compiled machine, or AWS's {@code InvalidDefinition} listing every error. */
    CompiledStateMachine compile(String definition, String name, String type) {
        LoadedDefinition loaded = load(definition, type);
        if (!loaded.isValid()) {
            throw invalid(loaded.errors().stream().map(Definitions::problem).toList());
        }
        try {
            return CompiledStateMachine.compile(loaded.definition(), name);
        } catch (DefinitionException e) {
            throw new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + e.getMessage() + "'");
        }
    }

    private static LoadedDefinition load(String definition, String type) {
        // A definition sent to the API is final: ${...} in it is text, as AWS treats it.
        return DefinitionLoader.fromString(definition).allowOpaquePlaceholders()
                .type(StateMachineType.valueOf(type)).load();
    }

    private static Problem problem(Diagnostic d) {
        return new Problem(d.severity().name(), d.code().name(), d.message(), d.pointer());
    }

    static ApiException invalid(List<Problem> errors) {
        return new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + errors.stream()
                .map(p -> p.code() + ": " + p.message() + (p.location().isEmpty() ? "" : " at " + p.location()))
                .collect(Collectors.joining(", ")) + "'");
    }

    static JsonNode parse(String json) {
        try {
            return Wire.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON no longer parses: " + json, e);
        }
    }
}
