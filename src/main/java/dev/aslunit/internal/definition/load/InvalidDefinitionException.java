package dev.aslunit.internal.definition.load;

import dev.aslunit.internal.validation.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition AWS would refuse, or the engine cannot compile: the message lists every error with
 * its place. Thrown by {@link LoadedDefinition#requireValid()} and by the definition pipeline.
 */
public final class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    InvalidDefinitionException(String message, List<Diagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** {@code source} (null: an unnamed definition) with its errors, one per line. */
    public static InvalidDefinitionException of(String source, List<Diagnostic> errors) {
        String name = source == null ? "The definition" : source;
        return new InvalidDefinitionException(name + " is not a valid state machine (" + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + "):\n  "
                + errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n  ")), errors);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
