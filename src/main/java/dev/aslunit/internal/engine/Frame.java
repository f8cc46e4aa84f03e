package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.facts.FactLog;
import dev.aslunit.internal.jsonata.VariableScope;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One running state machine: the execution's top level, a Parallel branch or a Map iteration. It
 * moves from state to state in a loop (so a long chain of synchronous states costs no stack) and
 * pauses when a state waits for virtual time or a callback; the state resumes it with {@link #go}.
 * It also keeps the chain of {@code previousEventId}s the way AWS links its events.
 */
final class Frame {

    /** The inner work of a Map or Parallel state, which a redrive resumes rather than starting it over. */
    interface Redrivable {
        void redrive(long redrivenEventId);
    }

    /** Hears how a frame ends. */
    interface Listener {
        void succeeded(Frame frame, JsonNode output);

        void failed(Frame frame, String error, String cause);
    }

    /** Where a Map or Parallel state collects the last event id its child frames wrote. */
    static final class Container {
        long lastInnerEventId;

        Container(long start) {
            this.lastInnerEventId = start;
        }
    }

    final ExecutionRun run;
    final Frame parent;
    final CompiledMachine machine;
    final VariableScope variables;
    final Listener listener;
    final Container container;
    /** {@code $$.Map.Item} for the states of a Map iteration, else {@code null}. */
    final ObjectNode mapItem;
    /**
     * The Distributed Map's child execution this frame runs in, whose events stay out of the parent's
     * history (AWS records them in the child's own, which only a MapRun summarises); {@code null}
     * for frames that write to the execution's history.
     */
    final ChildExecution child;

    long lastEventId;
    /** The scope this frame's visits are recorded in: 0 at the top of an execution or child execution. */
    int scope;
    /** The recorded visit of {@link #current}. */
    int currentVisit;
    private boolean stopped;
    private boolean looping;
    private Step pendingStep;
    /** The state this frame is in: the one to write {@code <Type>StateAborted} for when it is stopped. */
    private Step current;
    /** The input {@link #current} was entered with: where a redrive enters it again. */
    private JsonNode currentInput;
    /** The latest attempt of {@link #current}'s inner work, if it has any. */
    private Redrivable currentWork;
    /** What a branch's or iteration's variables were when it failed or was aborted: a redrive resumes with them. */
    private Map<String, JsonNode> variablesWhenStopped;
    private JsonNode pendingInput;

    Frame(ExecutionRun run, Frame parent, CompiledMachine machine, VariableScope variables, Listener listener,
            Container container, ObjectNode mapItem, long lastEventId) {
        this(run, parent, machine, variables, listener, container, mapItem, lastEventId, null);
    }

    /** A frame that starts a child execution of a Distributed Map when {@code child} is set. */
    Frame(ExecutionRun run, Frame parent, CompiledMachine machine, VariableScope variables, Listener listener,
            Container container, ObjectNode mapItem, long lastEventId, ChildExecution child) {
        this.child = child != null ? child : parent != null ? parent.child : null;
        this.run = run;
        this.parent = parent;
        this.machine = machine;
        this.variables = variables;
        this.listener = listener;
        this.container = container;
        this.mapItem = mapItem;
        this.lastEventId = lastEventId;
    }

    void start(JsonNode input) {
        go(machine.start(), input);
    }

    /** Enters {@code step} with {@code input}, now or, when called from a running step, right after it. */
    void go(Step step, JsonNode input) {
        pendingStep = step;
        pendingInput = input;
        if (looping) {
            return;
        }
        looping = true;
        try {
            while (pendingStep != null && isLive()) {
                Step s = pendingStep;
                JsonNode in = pendingInput;
                pendingStep = null;
                pendingInput = null;
                current = s;
                currentInput = in;
                currentWork = null;
                s.enter(this, in);
            }
        } finally {
            pendingStep = null;
            pendingInput = null;
            looping = false;
        }
    }

    /** Whether {@link #redrive} has a state to enter again. */
    boolean canRedrive() {
        return current != null;
    }

    /** {@code work} is the current state's latest attempt at its branches or iterations. */
    void attempting(Redrivable work) {
        currentWork = work;
    }

    /**
     * AWS's redrive of a frame (the execution's top, or a branch or iteration that failed or was
     * aborted): the states before the one it stopped in keep their results; a Map or Parallel state
     * it stopped in redrives its inner work, any other state is entered again with its original
     * input, after {@code redrivenEventId}.
     */
    void redrive(long redrivenEventId) {
        stopped = false;
        lastEventId = redrivenEventId;
        if (variablesWhenStopped != null) {
            Map<String, JsonNode> kept = variablesWhenStopped;
            variablesWhenStopped = null;
            try {
                // one at a time: together they may exceed the bound of a single Assign
                kept.forEach((name, value) -> variables.assignAll(Map.of(name, value)));
            } catch (VariableScope.VariableLimitException e) {
                fail(e.error(), e.cause());
                return;
            }
        }
        if (currentWork != null) {
            currentWork.redrive(redrivenEventId);
        } else {
            go(current, currentInput);
        }
    }

    /**
     * Writes an event that continues this frame's chain; {@code details} (may be {@code null}) are
     * made only for a history that is kept: a child execution's is not, unless the options say so.
     */
    long emit(String type, Supplier<ObjectNode> details) {
        long id = emitAside(lastEventId, type, details);
        lastEventId = id;
        if (container != null) {
            container.lastInnerEventId = id;
        }
        return id;
    }

    /** Writes an event linked to {@code previous} that does not continue the chain. */
    long emitAside(long previous, String type, Supplier<ObjectNode> details) {
        if (child != null) {
            if (child.atHistoryLimit()) {
                childExecutionFrame().fail(Errors.RUNTIME, ExecutionRun.historyLimitCause(type));
                return previous;
            }
            return child.emit(previous, type, details);
        }
        return run.emit(previous, type, details == null ? null : details.get());
    }

    /**
     * The text of {@code payload} for an event's details, or {@code null} when this frame's events
     * are not kept; either way a payload nested too deep to write fails here.
     */
    String text(JsonNode payload) {
        return child != null ? child.text(payload) : run.text(payload);
    }

    /**
     * Whether {@code payload} is over AWS's 256 KiB quota on a state's input and output, measured as
     * the UTF-8 size of its text; the text is written only when an event keeps it or the payload may
     * be near the quota.
     */
    boolean exceedsPayloadLimit(JsonNode payload) {
        String text = text(payload);
        if (text == null) {
            if (run.sizeBound(payload) <= TaskStep.PAYLOAD_LIMIT_BYTES) {
                return false;
            }
            text = run.text(payload);
        }
        return TaskStep.exceedsPayloadLimit(text);
    }

    /**
     * Where this frame's facts go: its child execution's log (none when the child is not kept), else
     * the execution's while it runs.
     */
    FactLog facts() {
        if (child != null) {
            return child.facts();
        }
        return run.isDone() ? null : run.facts;
    }

    /** Records this frame as the {@code index}th iteration or branch of {@code container}'s attempt. */
    void opened(StateRun container, int index) {
        FactLog log = facts();
        if (log != null && parent != null && parent.child == child) {
            scope = log.newScope();
            log.add(new Fact.ScopeOpened(scope, parent.scope, container.visit, index));
        }
    }

    /** Records how this frame, a Map iteration, ended. */
    void ended(ExecutionStatus outcome) {
        FactLog log = facts();
        if (log != null && scope != 0) {
            log.add(new Fact.ScopeEnded(scope, outcome));
        }
    }

    void succeed(JsonNode output) {
        if (isLive()) {
            stopped = true;
            closeScope();
            listener.succeeded(this, output);
        }
    }

    void fail(String error, String cause) {
        if (isLive()) {
            keepVariables();
            stopped = true;
            closeScope();
            listener.failed(this, error, cause);
        }
    }

    /** The top frame of the child execution this frame runs in: the one whose failure fails it. */
    private Frame childExecutionFrame() {
        Frame f = this;
        while (f.parent != null && f.parent.child == child) {
            f = f.parent;
        }
        return f;
    }

    /** Stops this frame without a word: the execution ended. */
    void stop() {
        stopped = true;
        closeScope();
    }

    /**
     * Stops this frame because a sibling failed: its state in flight is aborted, written as AWS writes
     * it ({@code TaskStateAborted}, ...) linked to the event of the failure.
     */
    void abort(long failureEventId) {
        if (isLive() && current != null) {
            // a child execution's events link only within its own history, where the failure is not
            boolean childTop = child != null && (parent == null || parent.child != child);
            emitAside(childTop ? lastEventId : failureEventId, current.eventPrefix + "StateAborted", null);
            FactLog log = facts();
            if (log != null) {
                log.add(new Fact.Aborted(currentVisit, run.now()));
            }
        }
        keepVariables();
        stop();
    }

    private void keepVariables() {
        if (parent != null && !stopped) {
            variablesWhenStopped = variables.own();
        }
    }

    /** A branch's or iteration's variables end with it. */
    private void closeScope() {
        if (parent != null) {
            variables.close();
        }
    }

    /** {@code false} once this frame, a frame around it, or the execution has ended. */
    boolean isLive() {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.stopped) {
                return false;
            }
        }
        return !run.isDone();
    }

    /**
     * {@code $$.Map.Item} of the innermost Map iteration this frame runs in, or {@code null}. A
     * Distributed Map's child is an execution of its own: its item was the parent's, for the
     * {@code ItemSelector}, and neither it nor an item further out shows inside the child.
     */
    ObjectNode mapItem() {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.child != null && (f.parent == null || f.parent.child != f.child)) {
                return null;
            }
            if (f.mapItem != null) {
                return f.mapItem;
            }
        }
        return null;
    }
}
