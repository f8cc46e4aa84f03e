package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.jsonata.VariableScope;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Map Run of one attempt of a Distributed Map: its {@code MapRun*} events in the parent's
 * history, one child execution per item (or batch), which starts with no variables and writes no
 * events into the parent's history; the ResultWriter's results; and a redrive of the Map Run.
 */
final class MapRun extends MapIterations {
    private String mapRunId;
    /** The Map Run's ARN and how it names its children. */
    private MapRunNames names;
    /** With a ResultWriter, each child execution by index (its result is there, not in the results). */
    private final ArrayList<ResultWriting.Child> children;
    /**
     * The items taken from the reader but never started (the failed Map Run read them for
     * {@code PENDING_0.json}, or their input could not be made), by index; {@code null} while there
     * are none. It reads each item once, so a redrive starts them from here.
     */
    private TreeMap<Integer, JsonNode> unstarted;
    /** How often this Map Run has been redriven ({@code MapRunRedriven}'s {@code redriveCount}). */
    private int mapRunRedrives;

    MapRun(MapStep map, StateRun run, Scope scope, JsonNode effective) {
        super(map, run, scope, effective, MapStep.MAX_CHILD_EXECUTIONS, false);
        this.children = map.writing == null ? null : new ArrayList<>();
    }

    /** AWS checks a Distributed Map's limits once the state has started. */
    @Override
    void begin(ArrayNode given) {
        long started = map.started(run, given);
        if (limits()) {
            start(started, given);
        }
    }

    @Override
    void runStarted() {
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

    /** On a redrive too, after the children to start again, the items the reader had not reached. */
    @Override
    boolean startsNext() {
        return items.has(nextIndex);
    }

    @Override
    void startIteration(int index, ObjectNode item, Frame stopped) {
        Frame frame = run.frame;
        JsonNode input;
        if (stopped != null) {
            input = stopped.child.input();
        } else {
            JsonNode value = unstarted == null ? null : unstarted.remove(index);
            try {
                if (value == null) {
                    value = items.get(index);
                }
                input = inputOf(item, index, value);
            } catch (StateFailure f) {
                if (value != null) {
                    keepUnstarted(index, value);
                }
                fail(f.error(), f.cause(), container.lastInnerEventId);
                return;
            }
        }
        inFlight++;
        if (stopped != null && !map.expressChildren && stopped.canRedrive()) {
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
        ChildExecution child = frame.run.childExecution(map.name, names, index, input);
        if (children != null) {
            record(index, new ResultWriting.Child(child.name(), EngineJson.text(input), frame.run.now(), 0));
        }
        Frame iteration = new Frame(frame.run, frame, map.processor, VariableScope.root(), this, container, item,
                child.started(), child);
        running.put(index, iteration);
        startedFrames.put(index, iteration);
        iteration.start(input);
    }

    /** A child execution writes nothing into this history: each one runs as it starts. */
    @Override
    boolean startAnnounced() {
        return false;
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

    @Override
    void keepOutput(int index, JsonNode output) {
        if (children != null) {
            children.get(index).ended(run.frame.run.now(), "SUCCEEDED", output, null, null);
        } else {
            setResult(index, output);
        }
    }

    @Override
    void iterationSucceeded(Frame iteration, int index, JsonNode output) {
        iteration.child.succeeded(iteration.lastEventId, output);
        iteration.run.childEnded(iteration.child);
    }

    @Override
    void iterationFailed(Frame iteration, int index, String error, String cause) {
        iteration.child.failed(iteration.lastEventId, error, cause);
        iteration.run.childEnded(iteration.child);
        if (children != null) {
            children.get(index).ended(run.frame.run.now(), "FAILED", null, error, cause);
        }
    }

    @Override
    void keepTolerated(int index, String error, String cause) {
        if (children == null) {
            setResult(index, EngineJson.errorOutput(error, cause));
        }
    }

    /** A Map Run that fails for a child fails with {@code States.ExceedToleratedFailureThreshold}, tolerance set or not. */
    @Override
    boolean failsAsThreshold(ToleratedFailures tolerance) {
        return true;
    }

    @Override
    void iterationAborted(int index, Frame iteration, long failureEventId) {
        if (children != null) {
            children.get(index).ended(run.frame.run.now(), "ABORTED", null, null, null);
        }
        iteration.child.aborted();
        iteration.run.childEnded(iteration.child);
    }

    @Override
    void runFailed(String error, String cause) {
        run.frame.emit("MapRunFailed", () -> ChildExecution.errorDetails(error, cause));
        container.lastInnerEventId = run.frame.lastEventId;
        writeAfterFailure();
    }

    /**
     * A Distributed Map's redrive, as AWS redrives its Map Run ("Redriving Map Runs"): the same
     * Map Run ({@code MapRunRedriven}) runs again only its children that failed or were aborted,
     * then the items it never started; the children that succeeded keep their results.
     */
    @Override
    void redriveIterations() {
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

    /** The state's result with a ResultWriter: where the files went, or the results as WriterConfig shapes them. */
    private JsonNode writtenResults() {
        if (!map.writing.exports()) {
            return map.writing.shape(children, names);
        }
        JsonNode parameters = map.setup.resultWriter(scope, effective);
        return map.writing.write(run.frame.run.options.s3(), parameters == null ? EngineJson.object() : parameters,
                mapRunId, names, children);
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
                writtenResults();
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

    @Override
    void runSucceeded() {
        lastCompletionEventId = run.frame.emit("MapRunSucceeded", null);
    }

    @Override
    JsonNode result() {
        return children != null ? writtenResults() : collect();
    }
}
