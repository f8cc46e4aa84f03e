package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** Wait: until {@code Seconds} have passed or {@code Timestamp} is reached, on the virtual clock. */
final class WaitStep extends Step {

    /** Computes when the wait ends, given the state's effective input. */
    interface Until {
        Instant until(Scope scope, Instant entered);
    }

    /**
     * AWS turns a wait into a signed 32-bit number of seconds: a Timestamp 24,855 days ahead is
     * waited for, one 24,856 days ahead fails at run time (as its AWS-validated test
     * {@code test_timestamp_too_far_in_future_boundary} in LocalStack records).
     */
    static final long MAX_WAIT_SECONDS = Integer.MAX_VALUE;

    private final Flow flow;
    private final Until until;

    WaitStep(String name, Flow flow, Until until) {
        super(name, "Wait");
        this.flow = flow;
        this.until = until;
    }

    /** Whether AWS refuses to wait from {@code entered} until {@code at}. */
    static boolean tooFar(Instant entered, Instant at) {
        return Duration.between(entered, at).getSeconds() > MAX_WAIT_SECONDS;
    }

    /**
     * {@code entered} plus {@code seconds}, without overflowing {@link Instant}: a wait longer than
     * AWS's one-year maximum ends in the execution's timeout, whatever its exact end.
     */
    static Instant after(Instant entered, long seconds) {
        return entered.plusSeconds(Math.min(seconds, MAX_WAIT_SECONDS + 1));
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
