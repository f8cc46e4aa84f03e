package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.jsonata.VariableScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Map (inline): runs the item processor once per item, at most {@code MaxConcurrency} at a time
 * (0: all), in index order; an iteration runs until it waits, then the next one starts. Results
 * keep the items' order. A failed iteration stops the others, unless the failures stay within the
 * tolerated count or percentage.
 */
final class MapStep extends Step implements Step.Retrying {

    /** How a Map state finds its items and its limits, in its query language. */
    interface Setup {
        /** The items to process, from the state's effective input (when there is no ItemReader). */
        ArrayNode items(Scope scope, JsonNode effective);

        /** The ItemReader's items, read one at a time as iterations start. */
        Iterator<JsonNode> read(Scope scope, JsonNode effective);

        /** An iteration's input, from the item (ItemSelector/Parameters, else the item itself). */
        JsonNode itemInput(Scope scope, JsonNode effective, JsonNode item, int index);

        int maxConcurrency(Scope scope, JsonNode effective);

        /** Tolerated failures as a count, or -1 when none is set. */
        int toleratedFailureCount(Scope scope, JsonNode effective);

        /** Tolerated failures in percent, or -1 when none is set. */
        double toleratedFailurePercentage(Scope scope, JsonNode effective);

        /** ItemBatcher: groups iteration inputs into batches, or returns {@code null} when items are not batched. */
        Iterator<JsonNode> batches(Scope scope, JsonNode effective, Iterator<JsonNode> items);

        /** Whether items come from an {@code ItemReader} (then {@code MapStateStarted} reports length 0). */
        boolean readsItems();

        /** The {@code ResultWriter}'s evaluated parameters ({@code Bucket}, {@code Prefix}), or {@code null}. */
        JsonNode resultWriter(Scope scope, JsonNode effective);
    }

    private final CompiledMachine processor;
    private final Flow flow;
    private final Setup setup;
    private final boolean distributed;
    /** A Distributed Map's {@code ProcessorConfig.ExecutionType} is {@code EXPRESS}: a redrive starts its children anew. */
    private final boolean expressChildren;
    private final String label;
    /** The {@code ResultWriter}, or {@code null} without one. */
    private final ResultWriting writing;
    final Recovery recovery;

    MapStep(String name, CompiledMachine processor, Flow flow, Setup setup, boolean distributed,
            boolean expressChildren, String label, ResultWriting writing, Recovery recovery) {
        super(name, "Map");
        this.writing = distributed ? writing : null;
        this.processor = processor;
        this.distributed = distributed;
        this.expressChildren = expressChildren;
        this.label = label;
        this.flow = flow;
        this.setup = setup;
        this.recovery = recovery;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        attempt(entered(frame, input));
    }

