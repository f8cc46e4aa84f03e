package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The iterations of one attempt of a {@link MapStep}, what an inline Map and a Distributed Map's
 * Map Run share: the limits, starting items in index order at most {@code MaxConcurrency} at a
 * time, the results in item order, the tolerated failures, and a redrive of the iterations that did
 * not succeed. {@link InlineIterations} runs them in this execution, {@link MapRun} as child
 * executions.
 */
abstract sealed class MapIterations implements Frame.Listener, Frame.Redrivable permits InlineIterations, MapRun {
    final MapStep map;
    final StateRun run;
    final Scope scope;
    final JsonNode effective;
    /** AWS's most concurrent iterations, which {@code MaxConcurrency} 0 means and no value exceeds. */
    private final int most;
    /** An inline Map keeps its items; a Map Run reads each from its ItemReader as its child starts. */
    private final boolean keepItems;
    MapItems items;
    private boolean batched;
    private int maxConcurrency;
    private ToleratedFailures tolerance;
    private int maxItems;
    private final ArrayList<JsonNode> results = new ArrayList<>();
    /** The iterations under way, by index: at most {@code MaxConcurrency} of them. */
    final TreeMap<Integer, Frame> running = new TreeMap<>();
    Frame.Container container;
    int nextIndex;
    int inFlight;
    int finished;
    private int failures;
    long lastCompletionEventId;
    private boolean failed;
    private boolean launching;
    /** The iterations that succeeded: a redrive runs the others again. */
    final BitSet succeeded = new BitSet();
    /** The iteration frames started and not succeeded, kept so that a redrive can resume them. */
    final Map<Integer, Frame> startedFrames = new HashMap<>();
    /** On a redrive, the indexes still to start; {@code null} before. */
    ArrayDeque<Integer> redriving;

    MapIterations(MapStep map, StateRun run, Scope scope, JsonNode effective, int most, boolean keepItems) {
        this.map = map;
        this.run = run;
        this.scope = scope;
        this.effective = effective;
        this.most = most;
        this.keepItems = keepItems;
    }

    /**
     * Starts the attempt: {@code MapStateStarted}, the {@link #limits} and the iterations over
     * {@code given} (or the ItemReader's items when it is {@code null}), in the order AWS checks them
     * for this kind of Map.
     */
    abstract void begin(ArrayNode given);

    /**
     * Reads the limits ({@code MaxConcurrency}, the tolerated failures, the ItemReader's
     * {@code MaxItems}); when one cannot be read, hands the failure to the state's retriers and
     * catchers and returns false.
     */
    final boolean limits() {
        try {
            int max = map.setup.maxConcurrency(scope, effective);
            int count = map.setup.toleratedFailureCount(scope, effective);
            double percentage = map.setup.toleratedFailurePercentage(scope, effective);
            maxItems = map.setup.readsItems() ? map.setup.maxItems(scope, effective) : 0;
            maxConcurrency = max <= 0 ? most : Math.min(max, most);
            tolerance = new ToleratedFailures(count, percentage);
            return true;
        } catch (StateFailure f) {
            map.recovery.handle(map, run, f.error(), f.cause(), () -> map.attempt(run), null);
            return false;
        }
    }

    /** Starts the iterations over {@code given}, or over what the ItemReader reads when it is {@code null}. */
    final void start(long started, ArrayNode given) {
        container = new Frame.Container(started);
        lastCompletionEventId = started;
        runStarted();
        try {
            Iterator<JsonNode> all = given != null ? given.elements() : map.setup.read(scope, effective, maxItems);
            Iterator<JsonNode> batches = map.setup.batches(scope, effective, all);
            batched = batches != null;
            items = new MapItems(batched ? batches : all, keepItems);
        } catch (StateFailure f) {
            fail(f.error(), f.cause(), container.lastInnerEventId);
            return;
        }
        run.frame.attempting(this);
        launch();
    }

    /** Before the items are read: a Map Run starts here. */
    abstract void runStarted();

    final void launch() {
        if (launching) {
            return;
        }
        launching = true;
        try {
            do {
                while (placeFree()) {
                    startIteration(redriving != null && !redriving.isEmpty() ? redriving.poll() : nextIndex++);
                }
                // an iteration that ends at once frees its place for the next
            } while (startAnnounced() && placeFree());
        } finally {
            launching = false;
        }
        if (!failed && !moreToStart() && finished == items.size() && run.frame.isLive()) {
            succeed();
        }
    }

    /** Whether another iteration may start now: the Map still runs, has room under its concurrency, and items left. */
    private boolean placeFree() {
        return !failed && run.frame.isLive() && inFlight < maxConcurrency && moreToStart();
    }

    /** Whether an iteration is left to start: on a redrive those in {@link #redriving}, then {@link #startsNext}. */
    private boolean moreToStart() {
        if (redriving != null && !redriving.isEmpty()) {
            return true;
        }
        return startsNext();
    }

    /** Whether the item at {@link #nextIndex} is left to start. */
    abstract boolean startsNext();

    private void startIteration(int index) {
        Frame stopped = redriving != null ? startedFrames.get(index) : null;
        ObjectNode item = EngineJson.object();
        item.put("Index", index);
        startIteration(index, item, stopped);
    }

    /**
     * Starts iteration {@code index} ({@code item} is its {@code $$.Map.Item}, still without its value),
     * or, on a redrive, resumes {@code stopped}, the frame it stopped in, when there is one.
     */
    abstract void startIteration(int index, ObjectNode item, Frame stopped);

