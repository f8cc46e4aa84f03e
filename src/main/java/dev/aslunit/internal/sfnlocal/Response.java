package dev.aslunit.internal.sfnlocal;

import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.engine.TaskOutcome;

/** One invocation-range entry of a mocked response, e.g. {@code "1-2": {"Throw": {...}}}. */
record Response(int from, int to, TaskOutcome outcome, SourceLocation location) {

    boolean covers(int invocation) {
        return invocation >= from && invocation <= to;
    }

    String key() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
