package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import java.util.List;

/**
 * Parallel: runs every branch on the same input; its result is the array of their outputs. The
 * branches interleave deterministically: each runs until it waits, in branch order. The first
 * branch to fail stops the others and fails the state with its error.
 */
final class ParallelStep extends Step implements Step.Retrying {

    private final List<CompiledMachine> branches;
    private final Flow flow;
    final Recovery recovery;

    ParallelStep(String name, List<CompiledMachine> branches, Flow flow, Recovery recovery) {
        super(name, "Parallel");
        this.branches = branches;
        this.flow = flow;
        this.recovery = recovery;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        StateRun run = entered(frame, input);
        Scope scope = new Scope(run, input);
        JsonNode effective;
        try {
            effective = flow.input(scope, input);
        } catch (StateFailure f) {
            recovery.handle(this, run, f.error(), f.cause(), () -> enter(frame, input), null);
            return;
        }
        start(run, scope, effective);
    }

    private void start(StateRun run, Scope scope, JsonNode effective) {
        Frame frame = run.frame;
        long started = frame.emit("ParallelStateStarted", null);
        record(run, new Fact.AttemptStarted(run.visit, frame.run.now(), null, null));
        new Branches(run, scope, effective, new Frame.Container(started)).launch();
    }

    /** The branches of one attempt. */
    private final class Branches implements Frame.Listener, Frame.Redrivable {
        private final StateRun run;
        private final Scope scope;
        private final JsonNode effective;
        private final Frame.Container container;
        private final JsonNode[] outputs = new JsonNode[branches.size()];
        private final Frame[] frames = new Frame[branches.size()];
        private int remaining = branches.size();
        private boolean failed;

        Branches(StateRun run, Scope scope, JsonNode effective, Frame.Container container) {
            this.run = run;
            this.scope = scope;
            this.effective = effective;
            this.container = container;
        }

        void launch() {
            run.frame.attempting(this);
            startBranches(false);
        }

        /**
         * Runs every branch without an output: all of them at first; on a redrive those that failed
         * or were aborted resume from the state they stopped in, those that never began start.
         */
        private void startBranches(boolean redrive) {
            Frame frame = run.frame;
            boolean[] resume = new boolean[frames.length];
            for (int i = 0; i < frames.length; i++) {
                if (outputs[i] == null) {
                    resume[i] = redrive && frames[i] != null && frames[i].canRedrive();
                    if (!resume[i]) {
                        frames[i] = new Frame(frame.run, frame, branches.get(i), frame.variables.child(), this,
                                container, null, container.lastInnerEventId);
                        frames[i].opened(run, i);
                    }
                }
            }
            if (remaining == 0) {
                finish();
                return;
            }
            for (int i = 0; i < frames.length && !failed && frame.isLive(); i++) {
                if (outputs[i] == null && resume[i]) {
                    frames[i].redrive(container.lastInnerEventId);
                } else if (outputs[i] == null) {
                    frames[i].lastEventId = container.lastInnerEventId;
                    frames[i].start(effective);
                }
            }
        }

        /** AWS redrives only the branches that failed or were aborted; the others keep their outputs. */
        @Override
        public void redrive(long redrivenEventId) {
            failed = false;
            container.lastInnerEventId = redrivenEventId;
            remaining = 0;
            for (JsonNode output : outputs) {
                remaining += output == null ? 1 : 0;
            }
            startBranches(true);
        }

        private int indexOf(Frame f) {
            for (int i = 0; i < frames.length; i++) {
                if (frames[i] == f) {
                    return i;
                }
            }
            throw new IllegalStateException("not a branch of " + name);
        }

        @Override
        public void succeeded(Frame branch, JsonNode output) {
            outputs[indexOf(branch)] = output;
            if (--remaining == 0 && !failed) {
                finish();
            }
        }

        private void finish() {
            Frame frame = run.frame;
            frame.lastEventId = container.lastInnerEventId;
            frame.emitAside(container.lastInnerEventId, "ParallelStateSucceeded", null);
            record(run, new Fact.AttemptEnded(run.visit, frame.run.now(), ExecutionStatus.SUCCEEDED, null, null));
            ArrayNode result = EngineJson.NODES.arrayNode(outputs.length);
            for (JsonNode o : outputs) {
                result.add(o);
            }
            complete(run, flow, scope, result, f -> Step.failFrame(frame, f));
        }

        @Override
        public void failed(Frame branch, String error, String cause) {
            if (failed) {
                return;
            }
            failed = true;
            for (Frame f : frames) {
                if (f != null) {
                    f.abort(branch.lastEventId);
                }
            }
            Frame frame = run.frame;
            frame.lastEventId = container.lastInnerEventId;
            record(run, new Fact.AttemptEnded(run.visit, frame.run.now(), ExecutionStatus.FAILED, error, cause));
            recovery.handle(ParallelStep.this, run, error, cause, () -> start(run, scope, effective),
                    () -> frame.emit("ParallelStateFailed", null));
        }
    }
}
