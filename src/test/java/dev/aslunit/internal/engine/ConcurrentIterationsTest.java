package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.clock.VirtualScheduler;
import dev.aslunit.internal.facts.ExecutionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The order of the events of iterations and branches that run at the same virtual instant, as AWS
 * recorded it for an inline Map without {@code MaxConcurrency}: every {@code MapIterationStarted}
 * first, each following {@code MapStateStarted}; then each iteration up to its {@code TaskScheduled};
 * then the {@code TaskStarted}s; later, every task end due at one instant before the states react.
 */
class ConcurrentIterationsTest {

    private static final String LAMBDA_MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},
              "StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "TimeoutSeconds":5,"End":true}}},"End":true}}}""";

    /** {@code id prev Type} of every event, as the AWS histories are read. */
    private static List<String> links(ExecutionRun r) {
        return r.history().stream().map(e -> e.id() + " " + e.previousEventId() + " " + e.type())
                .collect(Collectors.toList());
    }

    @Test
    void an_unbounded_inline_map_announces_every_iteration_then_schedules_each_task_then_starts_them() {
        // AWS's recorded history of this Map (four Lambda tasks that time out after 5 s), up to the first timeout
        ExecutionRun r = run(LAMBDA_MAP.formatted(""),
                with("[1,2,3,4]", inv -> Optional.of(new TaskOutcome.NoAnswer())).build());
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plusSeconds(5));
        assertThat(links(r).subList(0, 20)).containsExactly(
                "1 0 ExecutionStarted", "2 0 MapStateEntered", "3 2 MapStateStarted",
                "4 3 MapIterationStarted", "5 3 MapIterationStarted", "6 3 MapIterationStarted",
                "7 3 MapIterationStarted",
                "8 4 TaskStateEntered", "9 8 TaskScheduled", "10 5 TaskStateEntered", "11 10 TaskScheduled",
                "12 6 TaskStateEntered", "13 12 TaskScheduled", "14 7 TaskStateEntered", "15 14 TaskScheduled",
                "16 9 TaskStarted", "17 11 TaskStarted", "18 13 TaskStarted", "19 15 TaskStarted",
                "20 16 TaskTimedOut");
        // as AWS: every timeout of the instant is written, then the first fails the Map and the others are
        // aborted, linked to it (AWS wrote the timeouts in the order 0, 2, 1, 3, and one more TaskStateAborted)
        assertThat(links(r).subList(20, r.history().size())).containsExactly(
                "21 17 TaskTimedOut", "22 18 TaskTimedOut", "23 19 TaskTimedOut",
                "24 20 MapIterationFailed", "25 20 TaskStateAborted", "26 20 MapIterationAborted",
                "27 20 TaskStateAborted", "28 20 MapIterationAborted", "29 20 TaskStateAborted",
                "30 20 MapIterationAborted", "31 20 MapStateFailed", "32 31 ExecutionFailed");
    }

    @Test
    void tasks_that_answer_together_are_all_written_before_their_states_go_on() {
        ExecutionRun r = run(LAMBDA_MAP.formatted("\"MaxConcurrency\":0,"), with("[1,2,3]",
                inv -> Optional.of(new TaskOutcome.Succeeded(inv.parameters(), Duration.ofSeconds(1)))).build());
        assertThat(r.output()).isEqualTo(json("[1,2,3]"));
        assertThat(links(r)).containsExactly(
                "1 0 ExecutionStarted", "2 0 MapStateEntered", "3 2 MapStateStarted",
                "4 3 MapIterationStarted", "5 3 MapIterationStarted", "6 3 MapIterationStarted",
                "7 4 TaskStateEntered", "8 7 TaskScheduled", "9 5 TaskStateEntered", "10 9 TaskScheduled",
                "11 6 TaskStateEntered", "12 11 TaskScheduled",
                "13 8 TaskStarted", "14 10 TaskStarted", "15 12 TaskStarted",
                "16 13 TaskSucceeded", "17 14 TaskSucceeded", "18 15 TaskSucceeded",
                "19 16 TaskStateExited", "20 19 MapIterationSucceeded",
                "21 17 TaskStateExited", "22 21 MapIterationSucceeded",
                "23 18 TaskStateExited", "24 23 MapIterationSucceeded",
                "25 24 MapStateSucceeded", "26 24 MapStateExited", "27 26 ExecutionSucceeded");
    }

    @Test
    void a_branch_that_fails_as_another_answers_aborts_it_after_both_answers_are_written() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}
                ]}}}""", with("{}", inv -> Optional.of(inv.stateName().equals("A")
                ? new TaskOutcome.Failed("Boom", "x", Duration.ofSeconds(1))
                : new TaskOutcome.Succeeded(json("\"b\""), Duration.ofSeconds(1)))).build());
        assertThat(r.error()).isEqualTo("Boom");
        assertThat(Runs.types(r).subList(7, r.history().size())).containsExactly("TaskStarted", "TaskStarted",
                "TaskFailed", "TaskSucceeded", "TaskStateAborted", "ParallelStateFailed", "ExecutionFailed");
    }

    @Test
    void with_max_concurrency_2_two_start_together_and_the_third_follows_the_event_that_ended_one() {
        // item 0 waits 2 s, item 1 waits 1 s: the third iteration takes item 1's place
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"ItemProcessor":{"StartAt":"W",
                  "States":{"W":{"Type":"Wait","SecondsPath":"$","End":true}}},"End":true}}}""", "[2,1,1]");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(links(r)).containsExactly(
                "1 0 ExecutionStarted", "2 0 MapStateEntered", "3 2 MapStateStarted",
                "4 3 MapIterationStarted", "5 3 MapIterationStarted",
                "6 4 WaitStateEntered", "7 5 WaitStateEntered",
                "8 7 WaitStateExited", "9 8 MapIterationSucceeded",
                "10 8 MapIterationStarted", "11 10 WaitStateEntered",
                "12 6 WaitStateExited", "13 12 MapIterationSucceeded",
                "14 11 WaitStateExited", "15 14 MapIterationSucceeded",
                "16 15 MapStateSucceeded", "17 15 MapStateExited", "18 17 ExecutionSucceeded");
        assertThat(r.history().get(9).timestamp()).isEqualTo(Runs.T0.plusSeconds(1));
    }

    @Test
    void iterations_that_end_at_once_free_their_places_for_the_next_as_before() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":2,"ItemProcessor":{"StartAt":"P",
                  "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""", "[1,2,3]");
        assertThat(r.output()).isEqualTo(json("[1,2,3]"));
        assertThat(links(r)).containsExactly(
                "1 0 ExecutionStarted", "2 0 MapStateEntered", "3 2 MapStateStarted",
                "4 3 MapIterationStarted", "5 3 MapIterationStarted",
                "6 4 PassStateEntered", "7 6 PassStateExited", "8 7 MapIterationSucceeded",
                "9 5 PassStateEntered", "10 9 PassStateExited", "11 10 MapIterationSucceeded",
                "12 10 MapIterationStarted", "13 12 PassStateEntered", "14 13 PassStateExited",
                "15 14 MapIterationSucceeded",
                "16 15 MapStateSucceeded", "17 15 MapStateExited", "18 17 ExecutionSucceeded");
    }

    @Test
    void a_sequential_task_is_started_right_after_it_is_scheduled() {
        ExecutionRun r = run(LAMBDA_MAP.formatted("\"MaxConcurrency\":1,"), with("[1,2]",
                inv -> Optional.of(new TaskOutcome.Succeeded(inv.parameters(), Duration.ZERO))).build());
        assertThat(links(r)).containsExactly(
                "1 0 ExecutionStarted", "2 0 MapStateEntered", "3 2 MapStateStarted",
                "4 3 MapIterationStarted", "5 4 TaskStateEntered", "6 5 TaskScheduled", "7 6 TaskStarted",
                "8 7 TaskSucceeded", "9 8 TaskStateExited", "10 9 MapIterationSucceeded",
                "11 9 MapIterationStarted", "12 11 TaskStateEntered", "13 12 TaskScheduled", "14 13 TaskStarted",
                "15 14 TaskSucceeded", "16 15 TaskStateExited", "17 16 MapIterationSucceeded",
                "18 17 MapStateSucceeded", "19 17 MapStateExited", "20 19 ExecutionSucceeded");
    }

    @Test
    void parallel_branches_schedule_their_tasks_before_either_starts_and_both_tokens_wait_after_the_instant() {
        String token = """
                {"StartAt":"%1$s","States":{"%1$s":{"Type":"Task",
                  "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                  "Parameters":{"MessageBody.$":"$$.Task.Token"},"End":true}}}""";
        CompiledStateMachine m = Runs.compile("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[%s,%s]}}}"""
                .formatted(token.formatted("A"), token.formatted("B")));
        VirtualScheduler clock = new VirtualScheduler(Runs.T0);
        ExecutionRun r = m.start(with("{}", inv -> Optional.of(new TaskOutcome.NoAnswer())).build(), clock);
        // as a test's start() does: run until a token waits
        while (!r.isDone() && r.pendingTaskTokens().isEmpty() && clock.runNext()) {
            // one scheduled action per step
        }
        assertThat(r.pendingTaskTokens().values()).containsExactly("A", "B");
        assertThat(Runs.types(r)).containsExactly("ExecutionStarted", "ParallelStateEntered:P",
                "ParallelStateStarted", "TaskStateEntered:A", "TaskScheduled", "TaskStateEntered:B", "TaskScheduled",
                "TaskStarted", "TaskSubmitted", "TaskStarted", "TaskSubmitted");
        List<String> tokens = List.copyOf(r.pendingTaskTokens().keySet());
        r.sendTaskSuccess(tokens.get(1), json("\"b\""));
        r.sendTaskSuccess(tokens.get(0), json("\"a\""));
        assertThat(r.awaitCompletion().output()).isEqualTo(json("[\"a\",\"b\"]"));
    }
}
