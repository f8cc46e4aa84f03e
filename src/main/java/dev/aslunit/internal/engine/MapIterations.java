package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.jsonata.VariableScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The iterations of one attempt of a {@link MapStep}: an inline Map's iterations in this execution,
 * or a Distributed Map's Map Run of child executions; the tolerated failures, the ResultWriter's
 * results, and a redrive of the iterations that did not succeed.
 */
final class MapIterations implements Frame.Listener, Frame.Redrivable {
    private final MapStep map;
    private final StateRun run;
    private final Scope scope;
    private final JsonNode effective;
    private MapItems items;
    private boolean batched;
    private final int maxConcurrency;
    private final ToleratedFailures tolerance;
    private final int maxItems;
    private final ArrayList<JsonNode> results = new ArrayList<>();
    /** The iterations under way, by index: at most {@code MaxConcurrency} of them. */
    private final TreeMap<Integer, Frame> running = new TreeMap<>();
    private Frame.Container container;
    private int nextIndex;
    private int inFlight;
    private int finished;
    private int failures;
    private long lastCompletionEventId;
    private String mapRunId;
    /** The Map Run's ARN and how it names its children; {@code null} for an inline Map. */
    private MapRunNames names;
    /** With a ResultWriter, each child execution by index (its result is there, not in {@code results}). */
    private final ArrayList<ResultWriting.Child> children;
    private boolean failed;
    private boolean launching;
    /** The iterations that succeeded: a redrive runs the others again. */
    private final BitSet succeeded = new BitSet();
    /** The iteration frames started and not succeeded, kept so that a redrive can resume them. */
    private final Map<Integer, Frame> startedFrames = new HashMap<>();
    /**
     * A Distributed Map's items taken from the reader but never started (the failed Map Run read
     * them for {@code PENDING_0.json}, or their input could not be made), by index; {@code null}
     * while there are none. It reads each item once, so a redrive starts them from here.
     */
    private TreeMap<Integer, JsonNode> unstarted;
    /** On a redrive, the indexes still to start; {@code null} before. */
    private ArrayDeque<Integer> redriving;
    /** How often this Map Run has been redriven ({@code MapRunRedriven}'s {@code redriveCount}). */
    private int mapRunRedrives;

    MapIterations(MapStep map, StateRun run, Scope scope, JsonNode effective, int maxConcurrency, int toleratedCount,
            double toleratedPercentage, int maxItems) {
        this.map = map;
        this.run = run;
        this.maxItems = maxItems;
        this.scope = scope;
        this.effective = effective;
        int most = map.distributed ? MapStep.MAX_CHILD_EXECUTIONS : MapStep.MAX_INLINE_ITERATIONS;
        this.maxConcurrency = maxConcurrency <= 0 ? most : Math.min(maxConcurrency, most);
        this.tolerance = new ToleratedFailures(toleratedCount, toleratedPercentage);
        this.children = map.writing == null ? null : new ArrayList<>();
    }

    /** Starts the iterations over {@code given}, or over what the ItemReader reads when it is {@code null}. */
    void start(long started, ArrayNode given) {
        container = new Frame.Container(started);
        lastCompletionEventId = started;
        if (map.distributed) {
            mapRunId = run.frame.run.random.uuid().toString();
            names = new MapRunNames(run.frame.run.options.region(), run.frame.run.options.accountId(),
                    run.frame.run.machine.name() + "/" + (map.label != null ? map.label : map.name), mapRunId);
            run.frame.emit("MapRunStarted", () -> {
                ObjectNode d = EngineJson.object();
                d.put("mapRunArn", names.mapRunArn);
                return d;
            });
            container.lastInnerEventId = run.frame.lastEventId;
        }
        try {
            Iterator<JsonNode> all = given != null ? given.elements() : map.setup.read(scope, effective, maxItems);
            Iterator<JsonNode> batches = map.setup.batches(scope, effective, all);
            batched = batches != null;
            items = new MapItems(batched ? batches : all, !map.distributed);
        } catch (StateFailure f) {
            fail(f.error(), f.cause(), container.lastInnerEventId);
            return;
        }
        run.frame.attempting(this);
        launch();
    }

