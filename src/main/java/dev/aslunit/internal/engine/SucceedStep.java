package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Succeed: ends its frame successfully with its (filtered) input. */
final class SucceedStep extends Step {

    private final Flow flow;

    SucceedStep(String name, Flow flow) {
        super(name, "Succeed");
        this.flow = flow;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        StateRun run = entered(frame, input);
        Scope scope = new Scope(run, input);
        try {
            JsonNode output = flow.output(scope, input, flow.input(scope, input));
            exited(run, output, null);
            frame.succeed(output);
        } catch (StateFailure f) {
            failFrame(frame, f);
        }
    }
}
