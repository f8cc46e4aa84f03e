package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Choice: the first rule that holds picks the next state (and its {@code Assign}); else
 * {@code Default}; else the frame fails with {@code States.NoChoiceMatched}.
 */
final class ChoiceStep extends Step {

    /** A compiled Choice rule. */
    interface Condition {
        boolean test(Scope scope);
    }

    /** One of {@code Choices}. */
    static final class Branch {
        final Condition condition;
        final String nextName;
        /** The rule's {@code Output} and {@code Assign} (JSONPath: the state's {@code OutputPath}). */
        final Flow flow;
        Step next;

        Branch(Condition condition, String nextName, Flow flow) {
            this.condition = condition;
            this.nextName = nextName;
            this.flow = flow;
        }
    }

    private final List<Branch> branches;
    private final String defaultName;
    private final Flow flow;
    private Step defaultStep;

    ChoiceStep(String name, List<Branch> branches, String defaultName, Flow flow) {
        super(name, "Choice");
        this.branches = branches;
        this.defaultName = defaultName;
        this.flow = flow;
    }

    List<Branch> branches() {
        return branches;
    }

    String defaultName() {
        return defaultName;
    }

    void linkDefault(Step step) {
        this.defaultStep = step;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        StateRun run = entered(frame, input);
        Scope scope = new Scope(run, input);
        try {
            JsonNode effective = flow.input(scope, input);
            for (Branch b : branches) {
                if (b.condition.test(scope.at(effective))) {
                    leave(frame, scope, input, effective, b.flow, b.next);
                    return;
                }
            }
            if (defaultStep == null) {
                frame.fail(Errors.NO_CHOICE_MATCHED, run.causePrefix() + "No Choice rule matched and no Default is set.");
                return;
            }
            leave(frame, scope, input, effective, flow, defaultStep);
        } catch (StateFailure f) {
            failFrame(frame, f);
        }
    }

    private void leave(Frame frame, Scope scope, JsonNode raw, JsonNode effective, Flow branchFlow, Step next) {
        JsonNode output = branchFlow.output(scope, raw, effective);
        exited(scope.state, output, branchFlow.assign(scope, effective));
        frame.go(next, output);
    }
}
