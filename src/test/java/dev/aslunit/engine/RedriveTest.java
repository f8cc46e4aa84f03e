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
        assertThat(types(run)).filteredOn(t -> t.equals("ParallelStateEntered:Both")).hasSize(2);
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

        ExecutionRun express = compile(CHAIN).start(with("{}", inv -> Optional.of(TaskOutcome.failed("E", null)))
                .type(StateMachineType.EXPRESS).build(), new VirtualScheduler(Runs.T0)).awaitCompletion();
        assertThat(express.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(express.notRedrivableReason()).isEqualTo("Execution is of type EXPRESS and cannot be redriven");
    }
}
