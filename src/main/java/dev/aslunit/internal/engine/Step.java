package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.facts.FactLog;
import dev.aslunit.internal.jsonata.VariableScope;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A compiled state. {@link #enter} runs it on a frame; it ends by handing its output to the next
 * state ({@link #proceed}), by ending or failing its frame, or by arranging for virtual time or a
 * callback to resume it.
 */
abstract class Step {

    final String name;
    final String eventPrefix;
    // made once: a string built per event would be hashed again by every event's details lookup
    private final String enteredType;
    private final String exitedType;
    private Step next;
    private boolean end;

    Step(String name, String type) {
        this.name = name;
        this.eventPrefix = type;
        this.enteredType = type + "StateEntered";
        this.exitedType = type + "StateExited";
    }

    void link(Step next, boolean end) {
        this.next = next;
        this.end = end;
    }

    abstract void enter(Frame frame, JsonNode input);

    /** Writes {@code <Type>StateEntered} and opens the state's run. */
    final StateRun entered(Frame frame, JsonNode input) {
        String text = frame.text(input);
        long previous = frame.lastEventId;
        long id = frame.emit(enteredType, () -> {
            ObjectNode d = EngineJson.object();
            d.put("name", name);
            d.put("input", text);
            d.set("inputDetails", EngineJson.notTruncated());
            return d;
        });
        FactLog log = frame.facts();
        int visit = 0;
        if (log != null) {
            visit = log.newVisit();
            log.add(new Fact.Entered(visit, frame.scope, name, eventPrefix, frame.run.now(), input));
        }
        frame.currentVisit = visit;
        return new StateRun(frame, name, input, id, previous, frame.run.now(), this instanceof Retrying, visit);
    }

    /** Task, Parallel and Map: the states that can retry, whose context shows {@code $$.State.RetryCount}. */
    interface Retrying {
    }

    /**
     * Checks AWS's 256 KiB quota on the state's output, stores what the state assigns (every expression of the state has been evaluated by now, so none
     * saw these values) and writes {@code <Type>StateExited}; {@code assigned} is {@code null} when
     * the state has no {@code Assign}.
     */
    final void exited(StateRun run, JsonNode output, Map<String, JsonNode> assigned) {
        Frame frame = run.frame;
        if (frame.exceedsPayloadLimit(output)) {
            throw new StateFailure(Errors.DATA_LIMIT_EXCEEDED, "The state/task '" + name
                    + "' returned a result with a size exceeding the maximum number of bytes service limit.");
        }
        String text = frame.text(output);
        VariableScope.Assigned variables;
        try {
            variables = assigned == null ? null : frame.variables.assignAll(assigned);
        } catch (VariableScope.VariableLimitException e) {
            throw new StateFailure(e.error(), run.causePrefix() + e.cause());
        }
        frame.emit(exitedType, () -> {
            ObjectNode d = EngineJson.object();
            d.put("name", name);
            d.put("output", text);
            d.set("outputDetails", EngineJson.notTruncated());
            if (variables != null) {
                variables.addTo(d);
            }
            return d;
        });
        FactLog log = frame.facts();
        if (log != null) {
            // sorted by name, as the history writes them
            log.add(new Fact.Exited(run.visit, frame.run.now(), output,
                    assigned == null || assigned.size() < 2 ? assigned : new TreeMap<>(assigned)));
        }
    }

    /**
     * Ends a Task, Parallel or Map state that has its {@code result}: {@code $states.result}, the
     * output through {@code flow}, the variables it assigns and {@code <Type>StateExited}, then
     * {@link #proceed}. A failure on the way goes to {@code failed} (the states differ there: a
     * Task's may be retried or caught, a Parallel's or Map's fails its frame); one raised by the
     * states that follow is not this state's and is left to them.
     */
    final void complete(StateRun run, Flow flow, Scope scope, JsonNode result, Consumer<StateFailure> failed) {
        JsonNode output;
        try {
            scope.result = result;
            output = flow.output(scope, run.input, result);
            exited(run, output, flow.assign(scope, result));
        } catch (StateFailure f) {
            failed.accept(f);
            return;
        }
        proceed(run.frame, output);
    }

    /** Hands {@code output} on: to the next state, or as the frame's result when this state ends it. */
    final void proceed(Frame frame, JsonNode output) {
        if (end) {
            frame.succeed(output);
        } else {
            frame.go(next, output);
        }
    }

    /** Records a fact of {@code run}'s state, when its facts are kept. */
    static void record(StateRun run, Fact fact) {
        FactLog log = run.frame.facts();
        if (log != null) {
            log.add(fact);
        }
    }

    /** A failure of a state without Retry and Catch: its frame fails. */
    static void failFrame(Frame frame, StateFailure failure) {
        frame.fail(failure.error(), failure.cause());
    }
}
