package dev.aslunit.internal.definition.load;

import dev.aslunit.internal.validation.Diagnostic;
import java.util.List;

/** Thrown by {@link LoadedDefinition#requireValid()}: the message lists every error with its place. */
public final class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    InvalidDefinitionException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
