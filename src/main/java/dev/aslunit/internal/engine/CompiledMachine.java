package dev.aslunit.internal.engine;

import java.util.Map;

/** A compiled state machine: the top level, a Parallel branch or a Map's item processor. */
final class CompiledMachine {

    private final Map<String, Step> steps;
    private final Step start;

    CompiledMachine(Map<String, Step> steps, Step start) {
        this.steps = steps;
        this.start = start;
    }

    Step start() {
        return start;
    }

    Step step(String name) {
        return steps.get(name);
    }
}
