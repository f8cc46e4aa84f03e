package dev.aslunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.engine.CompiledStateMachine;
import dev.aslunit.internal.engine.ExecutionOptions;
import dev.aslunit.internal.engine.ExecutionRun;
import dev.aslunit.internal.engine.ExecutionStatus;
import dev.aslunit.internal.engine.S3ObjectStore;
import dev.aslunit.internal.engine.TaskOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.Optional;

/**
 * Issue 9's scale check, run by hand (never by the tests, so it is not a timed test): a Distributed
 * Map over {@code count} items read from the in-memory S3 as JSON Lines or CSV, with an
 * ItemBatcher (100 per batch), a mocked task and a ResultWriter. It prints the wall time, the heap's
 * peak (the sum of the heap pools' peaks, measured from after the object was put in S3, so the
 * object's own text is in it) and the heap still live after the run. See docs/performance.md.
 *
 * <pre>
 * mvn -B -o -q -DskipTests package
 * java -Xmx1g -cp target/test-classes:target/aslunit.jar dev.aslunit.bench.MillionItemMap jsonl 1000000
 * </pre>
 */
public final class MillionItemMap {

    private MillionItemMap() {
    }

    public static void main(String[] args) throws Exception {
        String type = args.length > 0 ? args[0] : "jsonl";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        boolean csv = "csv".equals(type);
        StringBuilder object = new StringBuilder(count * 48);
        if (csv) {
            object.append("id,name,amount\n");
        }
        for (int i = 0; i < count; i++) {
            if (csv) {
                object.append(i).append(",item-").append(i).append(',').append(i % 1000).append('\n');
            } else {
                object.append("{\"id\":").append(i).append(",\"name\":\"item-").append(i).append("\",\"amount\":")
                        .append(i % 1000).append("}\n");
            }
        }
        S3ObjectStore s3 = new S3ObjectStore().put("in", csv ? "items.csv" : "items.jsonl", object.toString());
        object = null;
        String definition = """
                {"StartAt": "Each", "States": {"Each": {"Type": "Map",
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                    "ReaderConfig": {"InputType": "%s"%s},
                    "Parameters": {"Bucket": "in", "Key": "%s"}},
                  "ItemBatcher": {"MaxItemsPerBatch": 100},
                  "MaxConcurrency": 40,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "Charge", "States": {"Charge": {"Type": "Task",
                      "Resource": "arn:aws:states:::lambda:invoke",
                      "Parameters": {"FunctionName": "charge", "Payload.$": "$"}, "End": true}}},
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                    "Parameters": {"Bucket": "out", "Prefix": "results"}},
                  "End": true}}}
                """.formatted(csv ? "CSV" : "JSONL", csv ? ", \"CSVHeaderLocation\": \"FIRST_ROW\"" : "",
                csv ? "items.csv" : "items.jsonl");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode ok = mapper.readTree("{\"StatusCode\": 200, \"Payload\": {\"ok\": true}}");
        CompiledStateMachine machine = CompiledStateMachine.compile(DefinitionReader.read(mapper.readTree(definition)), "Scale");
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long base = used();
        long t0 = System.nanoTime();
        ExecutionRun run = machine.start(ExecutionOptions.builder().input(mapper.createObjectNode())
                .executionName("scale").s3(s3).taskHandler(invocation -> Optional.of(TaskOutcome.succeeded(ok)))
                .build(), new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"))).awaitCompletion();
        long wall = System.nanoTime() - t0;
        if (run.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("ended " + run.status() + ": " + run.error() + " " + run.cause());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        System.out.printf("%s %,d items: %.2f s, heap before %d MiB, peak %d MiB, live after %d MiB, output %s%n",
                type, count, wall / 1e9, base >> 20, peak >> 20, used() >> 20, run.output());
    }

    private static long used() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
