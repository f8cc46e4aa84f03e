package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass: its result is {@code Result}, else its effective input. */
final class PassStep extends Step {

    private final Flow flow;
    private final JsonNode result;

    PassStep(String name, Flow flow, JsonNode result) {
        super(name, "Pass");
        this.flow = flow;
        this.result = result;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        StateRun run = entered(frame, input);
        Scope scope = new Scope(run, input);
        try {
            JsonNode effective = flow.input(scope, input);
            JsonNode r = result != null ? result : effective;
            JsonNode output = flow.output(scope, input, r);
            exited(run, output, flow.assign(scope, r));
            proceed(frame, output);
        } catch (StateFailure f) {
            failFrame(frame, f);
        }
    }
}
