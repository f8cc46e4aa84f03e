package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import java.util.ArrayDeque;

/**
 * The iterations of one attempt of an inline Map, in this execution: each writes its
 * {@code MapIteration*} events into the execution's history and opens a scope of its own that
 * reads the outer variables.
 */
final class InlineIterations extends MapIterations {

    /** An iteration whose {@code MapIterationStarted} is written, and how it starts running. */
    private record Announced(int index, Frame frame, Runnable start) {
    }

    /** The iterations starting at this instant, announced and not yet running, in index order. */
    private final ArrayDeque<Announced> announced = new ArrayDeque<>();
    /** The event that the {@code MapIterationStarted} of every iteration in {@link #announced} follows. */
    private long announcedAfter;

    InlineIterations(MapStep map, StateRun run, Scope scope, JsonNode effective) {
        super(map, run, scope, effective, MapStep.MAX_INLINE_ITERATIONS, true);
    }

    /** AWS checks an inline Map's limits before it starts. */
    @Override
    void begin(ArrayNode given) {
        if (limits()) {
            start(map.started(run, given), given);
        }
    }

    @Override
    void runStarted() {
        // an inline Map has no Map Run
    }

    /** A redrive lists in {@link #redriving} every item it starts again, those never started too. */
    @Override
    boolean startsNext() {
        return redriving == null && items.has(nextIndex);
    }

    @Override
    void startIteration(int index, ObjectNode item, Frame stopped) {
        Frame frame = run.frame;
        JsonNode input;
        try {
            input = inputOf(item, index, items.get(index));
        } catch (StateFailure f) {
            fail(f.error(), f.cause(), container.lastInnerEventId);
            return;
        }
        inFlight++;
        if (announced.isEmpty()) {
            announcedAfter = container.lastInnerEventId;
        }
        if (stopped != null && stopped.canRedrive()) {
            running.put(index, stopped);
            long iterationStarted = announce(index);
            stopped.opened(run, index);
            announced.add(new Announced(index, stopped, () -> stopped.redrive(iterationStarted)));
            return;
        }
        Frame iteration = new Frame(frame.run, frame, map.processor, frame.variables.child(), this, container, item, 0);
        running.put(index, iteration);
        startedFrames.put(index, iteration);
        iteration.lastEventId = announce(index);
        iteration.opened(run, index);
        announced.add(new Announced(index, iteration, () -> iteration.start(input)));
    }

    /**
     * AWS writes the {@code MapIterationStarted} of the iterations starting together first, each
     * following the same event, then runs them.
     */
    private long announce(int index) {
        long id = run.frame.emitAside(announcedAfter, "MapIterationStarted", () -> iterationDetails(index));
        container.lastInnerEventId = id;
        return id;
    }

    @Override
    boolean startAnnounced() {
        boolean any = !announced.isEmpty();
        for (Announced a = announced.poll(); a != null; a = announced.poll()) {
            // an earlier one may have failed the Map, aborting the others before they ran
            if (running.get(a.index()) == a.frame() && run.frame.isLive()) {
                a.start().run();
            }
        }
        return any;
    }

    private ObjectNode iterationDetails(int index) {
        ObjectNode d = EngineJson.object();
        d.put("index", index);
        d.put("name", map.name);
        return d;
    }

    @Override
    void keepOutput(int index, JsonNode output) {
        setResult(index, output);
    }

    @Override
    void iterationSucceeded(Frame iteration, int index, JsonNode output) {
        lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationSucceeded",
                () -> iterationDetails(index));
        iteration.ended(ExecutionStatus.SUCCEEDED);
    }

    @Override
    void iterationFailed(Frame iteration, int index, String error, String cause) {
        lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationFailed",
                () -> iterationDetails(index));
        iteration.ended(ExecutionStatus.FAILED);
    }

    @Override
    void keepTolerated(int index, String error, String cause) {
        setResult(index, EngineJson.errorOutput(error, cause));
    }

    /** Without tolerated failures, the iteration's own error fails an inline Map. */
    @Override
    boolean failsAsThreshold(ToleratedFailures tolerance) {
        return tolerance.set();
    }

    @Override
    void iterationAborted(int index, Frame iteration, long failureEventId) {
        run.frame.emitAside(failureEventId, "MapIterationAborted", () -> iterationDetails(index));
        iteration.ended(ExecutionStatus.ABORTED);
    }

    @Override
    void runFailed(String error, String cause) {
        // an inline Map has no Map Run
    }

    @Override
    void redriveIterations() {
        for (int i = 0; i < items.size(); i++) {
            if (succeeded.get(i)) {
                finished++;
            } else {
                setResult(i, null);
                redriving.add(i);
            }
        }
    }

    @Override
    void runSucceeded() {
        // an inline Map has no Map Run
    }

    @Override
    JsonNode result() {
        return collect();
    }
}