    private void launch() {
        if (launching) {
            return;
        }
        launching = true;
        try {
            while (!failed && run.frame.isLive() && inFlight < maxConcurrency && moreToStart()) {
                startIteration(redriving != null && !redriving.isEmpty() ? redriving.poll() : nextIndex++);
            }
        } finally {
            launching = false;
        }
        if (!failed && !moreToStart() && finished == items.size() && run.frame.isLive()) {
            succeed();
        }
    }

    /**
     * Whether an iteration is left to start: on an inline Map's redrive those in {@link #redriving};
     * on a Distributed Map's, those and then the items its reader had not reached.
     */
    private boolean moreToStart() {
        if (redriving != null && !redriving.isEmpty()) {
            return true;
        }
        return (redriving == null || map.distributed) && items.has(nextIndex);
    }

    private void startIteration(int index) {
        Frame frame = run.frame;
        Frame stopped = redriving != null ? startedFrames.get(index) : null;
        ObjectNode item = EngineJson.object();
        item.put("Index", index);
        JsonNode input;
        if (map.distributed && stopped != null) {
            input = stopped.child.input();
        } else {
            JsonNode value = unstarted == null ? null : unstarted.remove(index);
            try {
                if (value == null) {
                    value = items.get(index);
                }
                input = inputOf(item, index, value);
            } catch (StateFailure f) {
                if (map.distributed && value != null) {
                    keepUnstarted(index, value);
                }
                fail(f.error(), f.cause(), container.lastInnerEventId);
                return;
            }
        }
        inFlight++;
        if (map.distributed && stopped != null && !map.expressChildren && stopped.canRedrive()) {
            // AWS redrives a STANDARD child (RedriveExecution): the same execution goes on from where it stopped
            ChildExecution child = stopped.child;
            long redriven = child.redriven();
            frame.run.childRedriven(child, map.name);
            if (children != null) {
                record(index, new ResultWriting.Child(child.name(), EngineJson.text(input), child.startTime(),
                        child.redriveCount()));
            }
            running.put(index, stopped);
            stopped.redrive(redriven);
            return;
        }
        // a new child, or an EXPRESS one that AWS starts again (StartExecution) under the same map.name
        ChildExecution child = map.distributed ? frame.run.childExecution(map.name, names, index, input) : null;
        if (children != null) {
            record(index, new ResultWriting.Child(child.name(), EngineJson.text(input), frame.run.now(), 0));
        }
        if (!map.distributed && stopped != null && stopped.canRedrive()) {
            running.put(index, stopped);
            long iterationStarted = frame.emitAside(container.lastInnerEventId, "MapIterationStarted",
                    () -> iterationDetails(index));
            container.lastInnerEventId = iterationStarted;
            stopped.opened(run, index);
            stopped.redrive(iterationStarted);
            return;
        }
        Frame iteration = new Frame(frame.run, frame, map.processor,
                map.distributed ? VariableScope.root() : frame.variables.child(), this, container, item,
                child != null ? child.started() : 0, child);
        running.put(index, iteration);
        startedFrames.put(index, iteration);
        if (!map.distributed) {
            iteration.lastEventId = frame.emitAside(container.lastInnerEventId, "MapIterationStarted",
                    () -> iterationDetails(index));
            container.lastInnerEventId = iteration.lastEventId;
            iteration.opened(run, index);
        }
        iteration.start(input);
    }

    /** An iteration's input from its item ({@code item} gets the value): the batch itself when batched. */
    private JsonNode inputOf(ObjectNode item, int index, JsonNode value) {
        item.set("Value", value);
        if (batched) {
            return value;
        }
        Scope itemScope = new Scope(run, effective);
        itemScope.mapItem = item;
        return map.setup.itemInput(itemScope, effective, value, index);
    }

    private void keepUnstarted(int index, JsonNode value) {
        if (unstarted == null) {
            unstarted = new TreeMap<>();
        }
        unstarted.put(index, value);
    }

