package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.ExecutionStatus;
import dev.aslunit.StateMachineType;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static dev.aslunit.internal.engine.Runs.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Pass, Choice, Wait, Succeed and Fail with AWS's documented results. */
class FlowStatesTest {

    @Test
    void pass_result_lands_at_result_path_and_output_path_filters() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.r",
                 "OutputPath":"$.r","End":true}}}""", "{\"a\":2}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("{\"x\":1}"));
        assertThat(types(r)).containsExactly("ExecutionStarted", "PassStateEntered:P", "PassStateExited:P",
                "ExecutionSucceeded");
        // AWS links the first state to no previous event, then each event to the one before it
        assertThat(Runs.previousIds(r)).containsExactly(0L, 0L, 2L, 3L);
    }

    @Test
    void a_payload_nested_too_deep_to_write_fails_the_execution_with_a_states_error() {
        // found by EngineFuzzTest: each turn wraps the input once; at 1,001 levels Jackson refuses to
        // write the text, which used to escape the engine as an UncheckedIOException
        ExecutionRun r = run("""
                {"StartAt":"Wrap","States":{"Wrap":{"Type":"Pass","Parameters":{"in.$":"$"},"Next":"Wrap"}}}""", "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).isEqualTo("The payload is nested more than 1000 levels deep.");
        assertThat(types(r)).hasSize(1 + 2 * 999 + 2).endsWith("PassStateEntered:Wrap", "ExecutionFailed");
    }

    @Test
    void pass_parameters_read_input_and_context_and_null_paths_discard() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.in",
                 "Parameters":{"v.$":"$.v","name.$":"$$.State.Name"},"ResultPath":"$.out","Next":"Q"},
                 "Q":{"Type":"Pass","InputPath":null,"End":true}}}""", "{\"in\":{\"v\":5}}");
        assertThat(r.output()).isEqualTo(json("{}"));
        assertThat(r.history().get(2).details().get("output").asText())
                .isEqualTo("{\"in\":{\"v\":5},\"out\":{\"v\":5,\"name\":\"P\"}}");
    }

    @Test
    void choice_takes_the_first_matching_rule_else_default() {
        String def = """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"And":[{"Variable":"$.n","NumericGreaterThan":1},{"Not":{"Variable":"$.s","StringEquals":"x"}}],
                   "Next":"Big"},
                  {"Variable":"$.s","StringMatches":"ab*","Next":"Ab"}],"Default":"Other"},
                 "Big":{"Type":"Pass","Result":"big","End":true},
                 "Ab":{"Type":"Pass","Result":"ab","End":true},
                 "Other":{"Type":"Pass","Result":"other","End":true}}}""";
        assertThat(run(def, "{\"n\":2,\"s\":\"y\"}").output().asText()).isEqualTo("big");
        assertThat(run(def, "{\"n\":1,\"s\":\"abc\"}").output().asText()).isEqualTo("ab");
        assertThat(run(def, "{\"n\":\"2\",\"s\":\"x\"}").output().asText()).isEqualTo("other");
    }

    @Test
    void choice_without_match_or_default_fails_with_no_choice_matched() {
        ExecutionRun r = run("""
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.b","BooleanEquals":true,"Next":"T"}]},"T":{"Type":"Succeed"}}}""", "{\"b\":false}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void a_one_year_wait_costs_no_time_and_moves_the_virtual_clock() {
        ExecutionRun r = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":31536000,"End":true}}}""", "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Duration.between(r.startTime(), r.stopTime())).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void wait_until_a_timestamp_from_the_input() {
        ExecutionRun r = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.at","End":true}}}""",
                "{\"at\":\"2025-01-02T00:00:00.500+01:00\"}");
        assertThat(r.stopTime()).isEqualTo(java.time.Instant.parse("2025-01-01T23:00:00.500Z"));
    }

    @Test
    void wait_fails_as_aws_on_bad_seconds_and_timestamps() {
        String seconds = """
                {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""";
        assertThat(run(seconds, "{\"s\":-1}").cause()).isEqualTo("An error occurred while executing the state 'W' "
                + "(entered at the event id #2). The SecondsPath parameter references a negative value: $.s == -1");
        assertThat(run(seconds, "{\"s\":1.5}").cause()).endsWith("cannot be parsed as a long value: $.s == 1.5");
        assertThat(run(seconds, "{}").cause()).endsWith("does not reference an input value: $.s");
        ExecutionRun r = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.t","End":true}}}""",
                "{\"t\":\"2016-12-05T21:29:29\"}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).endsWith("The TimestampPath parameter does not reference a valid ISO-8601 extended "
                + "offset date-time format string: $.t == 2016-12-05T21:29:29");
    }

    @Test
    void fail_reports_error_and_cause_from_literals_or_paths() {
        ExecutionRun r = run("""
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","Cause":"because"}}}""",
                "{\"e\":\"Oops\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("Oops");
        assertThat(r.cause()).isEqualTo("because");
        assertThat(types(r)).containsExactly("ExecutionStarted", "FailStateEntered:F", "ExecutionFailed");
    }

    @Test
    void succeed_ends_with_its_filtered_input() {
        ExecutionRun r = run("""
                {"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""",
                "{\"a\":{\"b\":3}}");
        assertThat(r.output().intValue()).isEqualTo(3);
        assertThat(types(r)).contains("SucceedStateExited:S");
    }

    @Test
    void a_missing_input_path_is_a_runtime_error_with_aws_prefix() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.nope","End":true}}}""", "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).startsWith("An error occurred while executing the state 'P' (entered at the event id #2). ");
    }

    @Test
    void variables_are_assigned_after_the_state_and_read_by_later_states() {
        ExecutionRun r = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"q":"x"},"Assign":{"v.$":"$.q","n":1},
                 "Next":"B"},"B":{"Type":"Pass","Parameters":{"v.$":"$v","n.$":"$n"},"End":true}}}""", "{}");
        assertThat(r.output()).isEqualTo(json("{\"v\":\"x\",\"n\":1}"));
        assertThat(r.history().get(2).details().get("assignedVariables").get("v").asText()).isEqualTo("\"x\"");
    }

    @Test
    void a_state_output_over_256_kib_fails_with_data_limit_exceeded() {
        ExecutionRun r = run("""
                {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.s","b.$":"$.s"},"End":true}}}""",
                "{\"s\":\"" + "x".repeat(140 * 1024) + "\"}");
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).isEqualTo("The state/task 'P' returned a result with a size exceeding the maximum "
                + "number of bytes service limit.");
    }

    @Test
    void the_machine_timeout_ends_the_execution_timed_out() {
        ExecutionRun r = run("""
                {"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""", "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plusSeconds(5));
        assertThat(types(r)).endsWith("ExecutionTimedOut");
    }

    @Test
    void express_executions_end_after_five_minutes() {
        ExecutionRun r = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":600,"End":true}}}""",
                ExecutionOptions.builder().type(StateMachineType.EXPRESS).build());
        assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(r.stopTime()).isEqualTo(Runs.T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_runaway_loop_stops_at_the_history_limit() {
        ExecutionRun r = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""", "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.history()).hasSize(ExecutionRun.HISTORY_LIMIT);
        assertThat(r.error()).isEqualTo("States.Runtime");
    }

    @Test
    void stop_aborts_a_waiting_execution() {
        CompiledStateMachine m = Runs.compile("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        dev.aslunit.internal.clock.VirtualScheduler s = new dev.aslunit.internal.clock.VirtualScheduler(Runs.T0);
        ExecutionRun r = m.start(ExecutionOptions.builder().build(), s);
        s.advanceBy(Duration.ofSeconds(10));
        r.stop("Stopped", "by the test");
        assertThat(r.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(r.error()).isEqualTo("Stopped");
        assertThat(r.awaitCompletion().history()).extracting(e -> e.type()).endsWith("ExecutionAborted");
    }

    @Test
    void the_same_seed_gives_the_same_history() {
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"u.$":"States.UUID()"},"End":true}}}""";
        ExecutionOptions o = ExecutionOptions.builder().seed(42).executionName("e").build();
        assertThat(run(def, o).output()).isEqualTo(run(def, o).output());
        assertThat(run(def, o).output()).isNotEqualTo(run(def, o.toBuilder().seed(43).build()).output());
    }

    @Test
    void compile_lists_every_problem_with_its_place() {
        assertThatThrownBy(() -> Runs.compile("""
                {"StartAt":"Nope","States":{"P":{"Type":"Pass","Next":"Gone","InputPath":"$[" }}}"""))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("/States/P/Next: no state named \"Gone\"")
                .hasMessageContaining("/States/P/InputPath")
                .hasMessageContaining("/StartAt: no state named \"Nope\"");
    }

    @Test
    void an_opaque_placeholder_where_a_value_is_needed_compiles_and_the_run_that_needs_it_says_how_to_give_it() {
        ExecutionRun r = Runs.run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":"${delay}","End":true}}}""", "{}");

        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).endsWith("The Seconds field is the placeholder ${delay}, which has no value; give it one"
                + " to run this state (CLI: --substitution delay=VALUE)");
    }
}
