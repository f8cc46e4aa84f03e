package dev.aslunit.internal.definition;

import java.util.Map;

/**
 * A state machine: the top level of a definition, and equally a Parallel branch or a Map's item
 * processor (ASL's spec treats both as state machines). {@code timeoutSeconds} and {@code version}
 * are {@code null} on nested machines and when absent. {@code states} keeps the definition's order.
 */
public record StateMachineDefinition(
        String comment,
        String startAt,
        Map<String, State> states,
        Integer timeoutSeconds,
        String version,
        QueryLanguage queryLanguage,
        SourceLocation location) {

    public StateMachineDefinition {
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
    }

    public State state(String name) {
        return states.get(name);
    }
}
