package dev.aslunit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.pipeline.Compilation;
import dev.aslunit.internal.pipeline.DefinitionPipeline;
import dev.aslunit.internal.validation.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks definitions as CreateStateMachine and ValidateStateMachineDefinition do (the diagnostics
 * of the {@link DefinitionPipeline}, AWS's codes), and compiles the ones AWS would accept.
 */
final class Definitions {

    /** One diagnostic in ValidateStateMachineDefinition's shape. */
    record Problem(String severity, String code, String message, String location) {

        /**
         * A Task's Resource that names no resource: no ARN syntax ({@code SCHEMA_VALIDATION_FAILED}, "Value
         * is not a valid resource ARN") or an ARN of no task resource ({@code INVALID_RESOURCE}). TestState
         * does not check the resources of states that do not run.
         */
        boolean isResource() {
            return code.equals("INVALID_RESOURCE") || location != null && location.endsWith("/Resource")
                    && message.startsWith("Value is not a valid resource ARN");
        }
    }

    /** Every diagnostic, as CreateStateMachine would find them (so validating also compiles). */
    List<Problem> validate(String definition, String type) {
        return compilation(definition, "StateMachine", type).diagnostics().stream().map(Definitions::problem).toList();
    }

    /** The compiled machine, or AWS's {@code InvalidDefinition} listing every error. */
    CompiledStateMachine compile(String definition, String name, String type) {
        Compilation compilation = compilation(definition, name, type);
        if (!compilation.isValid()) {
            throw invalid(compilation.errors().stream().map(Definitions::problem).toList());
        }
        return compilation.machine();
    }

    private static Compilation compilation(String definition, String name, String type) {
        return DefinitionPipeline.compile(DefinitionPipeline.fromApi(definition).type(StateMachineType.valueOf(type)), name);
    }

    private static Problem problem(Diagnostic d) {
        return new Problem(d.severity().name(), d.code().name(), d.message(), d.awsLocation());
    }

    static ApiException invalid(List<Problem> errors) {
        return new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + errors.stream()
                .map(p -> p.code() + ": " + p.message() + " at " + p.location())
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
