package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.ExecutionStatus;
import static dev.aslunit.internal.engine.Runs.compile;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.last;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RedriveTest {

    static final String CHAIN = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":{"n":1},"ResultPath":"$.prepared","Next":"Charge"},
              "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"prepared.$":"$.prepared","redrives.$":"$$.Execution.RedriveCount"},
                "ResultSelector":{"charged.$":"$.redrives"},"End":true}}}""";

    @Test
    void resumes_from_the_failed_state_with_its_original_input_in_the_same_history() {
        List<String> calls = new ArrayList<>();
        AtomicBoolean broken = new AtomicBoolean(true);
        VirtualScheduler scheduler = new VirtualScheduler(Runs.T0);
        ExecutionRun run = compile(CHAIN).start(with("{\"order\":7}", inv -> {
            calls.add(inv.parameters().toString());
            return Optional.of(broken.get() ? TaskOutcome.failed("Bug", "fix me") : TaskOutcome.succeeded(inv.parameters()));
        }).build(), scheduler).awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        int failedEvents = run.history().size();
        assertThat(run.notRedrivableReason()).isNull();

        broken.set(false);
        scheduler.advanceBy(Duration.ofHours(1));
        run.redrive();
        run.awaitCompletion();

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("{\"charged\":1}"));
        assertThat(run.error()).isNull();
        assertThat(run.redriveCount()).isEqualTo(1);
        assertThat(run.redriveTime()).isEqualTo(Runs.T0.plus(Duration.ofHours(1)));
        assertThat(calls).containsExactly("{\"prepared\":{\"n\":1},\"redrives\":0}",
                "{\"prepared\":{\"n\":1},\"redrives\":1}");
        // Prepare is not run again; Charge is entered again right after ExecutionRedriven
        assertThat(types(run).subList(failedEvents - 1, failedEvents + 2))
                .containsExactly("ExecutionFailed", "ExecutionRedriven", "TaskStateEntered:Charge");
        assertThat(types(run)).filteredOn(t -> t.equals("PassStateEntered:Prepare")).hasSize(1);
        var redriven = last(run, "ExecutionRedriven");
        assertThat(redriven.details().get("redriveCount").intValue()).isEqualTo(1);
        assertThat(redriven.previousEventId()).isEqualTo(failedEvents);
        assertThat(run.history().get(failedEvents + 1).previousEventId()).isEqualTo(redriven.id());
        assertThat(run.history().get(failedEvents + 1).details().get("input").asText())
                .isEqualTo("{\"order\":7,\"prepared\":{\"n\":1}}");
        assertThat(run.notRedrivableReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
    }

    @Test
    void redrives_an_aborted_execution_without_the_old_attempt_waking_up() {
        String waits = """
                {"StartAt":"Nap","States":{"Nap":{"Type":"Wait","Seconds":60,"Next":"Done"},
                  "Done":{"Type":"Pass","End":true}}}""";
        VirtualScheduler scheduler = new VirtualScheduler(Runs.T0);
        ExecutionRun run = compile(waits).start(ExecutionOptions.builder().input(json("{\"a\":1}")).build(), scheduler);
        scheduler.advanceBy(Duration.ofSeconds(30));
        run.stop("Stopped", "by hand");
        assertThat(run.status()).isEqualTo(ExecutionStatus.ABORTED);

        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // the Wait of the first attempt (due at 60 s) does not end the new one early
        assertThat(run.stopTime()).isEqualTo(Runs.T0.plusSeconds(90));
        assertThat(types(run)).filteredOn(t -> t.equals("WaitStateExited:Nap")).hasSize(1);
        assertThat(run.error()).isNull();
    }

    @Test
    void redrives_a_failed_parallel_state_and_times_out_again_from_the_redrive() {
        String parallel = """
                {"TimeoutSeconds":100,"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":500,"End":true}}}]}}}""";
        VirtualScheduler scheduler = new VirtualScheduler(Runs.T0);
        ExecutionRun run = compile(parallel).start(ExecutionOptions.builder().input(json("{}")).build(), scheduler)
                .awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(run.stopTime()).isEqualTo(Runs.T0.plusSeconds(200));
        assertThat(run.redriveCount()).isEqualTo(1);
        // the Parallel state is not entered again: its aborted branch resumes in its Wait
        assertThat(types(run)).filteredOn(t -> t.equals("ParallelStateEntered:Both")).hasSize(1);
        assertThat(types(run)).filteredOn(t -> t.equals("WaitStateEntered:A")).hasSize(2);
    }

    @Test
    void redrives_only_the_failed_branches_of_a_parallel_state() {
        String parallel = """
                {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Good","States":{"Good":{"Type":"Task","Resource":"good","End":true}}},
                  {"StartAt":"Prep","States":{
                    "Prep":{"Type":"Pass","Assign":{"v.$":"$.x"},"Next":"Flaky"},
                    "Flaky":{"Type":"Task","Resource":"flaky","Parameters":{"v.$":"$v"},"End":true}}}]}}}""";
        List<String> calls = new ArrayList<>();
        AtomicBoolean broken = new AtomicBoolean(true);
        ExecutionRun run = compile(parallel).start(with("{\"x\":1}", inv -> {
            calls.add(inv.resource() + (inv.parameters().has("v") ? inv.parameters().get("v") : ""));
            return Optional.of(inv.resource().equals("flaky") && broken.get() ? TaskOutcome.failed("Flake", "again")
                    : TaskOutcome.succeeded(json("\"" + inv.resource() + "\"")));
        }).build(), new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("Flake");

        broken.set(false);
        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[\"good\",\"flaky\"]"));
        // the failed branch resumes at Flaky, with the variable Prep assigned before
        assertThat(calls).containsExactly("good", "flaky1", "flaky1");
        assertThat(types(run)).filteredOn(t -> t.equals("PassStateEntered:Prep")).hasSize(1);
        assertThat(types(run)).filteredOn(t -> t.startsWith("ParallelState")).containsExactly(
                "ParallelStateEntered:Both", "ParallelStateStarted", "ParallelStateFailed",
                "ParallelStateSucceeded", "ParallelStateExited:Both");
    }

    @Test
    void redrives_only_the_failed_iterations_of_an_inline_map() {
        String map = """
                {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"End":true,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Prep",
                    "States":{"Prep":{"Type":"Pass","Next":"Work"},
                      "Work":{"Type":"Task","Resource":"work","End":true}}}}}}""";
        List<Integer> calls = new ArrayList<>();
        AtomicBoolean broken = new AtomicBoolean(true);
        ExecutionRun run = compile(map).start(with("[1,2,3]", inv -> {
            int n = inv.parameters().intValue();
            calls.add(n);
            return Optional.of(n == 2 && broken.get() ? TaskOutcome.failed("Two", null)
                    : TaskOutcome.succeeded(json(String.valueOf(n * 10))));
        }).build(), new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(calls).containsExactly(1, 2);

        broken.set(false);
        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[10,20,30]"));
        // item 1 succeeded before: only items 2 (failed) and 3 (never started) run on the redrive
        assertThat(calls).containsExactly(1, 2, 2, 3);
        assertThat(types(run)).filteredOn(t -> t.equals("MapStateEntered:Each")).hasSize(1);
        // item 2 resumes at Work: Prep ran once for each item
        assertThat(types(run)).filteredOn(t -> t.equals("PassStateEntered:Prep")).hasSize(3);
        assertThat(types(run)).filteredOn(t -> t.equals("MapIterationStarted:Each")).hasSize(4);
    }

    /** A Distributed Map of items 1..5 whose children pass their item and RedriveCount to the task. */
    static String distributedMap(String executionType, String resultWriter) {
        return """
                {"StartAt":"Each","States":{"Each":{"Type":"Map","ToleratedFailureCount":1,"End":true,%s
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},"StartAt":"Prep",
                    "States":{"Prep":{"Type":"Pass","Next":"Work"},
                      "Work":{"Type":"Task","Resource":"work",
                        "Parameters":{"n.$":"$","redrives.$":"$$.Execution.RedriveCount"},"End":true}}}}}}"""
                .formatted(resultWriter, executionType);
    }

    /** Items 2 and 5 fail while {@code broken}: the second failure exceeds the tolerated one. */
    static ExecutionOptions.Builder flakyItems(List<String> calls, AtomicBoolean broken) {
        return with("[1,2,3,4,5]", inv -> {
            int n = inv.parameters().get("n").intValue();
            calls.add(n + "/" + inv.parameters().get("redrives"));
            return Optional.of((n == 2 || n == 5) && broken.get() ? TaskOutcome.failed("Flake", "item " + n)
                    : TaskOutcome.succeeded(json(String.valueOf(n * 10))));
        });
    }

    @Test
    void redrives_only_the_unsuccessful_children_of_a_distributed_map_in_the_same_map_run() {
        List<String> calls = new ArrayList<>();
        AtomicBoolean broken = new AtomicBoolean(true);
        VirtualScheduler scheduler = new VirtualScheduler(Runs.T0);
        ExecutionRun run = compile(distributedMap("STANDARD", "")).start(flakyItems(calls, broken)
                .keepChildExecutions(true).build(), scheduler).awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(calls).containsExactly("1/0", "2/0", "3/0", "4/0", "5/0");
        int failedEvents = run.history().size();

        broken.set(false);
        scheduler.advanceBy(Duration.ofMinutes(5));
        run.redrive();
        run.awaitCompletion();

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[10,20,30,40,50]"));
        // only the two failed children run again, each redriven (STANDARD): RedriveCount 1 in its context
        assertThat(calls.subList(5, calls.size())).containsExactly("2/1", "5/1");
        assertThat(types(run).subList(failedEvents - 1, types(run).size())).containsExactly("ExecutionFailed",
                "ExecutionRedriven", "MapRunRedriven", "MapRunSucceeded", "MapStateSucceeded",
                "MapStateExited:Each", "ExecutionSucceeded");
        assertThat(types(run)).filteredOn(t -> t.startsWith("MapRunStarted") || t.startsWith("MapStateEntered"))
                .containsExactly("MapStateEntered:Each", "MapRunStarted");
        var redriven = last(run, "MapRunRedriven");
        assertThat(redriven.details().get("mapRunArn").asText())
                .isEqualTo(last(run, "MapRunStarted").details().get("mapRunArn").asText());
        assertThat(redriven.details().get("redriveCount").intValue()).isEqualTo(1);
        assertThat(redriven.previousEventId()).isEqualTo(last(run, "ExecutionRedriven").id());
        assertThat(last(run, "MapRunSucceeded").previousEventId()).isEqualTo(redriven.id());

        // the same child execution goes on from the state it failed in: Prep is not run again
        List<List<dev.aslunit.HistoryEvent>> children = run.childExecutions().get("Each");
        assertThat(children).hasSize(5);
        List<String> second = children.get(1).stream().map(e -> e.type()).toList();
        assertThat(second).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed",
                "ExecutionRedriven", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
                "TaskStateExited", "ExecutionSucceeded");
        assertThat(children.get(1).get(8).details().get("redriveCount").intValue()).isEqualTo(1);
        assertThat(children.get(1).get(8).previousEventId()).isEqualTo(8);
    }

    @Test
    void restarts_the_unsuccessful_express_children_of_a_distributed_map() {
        List<String> calls = new ArrayList<>();
        AtomicBoolean broken = new AtomicBoolean(true);
        ExecutionRun run = compile(distributedMap("EXPRESS", "")).start(flakyItems(calls, broken).build(),
                new VirtualScheduler(Runs.T0)).awaitCompletion();
        broken.set(false);
        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[10,20,30,40,50]"));
        // EXPRESS children are started again (StartExecution), not redriven: RedriveCount stays 0
        assertThat(calls.subList(5, calls.size())).containsExactly("2/0", "5/0");
    }

    @Test
    void a_redriven_map_run_writes_its_results_under_the_same_map_run_with_the_children_redrive_counts() {
        S3ObjectStore s3 = new S3ObjectStore();
        List<String> calls = new ArrayList<>();
        AtomicBoolean broken = new AtomicBoolean(true);
        String writer = """
                "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},""";
        ExecutionRun run = compile(distributedMap("STANDARD", writer)).start(flakyItems(calls, broken).s3(s3).build(),
                new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        String manifestKey = s3.list("out", "runs/").stream().filter(k -> k.endsWith("/manifest.json")).findFirst()
                .orElseThrow();
        JsonNode failedBefore = json(s3.get("out", manifestKey.replace("manifest.json", "FAILED_0.json")));
        assertThat(failedBefore).hasSize(2);

        broken.set(false);
        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output().get("ResultWriterDetails").get("Key").asText()).isEqualTo(manifestKey);
        JsonNode manifest = json(s3.get("out", manifestKey));
        assertThat(manifest.get("MapRunArn").asText()).isEqualTo(run.output().get("MapRunArn").asText());
        assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
        JsonNode succeeded = json(s3.get("out", manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()));
        assertThat(succeeded).hasSize(5);
        assertThat(succeeded.findValuesAsText("Output")).containsExactly("10", "20", "30", "40", "50");
        assertThat(succeeded.findValues("RedriveCount")).extracting(JsonNode::intValue).containsExactly(0, 1, 0, 0, 1);
        // a redriven child keeps its name, ARN and start
        for (int i = 0; i < 2; i++) {
            JsonNode before = failedBefore.get(i);
            JsonNode after = succeeded.get(i == 0 ? 1 : 4);
            assertThat(after.get("Name")).isEqualTo(before.get("Name"));
            assertThat(after.get("ExecutionArn")).isEqualTo(before.get("ExecutionArn"));
            assertThat(after.get("StartDate")).isEqualTo(before.get("StartDate"));
        }
    }

    @Test
    void a_map_run_that_wrote_its_results_and_then_failed_its_state_writes_them_again_when_redriven() {
        // the Map Run succeeds and writes its results, then the state's OutputPath fails it: a redrive
        // enters the same Map Run again, with every child already succeeded, and writes the files again
        String map = """
                {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,"OutputPath":"$.missing",
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work",
                    "States":{"Work":{"Type":"Pass","End":true}}}}}}""";
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun run = compile(map).start(with("[{\"n\":1},{\"n\":2}]", inv -> Optional.empty()).s3(s3).build(),
                new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.Runtime");
        String manifestKey = s3.list("out", "runs/").stream().filter(k -> k.endsWith("/manifest.json")).findFirst()
                .orElseThrow();
        String succeededKey = manifestKey.replace("manifest.json", "SUCCEEDED_0.json");
        JsonNode before = json(s3.get("out", succeededKey));

        run.redrive();
        run.awaitCompletion();

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("States.Runtime");
        JsonNode after = json(s3.get("out", succeededKey));
        assertThat(after.findValuesAsText("Input")).containsExactly("{\"n\":1}", "{\"n\":2}")
                .isEqualTo(before.findValuesAsText("Input"));
    }

    @Test
    void enters_a_distributed_map_again_when_its_last_attempt_could_not_read_its_items() {
        String map = """
                {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                    "Parameters":{"Bucket":"in","Key":"items.json"}},
                  "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1,"IntervalSeconds":10}],
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Work",
                    "States":{"Work":{"Type":"Task","Resource":"work","End":true}}}}}}""";
        S3ObjectStore s3 = new S3ObjectStore().put("in", "items.json", "[1]");
        AtomicBoolean broken = new AtomicBoolean(true);
        VirtualScheduler scheduler = new VirtualScheduler(Runs.T0);
        ExecutionRun run = compile(map).start(with("{}", inv -> Optional.of(broken.get()
                ? TaskOutcome.failed("Flake", null) : TaskOutcome.succeeded(json("7")))).s3(s3).build(), scheduler);
        scheduler.advanceBy(Duration.ofSeconds(5));
        // the first Map Run failed on its child; the retry's cannot read the items
        s3.put("in", "items.json", "not json");
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(types(run)).filteredOn(t -> t.equals("MapRunStarted")).hasSize(2);

        broken.set(false);
        s3.put("in", "items.json", "[1]");
        run.redrive();
        run.awaitCompletion();
        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(run.output()).isEqualTo(json("[7]"));
        // not the first attempt's Map Run redriven: the Map state entered again, with a new Map Run
        assertThat(types(run)).doesNotContain("MapRunRedriven");
        assertThat(types(run)).filteredOn(t -> t.equals("MapStateEntered:Each")).hasSize(2);
        assertThat(types(run)).filteredOn(t -> t.equals("MapRunStarted")).hasSize(3);
    }

    @Test
    void refuses_what_aws_does_not_redrive() {
        VirtualScheduler scheduler = new VirtualScheduler(Runs.T0);
        ExecutionRun running = compile(CHAIN).start(with("{}", inv -> Optional.of(TaskOutcome.failed("E", null)))
                .build(), scheduler);
        assertThat(running.notRedrivableReason()).isEqualTo("Execution is RUNNING and cannot be redriven");
        assertThatThrownBy(running::redrive).isInstanceOf(IllegalStateException.class)
                .hasMessage("Execution is RUNNING and cannot be redriven");

        ExecutionRun failed = compile(CHAIN).start(with("{}", inv -> Optional.of(TaskOutcome.failed("E", null)))
                .build(), scheduler).awaitCompletion();
        scheduler.advanceBy(Duration.ofDays(14).plusSeconds(1));
        assertThat(failed.notRedrivableReason()).isEqualTo("Execution redrivable period exceeded");
        scheduler.advanceBy(Duration.ofDays(365));
        assertThat(failed.notRedrivableReason()).isEqualTo("Execution has exceeded the max execution time");

        // timed out by the 1-year maximum itself: the max execution time is reached, so no redrive
        ExecutionRun silent = compile(CHAIN).start(with("{}", inv -> Optional.of(new TaskOutcome.NoAnswer())).build(),
                new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(silent.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(silent.stopTime()).isEqualTo(Runs.T0.plus(Duration.ofDays(365)));
        assertThat(silent.notRedrivableReason()).isEqualTo("Execution has exceeded the max execution time");

        ExecutionRun express = compile(CHAIN).start(with("{}", inv -> Optional.of(TaskOutcome.failed("E", null)))
                .type(StateMachineType.EXPRESS).build(), new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(express.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(express.notRedrivableReason()).isEqualTo("Execution is of type EXPRESS and cannot be redriven");
    }
}