    private void record(int index, ResultWriting.Child child) {
        while (children.size() <= index) {
            children.add(null);
        }
        children.set(index, child);
    }

    private ObjectNode iterationDetails(int index) {
        ObjectNode d = EngineJson.object();
        d.put("index", index);
        d.put("name", map.name);
        return d;
    }

    private int indexOf(Frame iteration) {
        return iteration.mapItem.get("Index").intValue();
    }

    @Override
    public void succeeded(Frame iteration, JsonNode output) {
        int index = indexOf(iteration);
        running.remove(index);
        startedFrames.remove(index);
        if (children != null) {
            children.get(index).ended(run.frame.run.now(), "SUCCEEDED", output, null, null);
        } else {
            setResult(index, output);
        }
        succeeded.set(index);
        if (map.distributed) {
            iteration.child.succeeded(iteration.lastEventId, output);
            iteration.run.childEnded(iteration.child);
        } else {
            lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationSucceeded",
                    () -> iterationDetails(index));
            iteration.ended(ExecutionStatus.SUCCEEDED);
        }
        inFlight--;
        finished++;
        launch();
    }

    @Override
    public void failed(Frame iteration, String error, String cause) {
        int index = indexOf(iteration);
        running.remove(index);
        if (map.distributed) {
            iteration.child.failed(iteration.lastEventId, error, cause);
            iteration.run.childEnded(iteration.child);
        } else {
            lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationFailed",
                    () -> iterationDetails(index));
            iteration.ended(ExecutionStatus.FAILED);
        }
        if (children != null) {
            children.get(index).ended(run.frame.run.now(), "FAILED", null, error, cause);
        }
        inFlight--;
        finished++;
        failures++;
        if (tolerance.tolerates(failures, items::size)) {
            if (children == null) {
                setResult(index, EngineJson.errorOutput(error, cause));
            }
            launch();
            return;
        }
        boolean tolerating = map.distributed || tolerance.set();
        fail(tolerating ? Errors.EXCEED_TOLERATED_FAILURE_THRESHOLD : error,
                tolerating ? "The specified tolerated failure threshold was exceeded" : cause, iteration.lastEventId);
    }

    private void setResult(int index, JsonNode result) {
        while (results.size() <= index) {
            results.add(null);
        }
        results.set(index, result);
    }

    /** Fails the attempt; {@code failureEventId} is the failing iteration's last event, which the aborts follow. */
    private void fail(String error, String cause, long failureEventId) {
        if (failed) {
            return;
        }
        failed = true;
        Frame frame = run.frame;
        for (Map.Entry<Integer, Frame> r : running.entrySet()) {
            r.getValue().abort(failureEventId);
            if (map.distributed) {
                if (children != null) {
                    children.get(r.getKey()).ended(frame.run.now(), "ABORTED", null, null, null);
                }
                r.getValue().child.aborted();
                r.getValue().run.childEnded(r.getValue().child);
            } else {
                frame.emitAside(failureEventId, "MapIterationAborted", () -> iterationDetails(r.getKey()));
                r.getValue().ended(ExecutionStatus.ABORTED);
            }
        }
        running.clear();
        if (map.distributed) {
            frame.emit("MapRunFailed", () -> ChildExecution.errorDetails(error, cause));
            container.lastInnerEventId = frame.lastEventId;
            writeAfterFailure();
        }
        frame.lastEventId = container.lastInnerEventId;
        Step.record(run, new Fact.AttemptEnded(run.visit, frame.run.now(), ExecutionStatus.FAILED, error, cause));
        map.recovery.handle(map, run, error, cause, () -> {
            run.frame.lastEventId = container.lastInnerEventId;
            map.attempt(run);
        }, () -> frame.emit("MapStateFailed", null));
    }

    /**
     * AWS redrives only the iterations that failed or were aborted (from the state they stopped
     * in) or never started, with the same items; those that succeeded keep their results.
     */
    @Override
    public void redrive(long redrivenEventId) {
        failed = false;
        container.lastInnerEventId = redrivenEventId;
        lastCompletionEventId = redrivenEventId;
        redriving = new ArrayDeque<>();
        finished = 0;
        failures = 0;
        inFlight = 0;
        running.clear();
        if (map.distributed) {
            redriveMapRun();
        } else {
            for (int i = 0; i < items.size(); i++) {
                if (succeeded.get(i)) {
                    finished++;
                } else {
                    setResult(i, null);
                    redriving.add(i);
                }
            }
        }
        launch();
    }

    /**
     * A Distributed Map's redrive, as AWS redrives its Map Run ("Redriving Map Runs"): the same
     * Map Run ({@code MapRunRedriven}) runs again only its children that failed or were aborted,
     * then the items it never started; the children that succeeded keep their results.
     */
    private void redriveMapRun() {
        mapRunRedrives++;
        run.frame.emit("MapRunRedriven", () -> {
            ObjectNode d = EngineJson.object();
            d.put("mapRunArn", names.mapRunArn);
            d.put("redriveCount", mapRunRedrives);
            return d;
        });
        container.lastInnerEventId = run.frame.lastEventId;
        TreeSet<Integer> again = new TreeSet<>(startedFrames.keySet());
        if (unstarted != null) {
            again.addAll(unstarted.keySet());
        }
        for (int i : again) {
            if (children == null) {
                setResult(i, null);
            }
            redriving.add(i);
        }
        finished = succeeded.cardinality();
    }

    private ArrayNode collect() {
        ArrayNode result = EngineJson.NODES.arrayNode(results.size());
        for (JsonNode r : results) {
            result.add(r);
        }
        return result;
    }

    /** The state's result with a ResultWriter: where the files went, or the results as WriterConfig shapes them. */
    private JsonNode writtenResults(boolean release) {
        if (!map.writing.exports()) {
            return map.writing.shape(children, names);
        }
        JsonNode parameters = map.setup.resultWriter(scope, effective);
        return map.writing.write(run.frame.run.options.s3(), parameters == null ? EngineJson.object() : parameters,
                mapRunId, names, children, release);
    }

    /**
     * AWS writes a failed Map Run's results too (the state fails all the same), once children ran:
     * a Map Run whose items could not be read writes nothing. Parameters that cannot be evaluated
     * then leave nothing written, as the Map Run's error is what the execution reports.
     */
    private void writeAfterFailure() {
        if (map.writing != null && map.writing.exports() && !children.isEmpty()) {
            readPending();
            try {
                writtenResults(false);
            } catch (StateFailure ignored) {
                // the Map state fails with the Map Run's error either way
            }
        }
    }

    /**
     * The items the failed Map Run never started, for {@code PENDING_0.json}: read to the end (the
     * run is over, so nothing else reads them); reading stops at an item that cannot be read.
     */
    private void readPending() {
        try {
            while (items.has(nextIndex)) {
                int index = nextIndex++;
                ObjectNode item = EngineJson.object();
                item.put("Index", index);
                JsonNode value = items.get(index);
                keepUnstarted(index, value);
                record(index, ResultWriting.Child.pending(EngineJson.text(inputOf(item, index, value))));
            }
        } catch (StateFailure unreadable) {
            // an item that cannot be read never becomes a child, pending or not
        }
    }

    private void succeed() {
        Frame frame = run.frame;
        if (map.distributed) {
            lastCompletionEventId = frame.emit("MapRunSucceeded", null);
        }
        frame.emitAside(lastCompletionEventId, "MapStateSucceeded", null);
        Step.record(run, new Fact.AttemptEnded(run.visit, frame.run.now(), ExecutionStatus.SUCCEEDED, null, null));
        frame.lastEventId = lastCompletionEventId;
        JsonNode result;
        try {
            result = children != null ? writtenResults(true) : collect();
        } catch (StateFailure f) {
            Step.failFrame(frame, f);
            return;
        }
        map.complete(run, map.flow, scope, result, f -> Step.failFrame(frame, f));
    }
}
