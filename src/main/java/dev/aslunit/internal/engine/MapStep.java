package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.json.JsonWriting;
import java.util.Iterator;

/**
 * Map: runs the item processor once per item, at most {@code MaxConcurrency} at a time
 * (0: all), in index order; an iteration runs until it waits, then the next one starts. Results
 * keep the items' order. A failed iteration stops the others, unless the failures stay within the
 * tolerated count or percentage. Each attempt's iterations are an {@link InlineIterations} or, for
 * a Distributed Map, a {@link MapRun} of child executions.
 */
final class MapStep extends Step implements Step.Retrying {

    /** "In Inline mode, the Map state supports up to 40 concurrent iterations": the others wait their turn. */
    static final int MAX_INLINE_ITERATIONS = 40;
    /** A Distributed Map runs "up to 10,000 parallel child workflow executions". */
    static final int MAX_CHILD_EXECUTIONS = 10_000;

    /** How a Map state finds its items and its limits, in its query language. */
    interface Setup {
        /** The items to process, from the state's effective input (when there is no ItemReader). */
        ArrayNode items(Scope scope, JsonNode effective);

        /** The ItemReader's items, read one at a time as iterations start, at most {@code maxItems} (0: all). */
        Iterator<JsonNode> read(Scope scope, JsonNode effective, int maxItems);

        /**
         * The ItemReader's {@code MaxItems} or {@code MaxItemsPath}, 0 when neither is set. A value that
         * is no integer fails here, before the Map Run starts; a negative one is returned, and the
         * reader fails the Map Run with it.
         */
        int maxItems(Scope scope, JsonNode effective);

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

    final CompiledMachine processor;
    final Flow flow;
    final Setup setup;
    /** Which iterations an attempt makes: the one place that tells an inline Map from a Distributed Map. */
    private final boolean distributed;
    /** A Distributed Map's {@code ProcessorConfig.ExecutionType} is {@code EXPRESS}: a redrive starts its children anew. */
    final boolean expressChildren;
    final String label;
    /** The {@code ResultWriter}, or {@code null} without one; only a {@link MapRun} writes results. */
    final ResultWriting writing;
    final Recovery recovery;

    MapStep(String name, CompiledMachine processor, Flow flow, Setup setup, boolean distributed,
            boolean expressChildren, String label, ResultWriting writing, Recovery recovery) {
        super(name, "Map");
        this.writing = writing;
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
     * of at most {@code perBatch} items and, when {@code maxBytes} bounds them, at most that many bytes
     * of the child's whole input, {@code {"BatchInput": ..., "Items": [...]}} as UTF-8 JSON text: AWS
     * "reduces the number of items in a batch" to stay within it. An item that exceeds the bound on its
     * own fails the Map Run (ASLUnit's choice: AWS documents no case). A batch is made when its
     * iteration starts.
     */
    static Iterator<JsonNode> batch(Setup setup, Scope scope, JsonNode effective, Iterator<JsonNode> items,
            int perBatch, int maxBytes, JsonNode shared) {
        boolean bounded = maxBytes != Integer.MAX_VALUE;
        return new Iterator<>() {
            private int k;
            /** The input made for the previous batch that did not fit in it: the next batch's first. */
            private JsonNode pending;

            @Override
            public boolean hasNext() {
                return pending != null || items.hasNext();
            }

            @Override
            public JsonNode next() {
                ObjectNode batch = EngineJson.object();
                if (shared != null) {
                    batch.set("BatchInput", shared);
                }
                ArrayNode inBatch = batch.putArray("Items");
                long size = bounded ? JsonWriting.utf8Length(EngineJson.text(batch)) : 0;
                while (inBatch.size() < perBatch && hasNext()) {
                    JsonNode input = pending != null ? pending : input();
                    pending = null;
                    if (bounded) {
                        // the item's text, and a comma after the first
                        long added = JsonWriting.utf8Length(EngineJson.text(input)) + (inBatch.isEmpty() ? 0 : 1);
                        if (size + added > maxBytes) {
                            if (inBatch.isEmpty()) {
                                throw new StateFailure(Errors.RUNTIME, scope.state.causePrefix() + "The item at index "
                                        + (k - 1) + " does not fit in a batch of MaxInputBytesPerBatch " + maxBytes
                                        + " bytes: the batch holding it alone is " + (size + added) + " bytes.");
                            }
                            pending = input;
                            break;
                        }
                        size += added;
                    }
                    inBatch.add(input);
                }
                return batch;
            }

            private JsonNode input() {
                JsonNode value = items.next();
                Scope itemScope = new Scope(scope.state, effective);
                ObjectNode item = EngineJson.object();
                item.put("Index", k);
                item.set("Value", value);
                itemScope.mapItem = item;
                return setup.itemInput(itemScope, effective, value, k++);
            }
        };
    }

    void attempt(StateRun run) {
        // until this attempt's iterations have started, a redrive enters the state again
        run.frame.attempting(null);
        Scope scope = new Scope(run, run.input);
        JsonNode effective;
        ArrayNode items;
        try {
            effective = flow.input(scope, run.input);
            items = setup.readsItems() ? null : setup.items(scope, effective);
        } catch (StateFailure f) {
            // States.Runtime ends the execution at once: AWS writes no MapStateFailed before ExecutionFailed
            recovery.handle(this, run, f.error(), f.cause(), () -> attempt(run), Errors.isTerminal(f.error()) ? null
                    : () -> run.frame.emit("MapStateFailed", null));
            return;
        }
        MapIterations iterations = distributed ? new MapRun(this, run, scope, effective)
                : new InlineIterations(this, run, scope, effective);
        iterations.begin(items);
    }

    /** Writes {@code MapStateStarted} and the attempt's fact; returns the event's id. */
    long started(StateRun run, ArrayNode items) {
        long started = run.frame.emit("MapStateStarted", () -> {
            ObjectNode d = EngineJson.object();
            d.put("length", items == null ? 0 : items.size());
            return d;
        });
        record(run, new Fact.AttemptStarted(run.visit, run.frame.run.now(), null, null));
        return started;
    }

}
