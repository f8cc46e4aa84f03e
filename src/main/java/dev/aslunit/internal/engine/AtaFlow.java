package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.jsonata.JsonataAssign;
import dev.aslunit.internal.jsonata.JsonataTemplate;
import dev.aslunit.internal.jsonata.QueryEvaluationException;
import java.util.Map;

/**
 * A JSONata state's data flow, compiled once: {@code Arguments} (else the input) for the task or
 * branches, {@code Output} (else the result, or the input for states without one) and
 * {@code Assign}, all reading the variables from before the state.
 */
final class AtaFlow implements Flow {

    private final JsonataTemplate arguments;
    private final JsonataTemplate output;
    private final JsonataAssign assign;

    AtaFlow(Compiler.Context c, JsonNode arguments, JsonNode output, JsonNode assign, String assignLocation) {
        this.arguments = c.ata("Arguments", arguments);
        this.output = c.ata("Output", output);
        this.assign = c.ataAssign(assignLocation, assign);
    }

    @Override
    public JsonNode input(Scope s, JsonNode raw) {
        return arguments == null ? raw : evaluate(arguments, s);
    }

    @Override
    public JsonNode output(Scope s, JsonNode raw, JsonNode result) {
        return output == null ? result : evaluate(output, s);
    }

    @Override
    public Map<String, JsonNode> assign(Scope s, JsonNode value) {
        if (assign == null) {
            return null;
        }
        try {
            return assign.evaluate(s);
        } catch (QueryEvaluationException e) {
            throw failure(s, e);
        }
    }

    @Override
    public boolean assigns() {
        return assign != null;
    }

    static JsonNode evaluate(JsonataTemplate template, Scope s) {
        try {
            return template.evaluate(s);
        } catch (QueryEvaluationException e) {
            throw failure(s, e);
        }
    }

    /**
     * AWS writes {@code EvaluationFailed} before the state's own failure events; an expression that
     * failed is linked to the event before the state was entered.
     */
    static StateFailure failure(Scope s, QueryEvaluationException e) {
        StateRun run = s.state;
        run.frame.lastEventId = run.frame.emitAside(run.beforeEnteredEventId, "EvaluationFailed",
                () -> e.evaluationFailedEventDetails(run.name, run.enteredEventId));
        return new StateFailure(e.error(), e.cause(run.name, run.enteredEventId));
    }

    /** A value that evaluated but is unusable (a Wait {@code Timestamp} that is no timestamp) follows the state's events. */
    static StateFailure rejected(Scope s, QueryEvaluationException e) {
        StateRun run = s.state;
        run.frame.emit("EvaluationFailed", () -> e.evaluationFailedEventDetails(run.name, run.enteredEventId));
        return new StateFailure(e.error(), e.cause(run.name, run.enteredEventId));
    }
}
