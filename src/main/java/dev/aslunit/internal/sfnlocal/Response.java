package dev.aslunit.internal.sfnlocal;

import dev.aslunit.mock.TaskResult;

/**
 * One invocation-range entry of a mocked response, e.g. {@code "1-2": {"Throw": {...}}}, and the JSON
 * pointer of its key in the mock config.
 */
record Response(int from, int to, TaskResult result, String pointer) {

    String key() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
