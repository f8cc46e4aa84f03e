package dev.aslunit.internal.engine;

import java.util.List;

/** A definition the engine cannot run; the message lists every problem with its location. */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public DefinitionException(List<String> problems) {
        super(problems.size() == 1 ? "Invalid state machine definition: " + problems.get(0)
                : "Invalid state machine definition (" + problems.size() + " problems):\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming its location. */
    public List<String> problems() {
        return problems;
    }
}
