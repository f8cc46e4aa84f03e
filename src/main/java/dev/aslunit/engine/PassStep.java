package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
            ObjectNode assigned = flow.assign(scope, r);
            exited(frame, output, assigned);
            assign(frame, assigned);
            proceed(frame, output);
        } catch (StateFailure f) {
            failFrame(frame, f);
        }
    }
}
