package dev.aslunit.mock;

import static dev.aslunit.internal.json.JsonText.json;

import dev.aslunit.internal.engine.TaskInvocation;
import java.time.Instant;

/** Builds the invocations the engine would hand to a handler. */
public final class Invocations {

    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private Invocations() {
    }

    public static TaskInvocation call(String state, String resource, String parameters, int attempt, int invocation) {
        return new TaskInvocation(state, resource, json(parameters), attempt, invocation, null,
                T0, "arn:aws:states:us-east-1:123456789012:execution:m:e");
    }

    public static TaskInvocation call(String state, int invocation) {
        return call(state, "arn:aws:states:::lambda:invoke", "{}", 0, invocation);
    }
}
