package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Fail: ends its frame with an error and a cause (each optional). */
final class FailStep extends Step {

    /** Computes the Fail state's error or cause; {@code null} when absent. */
    interface Text {
        String evaluate(Scope scope);
    }

    private final Text error;
    private final Text cause;

    FailStep(String name, Text error, Text cause) {
        super(name, "Fail");
        this.error = error;
        this.cause = cause;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        StateRun run = entered(frame, input);
        Scope scope = new Scope(run, input);
        try {
            String e = error == null ? null : error.evaluate(scope.at(input));
            String c = cause == null ? null : cause.evaluate(scope.at(input));
            frame.fail(e, c);
        } catch (StateFailure f) {
            failFrame(frame, f);
        }
    }
}
