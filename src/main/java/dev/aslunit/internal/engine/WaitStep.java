package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Wait: until {@code Seconds} have passed or {@code Timestamp} is reached, on the virtual clock. */
final class WaitStep extends Step {

    /** Computes when the wait ends, given the state's effective input. */
    interface Until {
        Instant until(Scope scope, Instant entered);
    }

    private final Flow flow;
    private final Until until;

    WaitStep(String name, Flow flow, Until until) {
        super(name, "Wait");
        this.flow = flow;
        this.until = until;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        StateRun run = entered(frame, input);
        Scope scope = new Scope(run, input);
        Instant end;
        JsonNode effective;
        try {
            effective = flow.input(scope, input);
            end = until.until(scope.at(effective), run.enteredTime);
        } catch (StateFailure f) {
            failFrame(frame, f);
            return;
        }
        frame.run.at(end, () -> {
            if (!frame.isLive()) {
                return;
            }
            try {
                JsonNode output = flow.output(scope, input, effective);
                exited(run, output, flow.assign(scope, effective));
                proceed(frame, output);
            } catch (StateFailure f) {
                failFrame(frame, f);
            }
        });
    }
}
