package dev.aslunit.engine;

import static dev.aslunit.engine.Runs.compile;
import static dev.aslunit.engine.Runs.json;
import static dev.aslunit.engine.Runs.last;
import static dev.aslunit.engine.Runs.types;
import static dev.aslunit.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.clock.VirtualScheduler;
import dev.aslunit.definition.StateMachineType;
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

        ExecutionRun express = compile(CHAIN).start(with("{}", inv -> Optional.of(TaskOutcome.failed("E", null)))
                .type(StateMachineType.EXPRESS).build(), new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(express.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(express.notRedrivableReason()).isEqualTo("Execution is of type EXPRESS and cannot be redriven");
    }
}
