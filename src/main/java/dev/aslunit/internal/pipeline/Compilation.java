package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.definition.load.InvalidDefinitionException;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.validation.Diagnostic;
import java.util.List;

/**
 * What {@link DefinitionPipeline#compile} made of a definition: the compiled machine, or none, and
 * every diagnostic (errors and warnings, the loader's, the validator's and the compiler's).
 */
public record Compilation(LoadedDefinition loaded, CompiledStateMachine machine, List<Diagnostic> diagnostics) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean isValid() {
        return machine != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** @throws InvalidDefinitionException listing every error with its place */
    public CompiledStateMachine require() {
        if (machine == null) {
            throw InvalidDefinitionException.of(loaded.source(), errors());
        }
        return machine;
    }

    /** The file, resource or name the definition was read from; {@code null} for an unnamed string. */
    public String source() {
        return loaded.source();
    }
}
