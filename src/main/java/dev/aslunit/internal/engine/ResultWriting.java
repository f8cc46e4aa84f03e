package dev.aslunit.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aslunit.internal.json.JsonWriting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Distributed Map's {@code ResultWriter}, as AWS's developer guide describes it ("ResultWriter
 * (Map)"): with {@code Resource} and {@code Parameters} the child executions go to S3 under
 * {@code Prefix/<map run id>/}, those that succeeded in {@code SUCCEEDED_0.json}, those that failed,
 * timed out or were aborted in {@code FAILED_0.json}, the items a failed Map Run never started in
 * {@code PENDING_0.json}, with a {@code manifest.json} naming the files;
 * {@code WriterConfig} shapes the entries ({@code Transformation}: {@code NONE} each child's metadata
 * and output, {@code COMPACT} the outputs, {@code FLATTEN} the outputs with arrays spread;
 * {@code OutputType}: a JSON array or JSON Lines). Without {@code Resource}, {@code WriterConfig}
 * shapes the state's result instead.
 */
final class ResultWriting {

    private final boolean exports;
    private final String transformation;
    private final boolean jsonLines;

    private ResultWriting(boolean exports, String transformation, boolean jsonLines) {
        this.exports = exports;
        this.transformation = transformation;
        this.jsonLines = jsonLines;
    }

    /**
     * The writer a state's {@code ResultWriter} describes, or {@code null} without one. AWS's defaults:
     * {@code NONE} when the results go to S3, {@code COMPACT} (the plain outputs) when they do not.
     */
    static ResultWriting of(JsonNode resultWriter) {
        if (resultWriter == null || !resultWriter.isObject()) {
            return null;
        }
        boolean exports = resultWriter.has("Resource");
        JsonNode config = resultWriter.path("WriterConfig");
        String transformation = config.path("Transformation").asText(exports ? "NONE" : "COMPACT");
        return new ResultWriting(exports, transformation, "JSONL".equals(config.path("OutputType").asText()));
    }

    boolean exports() {
        return exports;
    }

    /** One child execution as the result files report it. */
    static final class Child {
        final String name;
        /**
         * The input as text: the files hold it so, and text keeps less than a tree while the Map runs.
         */
        final String input;
        final Instant start;
        final int redriveCount;
        Instant stop;
        String status;
        JsonNode output;
        String error;
        String cause;

        Child(String name, String input, Instant start, int redriveCount) {
            this.name = name;
            this.input = input;
            this.start = start;
            this.redriveCount = redriveCount;
        }

        /** An item the failed Map Run never started: there is no execution, only its input. */
        static Child pending(String input) {
            Child c = new Child(null, input, null, 0);
            c.status = "PENDING";
            return c;
        }

        void ended(Instant at, String status, JsonNode output, String error, String cause) {
            this.stop = at;
            this.status = status;
            this.output = output;
            this.error = error;
            this.cause = cause;
        }

        boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }
    }

    /**
     * {@code Transformation: NONE}'s entry, the fields in AWS's (alphabetical) order: a child that did
     * not succeed has its {@code Error}/{@code Cause} and no {@code Output}, and the Map Run can redrive it;
     * an item never started has only its input and {@code PENDING}.
     */
    static ObjectNode entry(Child c, MapRunNames names) {
        ObjectNode e = EngineJson.object();
        if ("PENDING".equals(c.status)) {
            e.put("Input", c.input);
            e.set("InputDetails", included());
            e.put("Status", c.status);
            return e;
        }
        if (!c.succeeded()) {
            if (c.cause != null) {
                e.put("Cause", c.cause);
            }
            if (c.error != null) {
                e.put("Error", c.error);
            }
        }
        e.put("ExecutionArn", names.childArn(c.name));
        e.put("Input", c.input);
        e.set("InputDetails", included());
        e.put("Name", c.name);
        if (c.succeeded()) {
            e.put("Output", EngineJson.text(c.output));
        }
        e.set("OutputDetails", included());
        e.put("RedriveCount", c.redriveCount);
        if (c.succeeded()) {
            e.put("RedriveStatus", "NOT_REDRIVABLE");
            e.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
        } else {
            e.put("RedriveStatus", "REDRIVABLE_BY_MAP_RUN");
        }
        e.put("StartDate", ExecutionRun.CONTEXT_TIME.format(c.start));
        e.put("StateMachineArn", names.stateMachineArn());
        e.put("Status", c.status);
        e.put("StopDate", ExecutionRun.CONTEXT_TIME.format(c.stop));
        return e;
    }

    private static ObjectNode included() {
        return EngineJson.object().put("Included", true);
    }

    /**
     * The entries of the children, as the transformation shapes them: a child that did not succeed
     * keeps its {@code NONE} entry whatever the transformation, as AWS documents.
     */
    ArrayNode shape(List<Child> children, MapRunNames names) {
        ArrayNode out = EngineJson.NODES.arrayNode();
        for (Child c : children) {
            shape(c, names, out::add);
        }
        return out;
    }

    private void shape(Child c, MapRunNames names, Consumer<JsonNode> to) {
        if (!c.succeeded() || "NONE".equals(transformation)) {
            to.accept(entry(c, names));
        } else if ("FLATTEN".equals(transformation) && c.output.isArray()) {
            c.output.forEach(to);
        } else {
            to.accept(c.output);
        }
    }

    /**
     * Writes the result files and the manifest and returns the state's result: the Map Run's ARN and
     * where the manifest is. The children keep their inputs: a redrive writes the files again, after
     * a failed Map Run and after a Map Run that succeeded but whose state then failed.
     */
    JsonNode write(S3ObjectStore s3, JsonNode parameters, String mapRunId, MapRunNames names, List<Child> children) {
        String bucket = parameters.path("Bucket").asText();
        String prefix = parameters.path("Prefix").asText("");
        String base = (prefix.isEmpty() ? "" : prefix + "/") + mapRunId + "/";
        List<Child> succeeded = new ArrayList<>();
        List<Child> failed = new ArrayList<>();
        List<Child> pending = new ArrayList<>();
        for (Child c : children) {
            if (c != null && c.status != null) {
                (c.succeeded() ? succeeded : "PENDING".equals(c.status) ? pending : failed).add(c);
            }
        }
        ObjectNode manifest = EngineJson.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", names.mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        writeFile(s3, bucket, base + "FAILED_0.json", failed, names, files.putArray("FAILED"));
        writeFile(s3, bucket, base + "PENDING_0.json", pending, names, files.putArray("PENDING"));
        writeFile(s3, bucket, base + "SUCCEEDED_0.json", succeeded, names, files.putArray("SUCCEEDED"));
        s3.put(bucket, base + "manifest.json", EngineJson.text(manifest));
        ObjectNode out = EngineJson.object();
        out.put("MapRunArn", names.mapRunArn);
        ObjectNode details = out.putObject("ResultWriterDetails");
        details.put("Bucket", bucket);
        details.put("Key", base + "manifest.json");
        return out;
    }

    /**
     * A file for a status that has entries, listed in the manifest with its size in bytes. Written an
     * entry at a time: the file can hold every item's input (a million items' worth), so it is made
     * into a buffer sized for the inputs, with no tree of all its entries and no second copy to count
     * its bytes.
     */
    private void writeFile(S3ObjectStore s3, String bucket, String key, List<Child> children, MapRunNames names,
            ArrayNode listed) {
        if (children.isEmpty()) {
            return;
        }
        long expected = 2;
        for (Child c : children) {
            // an entry: the input, its quotes escaped, and some 400 characters of ARNs, dates and output
            expected += (c.input.length() * 5L) / 4 + 512;
        }
        StringBuilder text = new StringBuilder((int) Math.min(expected, Integer.MAX_VALUE - 16));
        if (!jsonLines) {
            text.append('[');
        }
        for (Child c : children) {
            shape(c, names, e -> {
                if (!jsonLines && text.length() > 1) {
                    text.append(',');
                }
                text.append(EngineJson.text(e));
                if (jsonLines) {
                    text.append('\n');
                }
            });
        }
        if (!jsonLines) {
            text.append(']');
        }
        s3.put(bucket, key, text.toString());
        listed.addObject().put("Key", key).put("Size", JsonWriting.utf8Length(text));
    }
}
