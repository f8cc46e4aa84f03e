package dev.aslunit.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Map (inline): runs the item processor once per item, at most {@code MaxConcurrency} at a time
 * (0: all), in index order; an iteration runs until it waits, then the next one starts. Results
 * keep the items' order. A failed iteration stops the others, unless the failures stay within the
 * tolerated count or percentage.
 */
final class MapStep extends Step {

    /** How a Map state finds its items and its limits, in its query language. */
    interface Setup {
        /** The items to process, from the state's effective input. */
        ArrayNode items(Scope scope, JsonNode effective);

        /** An iteration's input, from the item (ItemSelector/Parameters, else the item itself). */
        JsonNode itemInput(Scope scope, JsonNode effective, JsonNode item, int index);

        int maxConcurrency(Scope scope, JsonNode effective);

        /** Tolerated failures as a count, or -1 when none is set. */
        int toleratedFailureCount(Scope scope, JsonNode effective);

        /** Tolerated failures in percent, or -1 when none is set. */
        double toleratedFailurePercentage(Scope scope, JsonNode effective);
    }

    private final CompiledMachine processor;
    private final Flow flow;
    private final Setup setup;
    final Recovery recovery;

    MapStep(String name, CompiledMachine processor, Flow flow, Setup setup, Recovery recovery) {
        super(name, "Map");
        this.processor = processor;
        this.flow = flow;
        this.setup = setup;
        this.recovery = recovery;
    }

    @Override
    void enter(Frame frame, JsonNode input) {
        attempt(entered(frame, input));
    }

    private void attempt(StateRun run) {
        Scope scope = new Scope(run, run.input);
        Iterations iterations;
        try {
            JsonNode effective = flow.input(scope, run.input);
            ArrayNode items = setup.items(scope, effective);
            int max = setup.maxConcurrency(scope, effective);
            int count = setup.toleratedFailureCount(scope, effective);
            double percentage = setup.toleratedFailurePercentage(scope, effective);
            iterations = new Iterations(run, scope, effective, items, max, count, percentage);
        } catch (StateFailure f) {
            recovery.handle(this, run, f.error(), f.cause(), () -> attempt(run), null);
            return;
        }
        iterations.start();
    }

    /** The iterations of one attempt. */
    private final class Iterations implements Frame.Listener {
        private final StateRun run;
        private final Scope scope;
        private final JsonNode effective;
        private final ArrayNode items;
        private final int maxConcurrency;
        private final int toleratedCount;
        private final double toleratedPercentage;
        private final JsonNode[] results;
        private final Frame[] running;
        private Frame.Container container;
        private int nextIndex;
        private int inFlight;
        private int finished;
        private int failures;
        private long lastCompletionEventId;
        private boolean failed;
        private boolean launching;

        Iterations(StateRun run, Scope scope, JsonNode effective, ArrayNode items, int maxConcurrency,
                int toleratedCount, double toleratedPercentage) {
            this.run = run;
            this.scope = scope;
            this.effective = effective;
            this.items = items;
            this.maxConcurrency = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
            this.toleratedCount = toleratedCount;
            this.toleratedPercentage = toleratedPercentage;
            this.results = new JsonNode[items.size()];
            this.running = new Frame[items.size()];
        }

        void start() {
            ObjectNode d = Json.object();
            d.put("length", items.size());
            long started = run.frame.emit("MapStateStarted", d);
            container = new Frame.Container(started);
            lastCompletionEventId = started;
            launch();
        }

        private void launch() {
            if (launching) {
                return;
            }
            launching = true;
            try {
                while (!failed && run.frame.isLive() && inFlight < maxConcurrency && nextIndex < items.size()) {
                    startIteration(nextIndex++);
                }
            } finally {
                launching = false;
            }
            if (!failed && finished == items.size() && run.frame.isLive()) {
                succeed();
            }
        }

        private void startIteration(int index) {
            Frame frame = run.frame;
            ObjectNode item = Json.object();
            item.put("Index", index);
            item.set("Value", items.get(index));
            JsonNode input;
            try {
                scope.mapItem = item;
                input = setup.itemInput(scope, effective, items.get(index), index);
            } catch (StateFailure f) {
                fail(f.error(), f.cause());
                return;
            } finally {
                scope.mapItem = null;
            }
            inFlight++;
            Frame iteration = new Frame(frame.run, frame, processor, new Variables(frame.variables), this, container,
                    item, 0);
            running[index] = iteration;
            iteration.lastEventId = frame.emitAside(container.lastInnerEventId, "MapIterationStarted",
                    iterationDetails(index));
            container.lastInnerEventId = iteration.lastEventId;
            iteration.start(input);
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
            running[index] = null;
            results[index] = output;
            lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationSucceeded",
                    iterationDetails(index));
            inFlight--;
            finished++;
            launch();
        }

        @Override
        public void failed(Frame iteration, String error, String cause) {
            int index = indexOf(iteration);
            running[index] = null;
            lastCompletionEventId = run.frame.emitAside(iteration.lastEventId, "MapIterationFailed",
                    iterationDetails(index));
            inFlight--;
            finished++;
            failures++;
            if (tolerates()) {
                results[index] = Json.errorOutput(error, cause);
                launch();
                return;
            }
            boolean tolerating = toleratedCount >= 0 || toleratedPercentage >= 0;
            fail(tolerating ? Errors.EXCEED_TOLERATED_FAILURE_THRESHOLD : error,
                    tolerating ? "The specified tolerated failure threshold was exceeded" : cause);
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

        private void fail(String error, String cause) {
            if (failed) {
                return;
            }
            failed = true;
            Frame frame = run.frame;
            for (int i = 0; i < running.length; i++) {
                if (running[i] != null) {
                    running[i].stop();
                    frame.emitAside(running[i].lastEventId, "MapIterationAborted", iterationDetails(i));
                    running[i] = null;
                }
            }
            frame.lastEventId = container.lastInnerEventId;
            recovery.handle(MapStep.this, run, error, cause, () -> {
                run.frame.lastEventId = container.lastInnerEventId;
                attempt(run);
            }, () -> frame.emit("MapStateFailed", null));
        }

        private void succeed() {
            Frame frame = run.frame;
            frame.emitAside(lastCompletionEventId, "MapStateSucceeded", null);
            frame.lastEventId = lastCompletionEventId;
            ArrayNode result = Json.NODES.arrayNode(results.length);
            for (JsonNode r : results) {
                result.add(r);
            }
            JsonNode output;
            ObjectNode assigned;
            try {
                scope.result = result;
                output = flow.output(scope, run.input, result);
                assigned = flow.assign(scope, result);
            } catch (StateFailure f) {
                Step.failFrame(frame, f);
                return;
            }
            exited(frame, output, assigned);
            assign(frame, assigned);
            proceed(frame, output);
        }
    }
}
