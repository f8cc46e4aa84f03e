package dev.aslunit.internal.sfnlocal;

import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.mock.TaskResult;

/** One invocation-range entry of a mocked response, e.g. {@code "1-2": {"Throw": {...}}}. */
record Response(int from, int to, TaskResult result, SourceLocation location) {

    String key() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