    /**
     * ItemBatcher: groups the items' inputs (each built with its own {@code $$.Map.Item}) into batches
     * of {@code perBatch}, each {@code {"Items": [...]}} plus the shared {@code BatchInput} if any; a
     * batch is made when its iteration starts.
     */
    static Iterator<JsonNode> batch(Setup setup, Scope scope, JsonNode effective, Iterator<JsonNode> items,
            int perBatch, JsonNode shared) {
        return new Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public JsonNode next() {
                ObjectNode batch = Json.object();
                if (shared != null) {
                    batch.set("BatchInput", shared);
                }
                ArrayNode inBatch = batch.putArray("Items");
                for (int n = 0; n < perBatch && items.hasNext(); n++, k++) {
                    JsonNode value = items.next();
                    Scope itemScope = new Scope(scope.state, effective);
                    ObjectNode item = Json.object();
                    item.put("Index", k);
                    item.set("Value", value);
                    itemScope.mapItem = item;
                    inBatch.add(setup.itemInput(itemScope, effective, value, k));
                }
                return batch;
            }
        };
    }

    private void attempt(StateRun run) {
        // until this attempt's iterations have started, a redrive enters the state again
        run.frame.attempting(null);
        Scope scope = new Scope(run, run.input);
        JsonNode effective;
        ArrayNode items;
        try {
            effective = flow.input(scope, run.input);
            items = setup.readsItems() ? null : setup.items(scope, effective);
        } catch (StateFailure f) {
            recovery.handle(this, run, f.error(), f.cause(), () -> attempt(run),
                    () -> run.frame.emit("MapStateFailed", null));
            return;
        }
        // AWS checks an inline Map's limits before it starts, a Distributed Map's once its run has started
        Iterations iterations = distributed ? null : limits(run, scope, effective);
        if (!distributed && iterations == null) {
            return;
        }
        long started = run.frame.emit("MapStateStarted", () -> {
            ObjectNode d = Json.object();
            d.put("length", items == null ? 0 : items.size());
            return d;
        });
        if (distributed) {
            iterations = limits(run, scope, effective);
            if (iterations == null) {
                return;
            }
        }
        iterations.start(started, items);
    }

    private Iterations limits(StateRun run, Scope scope, JsonNode effective) {
        try {
            int max = setup.maxConcurrency(scope, effective);
            int count = setup.toleratedFailureCount(scope, effective);
            double percentage = setup.toleratedFailurePercentage(scope, effective);
            return new Iterations(run, scope, effective, max, count, percentage);
        } catch (StateFailure f) {
            recovery.handle(this, run, f.error(), f.cause(), () -> attempt(run), null);
            return null;
        }
    }

    /** The iterations of one attempt. */
    private final class Iterations implements Frame.Listener, Frame.Redrivable {
        private final StateRun run;
        private final Scope scope;
        private final JsonNode effective;
        private Items items;
        private boolean batched;
        private final int maxConcurrency;
        private final int toleratedCount;
        private final double toleratedPercentage;
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
        private final ArrayList<ResultWriting.Child> children = writing == null ? null : new ArrayList<>();
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

        Iterations(StateRun run, Scope scope, JsonNode effective, int maxConcurrency, int toleratedCount,
                double toleratedPercentage) {
            this.run = run;
            this.scope = scope;
            this.effective = effective;
            this.maxConcurrency = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
            this.toleratedCount = toleratedCount;
            this.toleratedPercentage = toleratedPercentage;
        }

        /** Starts the iterations over {@code given}, or over what the ItemReader reads when it is {@code null}. */
        void start(long started, ArrayNode given) {
            container = new Frame.Container(started);
            lastCompletionEventId = started;
            if (distributed) {
                mapRunId = run.frame.run.random.uuid().toString();
                names = new MapRunNames(run.frame.run.options.region(), run.frame.run.options.accountId(),
                        run.frame.run.machine.name() + "/" + (label != null ? label : name), mapRunId);
                run.frame.emit("MapRunStarted", () -> {
                    ObjectNode d = Json.object();
                    d.put("mapRunArn", names.mapRunArn);
                    return d;
                });
                container.lastInnerEventId = run.frame.lastEventId;
            }
            try {
                Iterator<JsonNode> all = given != null ? given.elements() : setup.read(scope, effective);
                Iterator<JsonNode> batches = setup.batches(scope, effective, all);
                batched = batches != null;
                items = new Items(batched ? batches : all, !distributed);
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
            return (redriving == null || distributed) && items.has(nextIndex);
        }

        private void startIteration(int index) {
            Frame frame = run.frame;
            Frame stopped = redriving != null ? startedFrames.get(index) : null;
            ObjectNode item = Json.object();
            item.put("Index", index);
            JsonNode input;
            if (distributed && stopped != null) {
                input = stopped.child.input();
            } else {
                JsonNode value = unstarted == null ? null : unstarted.remove(index);
                try {
                    if (value == null) {
                        value = items.get(index);
                    }
                    input = inputOf(item, index, value);
                } catch (StateFailure f) {
                    if (distributed && value != null) {
                        keepUnstarted(index, value);
                    }
                    fail(f.error(), f.cause(), container.lastInnerEventId);
                    return;
                }
            }
            inFlight++;
            if (distributed && stopped != null && !expressChildren && stopped.canRedrive()) {
                // AWS redrives a STANDARD child (RedriveExecution): the same execution goes on from where it stopped
                ChildExecution child = stopped.child;
                long redriven = child.redriven();
                frame.run.childRedriven(child, name);
                if (children != null) {
                    record(index, new ResultWriting.Child(child.name(), Json.text(input), child.startTime(),
                            child.redriveCount()));
                }
                running.put(index, stopped);
                stopped.redrive(redriven);
                return;
            }
            // a new child, or an EXPRESS one that AWS starts again (StartExecution) under the same name
            ChildExecution child = distributed ? frame.run.childExecution(name, names, index, input) : null;
            if (children != null) {
                record(index, new ResultWriting.Child(child.name(), Json.text(input), frame.run.now(), 0));
            }
            if (!distributed && stopped != null && stopped.canRedrive()) {
                running.put(index, stopped);
                long iterationStarted = frame.emitAside(container.lastInnerEventId, "MapIterationStarted",
                        () -> iterationDetails(index));
                container.lastInnerEventId = iterationStarted;
                stopped.redrive(iterationStarted);
                return;
            }
            Frame iteration = new Frame(frame.run, frame, processor,
                    distributed ? VariableScope.root() : frame.variables.child(), this, container, item,
                    child != null ? child.started() : 0, child);
            running.put(index, iteration);
            startedFrames.put(index, iteration);
            if (!distributed) {
                iteration.lastEventId = frame.emitAside(container.lastInnerEventId, "MapIterationStarted",
                        () -> iterationDetails(index));
                container.lastInnerEventId = iteration.lastEventId;
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
            return setup.itemInput(itemScope, effective, value, index);
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
            ObjectNode d = Json.object();
            d.put("index", index);
            d.put("name", name);
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
            if (distributed) {
                iteration.child.succeeded(iteration.lastEventId, output);
                iteration.run.childEnded(iteration.child);
            } else {
                lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationSucceeded",
                        () -> iterationDetails(index));
            }
            inFlight--;
            finished++;
            launch();
        }

        @Override
        public void failed(Frame iteration, String error, String cause) {
            int index = indexOf(iteration);
            running.remove(index);
            if (distributed) {
                iteration.child.failed(iteration.lastEventId, error, cause);
                iteration.run.childEnded(iteration.child);
            } else {
                lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationFailed",
                        () -> iterationDetails(index));
            }
            if (children != null) {
                children.get(index).ended(run.frame.run.now(), "FAILED", null, error, cause);
            }
            inFlight--;
            finished++;
            failures++;
            if (tolerates()) {
                if (children == null) {
                    setResult(index, Json.errorOutput(error, cause));
                }
                launch();
                return;
            }
            boolean tolerating = distributed || toleratedCount >= 0 || toleratedPercentage >= 0;
            fail(tolerating ? Errors.EXCEED_TOLERATED_FAILURE_THRESHOLD : error,
                    tolerating ? "The specified tolerated failure threshold was exceeded" : cause, iteration.lastEventId);
        }

        private void setResult(int index, JsonNode result) {
            while (results.size() <= index) {
                results.add(null);
            }
            results.set(index, result);
        }

        private boolean tolerates() {
            if (toleratedCount < 0 && toleratedPercentage < 0) {
                return false;
            }
            boolean byCount = toleratedCount >= 0 && failures <= toleratedCount;
            boolean byPercentage = toleratedPercentage >= 0
                    && failures * 100.0 <= toleratedPercentage * items.size();
            return byCount || byPercentage;
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
                if (distributed) {
                    if (children != null) {
                        children.get(r.getKey()).ended(frame.run.now(), "ABORTED", null, null, null);
                    }
                    r.getValue().child.aborted();
                    r.getValue().run.childEnded(r.getValue().child);
                } else {
                    frame.emitAside(failureEventId, "MapIterationAborted", () -> iterationDetails(r.getKey()));
                }
            }
            running.clear();
            if (distributed) {
                frame.emit("MapRunFailed", () -> ChildExecution.errorDetails(error, cause));
                container.lastInnerEventId = frame.lastEventId;
                writeAfterFailure();
            }
            frame.lastEventId = container.lastInnerEventId;
            recovery.handle(MapStep.this, run, error, cause, () -> {
                run.frame.lastEventId = container.lastInnerEventId;
                attempt(run);
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
            if (distributed) {
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
                ObjectNode d = Json.object();
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
            ArrayNode result = Json.NODES.arrayNode(results.size());
            for (JsonNode r : results) {
                result.add(r);
            }
            return result;
        }

        /** The state's result with a ResultWriter: where the files went, or the results as WriterConfig shapes them. */
        private JsonNode writtenResults(boolean release) {
            if (!writing.exports()) {
                return writing.shape(children, names);
            }
            JsonNode parameters = setup.resultWriter(scope, effective);
            return writing.write(run.frame.run.options.s3(), parameters == null ? Json.object() : parameters,
                    mapRunId, names, children, release);
        }

        /**
         * AWS writes a failed Map Run's results too (the state fails all the same), once children ran:
         * a Map Run whose items could not be read writes nothing. Parameters that cannot be evaluated
         * then leave nothing written, as the Map Run's error is what the execution reports.
         */
        private void writeAfterFailure() {
            if (writing != null && writing.exports() && !children.isEmpty()) {
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
                    ObjectNode item = Json.object();
                    item.put("Index", index);
                    JsonNode value = items.get(index);
                    keepUnstarted(index, value);
                    record(index, ResultWriting.Child.pending(Json.text(inputOf(item, index, value))));
                }
            } catch (StateFailure unreadable) {
                // an item that cannot be read never becomes a child, pending or not
            }
        }

        private void succeed() {
            Frame frame = run.frame;
            if (distributed) {
                lastCompletionEventId = frame.emit("MapRunSucceeded", null);
            }
            frame.emitAside(lastCompletionEventId, "MapStateSucceeded", null);
            frame.lastEventId = lastCompletionEventId;
            JsonNode result;
            try {
                result = children != null ? writtenResults(true) : collect();
            } catch (StateFailure f) {
                Step.failFrame(frame, f);
                return;
            }
            complete(run, flow, scope, result, f -> Step.failFrame(frame, f));
        }
    }

    /**
     * An attempt's items (or batches). An inline Map keeps them all (a redrive starts some again); a
     * Distributed Map reads the next one from its ItemReader when an iteration starts and keeps none,
     * so its memory does not grow with the item count. Only a tolerated failure percentage needs the
     * count before the reader is done: then the rest is read ahead, and an item that cannot be read
     * fails the run when its turn comes, as it would have without the count.
     */
    private static final class Items {
        private final Iterator<JsonNode> source;
        private final List<JsonNode> kept;
        private final ArrayDeque<JsonNode> ahead = new ArrayDeque<>();
        private StateFailure unreadable;
        private int taken;

        Items(Iterator<JsonNode> source, boolean keep) {
            this.source = source;
            this.kept = keep ? new ArrayList<>() : null;
            if (keep) {
                source.forEachRemaining(kept::add);
            }
        }

        /** Whether item {@code index} exists; a Distributed Map asks only about the next one. */
        boolean has(int index) {
            return kept != null ? index < kept.size() : !ahead.isEmpty() || unreadable != null || source.hasNext();
        }

        JsonNode get(int index) {
            if (kept != null) {
                return kept.get(index);
            }
            if (ahead.isEmpty() && unreadable != null) {
                throw unreadable;
            }
            taken++;
            return ahead.isEmpty() ? source.next() : ahead.poll();
        }

        int size() {
            if (kept != null) {
                return kept.size();
            }
            if (unreadable == null) {
                try {
                    source.forEachRemaining(ahead::add);
                } catch (StateFailure f) {
                    unreadable = f;
                }
            }
            return taken + ahead.size();
        }
    }
}
