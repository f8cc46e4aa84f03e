package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.types;
import static dev.aslunit.internal.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parallel, inline Map and Distributed Map. */
class ParallelAndMapTest {

    @Test
    void parallel_outputs_the_branch_outputs_in_branch_order() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"Next":"A"},
                                           "A":{"Type":"Pass","Result":"a","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}]}}}""", "{}");
        assertThat(r.output()).isEqualTo(json("[\"a\",\"b\"]"));
        assertThat(types(r)).containsSubsequence("ParallelStateEntered:P", "ParallelStateStarted",
                "WaitStateEntered:W", "PassStateEntered:B", "PassStateExited:B", "WaitStateExited:W",
                "ParallelStateSucceeded", "ParallelStateExited:P");
    }

    @Test
    void a_failing_branch_stops_the_others_and_can_be_caught() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","Next":"Done",
                  "Catch":[{"ErrorEquals":["Boom"],"Next":"Caught"}],"Branches":[
                  {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"Next":"Late"},
                                           "Late":{"Type":"Pass","End":true}}},
                  {"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom","Cause":"bad"}}}]},
                 "Done":{"Type":"Succeed"},"Caught":{"Type":"Pass","End":true}}}""", "{}");
        assertThat(r.output()).isEqualTo(json("{\"Error\":\"Boom\",\"Cause\":\"bad\"}"));
        assertThat(types(r)).doesNotContain("PassStateEntered:Late").containsSubsequence("FailStateEntered:F",
                "WaitStateAborted", "ParallelStateFailed", "ParallelStateExited:P");
    }

    @Test
    void map_iterates_in_order_with_item_context_and_keeps_result_order() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs","MaxConcurrency":1,
                  "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
                  "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "{\"xs\":[\"a\",\"b\"],\"k\":1}");
        assertThat(r.output()).isEqualTo(json("[{\"i\":0,\"v\":\"a\",\"k\":1},{\"i\":1,\"v\":\"b\",\"k\":1}]"));
        assertThat(types(r)).containsExactly("ExecutionStarted", "MapStateEntered:M", "MapStateStarted",
                "MapIterationStarted:M", "PassStateEntered:P", "PassStateExited:P", "MapIterationSucceeded:M",
                "MapIterationStarted:M", "PassStateEntered:P", "PassStateExited:P", "MapIterationSucceeded:M",
                "MapStateSucceeded", "MapStateExited:M", "ExecutionSucceeded");
        // AWS's links: the next iteration follows the last state event of the previous one
        assertThat(Runs.previousIds(r)).containsExactly(0L, 0L, 2L, 3L, 4L, 5L, 6L, 6L, 8L, 9L, 10L, 11L, 11L, 13L);
    }

    @Test
    void max_concurrency_bounds_the_iterations_in_flight() {
        List<Integer> inFlight = new ArrayList<>();
        int[] running = {0};
        String def = """
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,
                  "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task",
                    "Resource":"arn:aws:states:::lambda:invoke","End":true}}},"End":true}}}""";
        ExecutionRun r = run(def, with("[1,2,3,4,5]", inv -> {
            inFlight.add(++running[0]);
            return Optional.of(new TaskOutcome.Succeeded(inv.parameters(), java.time.Duration.ofSeconds(10)));
        }).build());
        assertThat(r.output()).isEqualTo(json("[1,2,3,4,5]"));
        assertThat(java.time.Duration.between(r.startTime(), r.stopTime()).getSeconds()).isEqualTo(30);
    }

    @Test
    void a_failed_iteration_aborts_the_iterations_in_flight_and_counts_invocations_per_state() {
        List<Integer> invocations = new ArrayList<>();
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:states:::lambda:invoke","End":true}}},"End":true}}}""",
                with("[10,1]", inv -> {
                    invocations.add(inv.invocation());
                    int n = inv.parameters().intValue();
                    return Optional.of(n == 1 ? new TaskOutcome.Failed("Boom", "x", Duration.ofSeconds(1))
                            : new TaskOutcome.Succeeded(inv.parameters(), Duration.ofSeconds(n)));
                }).build());
        assertThat(invocations).containsExactly(0, 1);
        assertThat(r.error()).isEqualTo("Boom");
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plusSeconds(1));
        assertThat(types(r)).containsSubsequence("TaskFailed", "MapIterationFailed:M", "TaskStateAborted",
                "MapIterationAborted:M", "MapStateFailed", "ExecutionFailed");
    }

    @Test
    void a_failed_iteration_fails_the_map_with_its_error() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map",
                  "ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","Cause":"c"}}},"End":true}}}""",
                "[1,2]");
        assertThat(r.error()).isEqualTo("E");
        assertThat(types(r)).containsSubsequence("MapIterationFailed:M", "MapStateFailed", "ExecutionFailed");
    }

    @Test
    void interleaved_branches_and_iterations_give_the_same_history_every_time() {
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"ItemProcessor":{"StartAt":"T",
                    "States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"id.$":"States.UUID()"},
                    "Retry":[{"ErrorEquals":["States.ALL"],"JitterStrategy":"FULL","IntervalSeconds":5}],"End":true}}},
                    "End":true}}},
                  {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":7,"End":true}}}]}}}""";
        TaskHandler flaky = inv -> Optional.of(inv.attempt() == 0 ? new TaskOutcome.Failed("E", "x", Duration.ofSeconds(3))
                : new TaskOutcome.Succeeded(inv.parameters(), Duration.ofSeconds(inv.invocation())));
        ExecutionOptions o = with("[1,2,3,4]", flaky).seed(9).executionName("same").build();
        String first = dev.aslunit.internal.history.HistoryJson.toJson(run(def, o).history()).toString();
        assertThat(dev.aslunit.internal.history.HistoryJson.toJson(run(def, o).history()).toString()).isEqualTo(first);
        assertThat(first).contains("MapIterationStarted", "WaitStateExited");
    }

    @Test
    void a_distributed_map_summarises_its_children_as_a_map_run() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                  "Parameters":{"Bucket":"b","Key":"k.csv"}},
                  "ItemBatcher":{"MaxItemsPerBatch":2},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                ExecutionOptions.builder().s3(new S3ObjectStore().put("b/k.csv", "a,b\n1,2\n\"x,y\",3\n5,6\n"))
                        .build());
        assertThat(r.output()).isEqualTo(json("[{\"Items\":[{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"x,y\",\"b\":\"3\"}]},"
                + "{\"Items\":[{\"a\":\"5\",\"b\":\"6\"}]}]"));
        assertThat(types(r)).containsExactly("ExecutionStarted", "MapStateEntered:M", "MapStateStarted",
                "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited:M", "ExecutionSucceeded");
    }

    @Test
    void a_csv_item_reader_reads_rows_one_at_a_time_as_slots_free_and_stops_at_max_items() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":4},
                  "Parameters":{"Bucket":"b","Key":"k.csv"}},
                  "ItemBatcher":{"MaxItemsPerBatch":3},"MaxConcurrency":1,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                ExecutionOptions.builder().s3(new S3ObjectStore().put("b/k.csv",
                        "a,b\r\n1,2\r\n\r\n\"line\nbreak\",\"say \"\"hi\"\"\"\n3,\n4,5\n6,7\n")).build());
        assertThat(r.output()).isEqualTo(json("""
                [{"Items":[{"a":"1","b":"2"},{"a":"line\\nbreak","b":"say \\"hi\\""},{"a":"3","b":""}]},
                 {"Items":[{"a":"4","b":"5"}]}]"""));
    }

    @ParameterizedTest
    @CsvSource({"25, SUCCEEDED", "20, FAILED"})
    void a_tolerated_failure_percentage_counts_every_item_of_a_streamed_reader(int percentage, String status) {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"b","Key":"k.jsonl"}},
                  "MaxConcurrency":1,"ToleratedFailurePercentage":%d,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.bad","IsPresent":true,
                      "Next":"F"}],"Default":"P"},"F":{"Type":"Fail","Error":"Bad","Cause":"bad item"},
                      "P":{"Type":"Pass","End":true}}},"End":true}}}""".formatted(percentage),
                ExecutionOptions.builder().s3(new S3ObjectStore().put("b/k.jsonl",
                        "{\"bad\":1}\n{\"n\":2}\n{\"n\":3}\n{\"n\":4}\n")).build());
        assertThat(r.status()).hasToString(status);
        if (r.status() == ExecutionStatus.SUCCEEDED) {
            assertThat(r.output()).hasSize(4);
            assertThat(r.output().get(3)).isEqualTo(json("{\"n\":4}"));
        } else {
            assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        }
    }

    @Test
    void item_reader_failures_fail_the_map_run() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                  "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["H","H"]},
                  "Parameters":{"Bucket":"b","Key":"k.csv"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                ExecutionOptions.builder().s3(new S3ObjectStore().put("b", "k.csv", "1,2")).build());
        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(r.cause()).isEqualTo("CSV headers cannot contain duplicates.");
        assertThat(types(r)).containsSubsequence("MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed");
    }
}
