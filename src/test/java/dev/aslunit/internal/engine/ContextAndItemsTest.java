package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.ExecutionStatus;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.types;
import static dev.aslunit.internal.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.StateMachineType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The context object, execution identity, callbacks, tolerated failures and the S3 item readers. */
class ContextAndItemsTest {

    @Test
    void the_context_object_names_execution_state_and_machine() {
        ExecutionRun r = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3,"Next":"P"},
                 "P":{"Type":"Pass","Parameters":{"c.$":"$$"},"End":true}}}""",
                ExecutionOptions.builder().input(json("{\"a\":1}")).executionName("run-1").build());
        JsonNode c = r.output().get("c");
        assertThat(c.get("Execution").get("Id").asText())
                .isEqualTo("arn:aws:states:us-east-1:111111111111:execution:Machine:run-1");
        assertThat(c.get("Execution").get("Input")).isEqualTo(json("{\"a\":1}"));
        assertThat(c.get("Execution").get("StartTime").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(c.get("Execution").get("RedriveCount").intValue()).isZero();
        assertThat(c.get("State").get("Name").asText()).isEqualTo("P");
        assertThat(c.get("State").get("EnteredTime").asText()).isEqualTo("2025-01-01T00:00:03.000Z");
        assertThat(c.get("State").has("RetryCount")).isFalse();
        assertThat(c.get("StateMachine").get("Name").asText()).isEqualTo("Machine");
        assertThat(r.history().get(0).details().get("roleArn").asText())
                .isEqualTo("arn:aws:iam::111111111111:role/aslunit-execution-role");
    }

    @Test
    void retry_count_shows_in_the_context_of_a_retried_task() {
        List<Integer> counts = new ArrayList<>();
        run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"n.$":"$$.State.RetryCount"},"Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1}],
                 "End":true}}}""", with("{}", inv -> {
                    counts.add(inv.parameters().get("n").intValue());
                    return Optional.of(counts.size() < 3 ? TaskOutcome.failed("E", null) : TaskOutcome.succeeded(json("1")));
                }).build());
        assertThat(counts).containsExactly(0, 1, 2);
    }

    @Test
    void express_executions_have_express_arns() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""",
                ExecutionOptions.builder().type(StateMachineType.EXPRESS).executionName("x").build());
        assertThat(r.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:express:Machine:x:");
    }

    @Test
    void a_token_task_fails_by_callback_and_refuses_unknown_tokens() {
        CompiledStateMachine m = Runs.compile("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sns:publish.waitForTaskToken",
                 "HeartbeatSeconds":60,"End":true}}}""");
        VirtualScheduler clock = new VirtualScheduler(Runs.T0);
        ExecutionRun r = m.start(with("{}", inv -> Optional.of(new TaskOutcome.NoAnswer())).build(), clock);
        clock.advanceBy(Duration.ofSeconds(50));
        assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
        String token = r.pendingTaskTokens().keySet().iterator().next();
        r.sendTaskHeartbeat(token);
        clock.advanceBy(Duration.ofSeconds(50));
        assertThat(r.status()).isEqualTo(ExecutionStatus.RUNNING);
        r.sendTaskFailure(token, "Rejected", "by a human");
        r.awaitCompletion();
        assertThat(r.error()).isEqualTo("Rejected");
        assertThat(r.cause()).isEqualTo("by a human");
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plusSeconds(100));
        assertThatThrownBy(() -> r.sendTaskSuccess(token, json("1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No task of execution");
    }

    @Test
    void tolerated_failures_let_a_distributed_map_succeed_within_the_threshold() {
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"C","States":{
                    "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":0,"Next":"F"}],"Default":"P"},
                    "F":{"Type":"Fail","Error":"Zero"},"P":{"Type":"Pass","End":true}}},"End":true}}}""";
        assertThat(run(def, "[1,0,2]").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        ExecutionRun r = run(def, "[0,0,1]");
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(types(r)).containsSubsequence("MapRunStarted", "MapRunFailed", "MapStateFailed");
    }

    @Test
    void item_readers_read_json_lines_object_lists_and_stop_at_max_items() {
        S3ObjectStore s3 = new S3ObjectStore().put("b", "a.jsonl", "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")
                .put("b", "data/x.txt", "hello").put("b", "data/y.txt", "hi");
        String reader = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":%s,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
        ExecutionRun lines = run(reader.formatted("""
                {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL","MaxItems":2},
                 "Parameters":{"Bucket":"b","Key":"a.jsonl"}}"""), ExecutionOptions.builder().s3(s3).build());
        assertThat(lines.output()).isEqualTo(json("[{\"n\":1},{\"n\":2}]"));
        ExecutionRun listing = run(reader.formatted("""
                {"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"b","Prefix":"data/"}}"""),
                ExecutionOptions.builder().s3(s3).build());
        assertThat(listing.output().get(0).get("Key").asText()).isEqualTo("data/x.txt");
        assertThat(listing.output().get(1).get("Size").intValue()).isEqualTo(2);
        ExecutionRun missing = run(reader.formatted("""
                {"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"nope"}}"""),
                ExecutionOptions.builder().s3(s3).build());
        assertThat(missing.error()).isEqualTo("States.ItemReaderFailed");
    }

    @Test
    void listing_a_bucket_nobody_created_fails_and_an_empty_bucket_lists_no_items() {
        String listing = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2",
                  "Parameters":{"Bucket":"b","Prefix":"data/"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";
        S3ObjectStore s3 = new S3ObjectStore();

        ExecutionRun noBucket = run(listing, ExecutionOptions.builder().s3(s3).build());
        assertThat(noBucket.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(noBucket.cause()).isEqualTo("The specified bucket does not exist. (Bucket: b)");

        s3.createBucket("b").put("b", "other/x.txt", "x");
        ExecutionRun empty = run(listing, ExecutionOptions.builder().s3(s3).build());
        assertThat(empty.output()).isEqualTo(json("[]"));
    }

    @Test
    void a_result_writer_puts_results_and_a_manifest_in_s3() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","Label":"L",
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"p"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                ExecutionOptions.builder().input(json("[1,2]")).s3(s3).build());
        String key = r.output().get("ResultWriterDetails").get("Key").asText();
        assertThat(key).startsWith("p/").endsWith("/manifest.json");
        assertThat(r.output().get("MapRunArn").asText()).contains(":mapRun:Machine/L:");
        JsonNode manifest = json(s3.get("out", key));
        String results = manifest.get("ResultFiles").get("SUCCEEDED").get(0).get("Key").asText();
        assertThat(json(s3.get("out", results)).get(1).get("Output").asText()).isEqualTo("2");
    }
}