    /**
     * Runs the iterations that {@link #startIteration} only announced, once all those starting at this
     * instant are announced; whether there were any.
     */
    abstract boolean startAnnounced();

    /** An iteration's input from its item ({@code item} gets the value): the batch itself when batched. */
    final JsonNode inputOf(ObjectNode item, int index, JsonNode value) {
        item.set("Value", value);
        if (batched) {
            return value;
        }
        Scope itemScope = new Scope(run, effective);
        itemScope.mapItem = item;
        return map.setup.itemInput(itemScope, effective, value, index);
    }

    private int indexOf(Frame iteration) {
        return iteration.mapItem.get("Index").intValue();
    }

    @Override
    public final void succeeded(Frame iteration, JsonNode output) {
        int index = indexOf(iteration);
        running.remove(index);
        startedFrames.remove(index);
        keepOutput(index, output);
        succeeded.set(index);
        iterationSucceeded(iteration, index, output);
        inFlight--;
        finished++;
        launch();
    }

    /** Keeps a succeeded iteration's output for the state's result. */
    abstract void keepOutput(int index, JsonNode output);

    /** Ends a succeeded iteration: its events and facts. */
    abstract void iterationSucceeded(Frame iteration, int index, JsonNode output);

    @Override
    public final void failed(Frame iteration, String error, String cause) {
        int index = indexOf(iteration);
        running.remove(index);
        iterationFailed(iteration, index, error, cause);
        inFlight--;
        finished++;
        failures++;
        if (tolerance.tolerates(failures, items::size)) {
            keepTolerated(index, error, cause);
            launch();
            return;
        }
        boolean tolerating = failsAsThreshold(tolerance);
        fail(tolerating ? Errors.EXCEED_TOLERATED_FAILURE_THRESHOLD : error,
                tolerating ? "The specified tolerated failure threshold was exceeded" : cause, iteration.lastEventId);
    }

    /** Ends a failed iteration: its events and facts. */
    abstract void iterationFailed(Frame iteration, int index, String error, String cause);

    /** Keeps a tolerated failure for the state's result. */
    abstract void keepTolerated(int index, String error, String cause);

    /**
     * Whether a failure that is not tolerated fails the state with
     * {@code States.ExceedToleratedFailureThreshold} rather than with the iteration's own error.
     */
    abstract boolean failsAsThreshold(ToleratedFailures tolerance);

    final void setResult(int index, JsonNode result) {
        while (results.size() <= index) {
            results.add(null);
        }
        results.set(index, result);
    }

    /** Fails the attempt; {@code failureEventId} is the failing iteration's last event, which the aborts follow. */
    final void fail(String error, String cause, long failureEventId) {
        if (failed) {
            return;
        }
        failed = true;
        Frame frame = run.frame;
        for (Map.Entry<Integer, Frame> r : running.entrySet()) {
            r.getValue().abort(failureEventId);
            iterationAborted(r.getKey(), r.getValue(), failureEventId);
        }
        running.clear();
        // what follows links to the failure, not to what other iterations wrote at its instant after it (AWS's MapStateFailed)
        container.lastInnerEventId = failureEventId;
        runFailed(error, cause);
        frame.lastEventId = container.lastInnerEventId;
        Step.record(run, new Fact.AttemptEnded(run.visit, frame.run.now(), ExecutionStatus.FAILED, error, cause));
        map.recovery.handle(map, run, error, cause, () -> {
            run.frame.lastEventId = container.lastInnerEventId;
            map.attempt(run);
        }, () -> frame.emit("MapStateFailed", null));
    }

    /** Ends an iteration under way that a failure of the attempt stops, after its frame was aborted. */
    abstract void iterationAborted(int index, Frame iteration, long failureEventId);

    /** After the iterations under way were aborted, before the state's retriers and catchers: a Map Run fails here. */
    abstract void runFailed(String error, String cause);

    /**
     * AWS redrives only the iterations that failed or were aborted (from the state they stopped
     * in) or never started, with the same items; those that succeeded keep their results.
     */
    @Override
    public final void redrive(long redrivenEventId) {
        failed = false;
        container.lastInnerEventId = redrivenEventId;
        lastCompletionEventId = redrivenEventId;
        redriving = new ArrayDeque<>();
        finished = 0;
        failures = 0;
        inFlight = 0;
        running.clear();
        redriveIterations();
        launch();
    }

    /** Lists in {@link #redriving} the iterations a redrive starts again, and counts those it does not in {@link #finished}. */
    abstract void redriveIterations();

    final ArrayNode collect() {
        ArrayNode result = EngineJson.NODES.arrayNode(results.size());
        for (JsonNode r : results) {
            result.add(r);
        }
        return result;
    }

    private void succeed() {
        Frame frame = run.frame;
        runSucceeded();
        frame.emitAside(lastCompletionEventId, "MapStateSucceeded", null);
        Step.record(run, new Fact.AttemptEnded(run.visit, frame.run.now(), ExecutionStatus.SUCCEEDED, null, null));
        frame.lastEventId = lastCompletionEventId;
        JsonNode result;
        try {
            result = result();
        } catch (StateFailure f) {
            Step.failFrame(frame, f);
            return;
        }
        map.complete(run, map.flow, scope, result, f -> Step.failFrame(frame, f));
    }

    /** Once every iteration succeeded, before {@code MapStateSucceeded}: a Map Run succeeds here. */
    abstract void runSucceeded();

    /** The state's result, once every iteration succeeded. */
    abstract JsonNode result();
}
