package dev.aslunit.internal.definition.load;

/**
 * The definition could not be read at all: a missing file or classpath resource, a template without
 * the chosen state machine. Problems in what was read are diagnostics, never this exception.
 */
public final class DefinitionSourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DefinitionSourceException(String message) {
        super(message);
    }

    public DefinitionSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
