package dev.aslunit.internal.engine;

import java.util.List;

/**
 * A definition the engine cannot run; the message lists every problem with its location. The
 * definition pipeline turns each {@link Problem} into a diagnostic placed in the source.
 */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem: where in the definition (a JSON pointer such as {@code /States/Pay/Retry}) and what. */
    public record Problem(String pointer, String message) {

        @Override
        public String toString() {
            return pointer + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public DefinitionException(List<Problem> problems) {
        super(problems.size() == 1 ? "Invalid state machine definition: " + problems.get(0)
                : "Invalid state machine definition (" + problems.size() + " problems):\n  - "
                        + String.join("\n  - ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
