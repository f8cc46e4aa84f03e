package dev.aslunit.internal.engine;

import dev.aslunit.internal.facts.ExecutionStatus;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.clock.VirtualScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ExecutionOptions#keepChildExecutions()} and {@link ExecutionOptions#childExecutionListener()}:
 * the histories of a Distributed Map's child executions, kept or handed over as each ends.
 */
class ChildExecutionsTest {

    static final String DISTRIBUTED = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs","MaxConcurrency":1,
              "ToleratedFailureCount":1,"ItemSelector":{"v.$":"$$.Map.Item.Value"},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"Check","States":{
                  "Check":{"Type":"Choice","Choices":[{"Variable":"$.v","StringEquals":"b","Next":"Bad"}],
                           "Default":"Ok"},
                  "Bad":{"Type":"Fail","Error":"Declined","Cause":"card b"},
                  "Ok":{"Type":"Pass","End":true}}},
              "End":true}}}""";
    static final String INPUT = "{\"xs\":[\"a\",\"b\",\"c\"]}";

    static ExecutionRun runWith(boolean keep) {
        return run(DISTRIBUTED, ExecutionOptions.builder().input(json(INPUT)).keepChildExecutions(keep).build());
    }

    static List<String> types(List<HistoryEvent> history) {
        return history.stream().map(e -> e.stateName() == null ? e.type() : e.type() + ":" + e.stateName())
                .collect(Collectors.toList());
    }

    /** Each iteration loops through states that take no time: only the event limit ends it. */
    static final String ENDLESS_CHILDREN = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"%s"},
                "StartAt":"Spin","States":{
                  "Spin":{"Type":"Pass","Next":"Again"},
                  "Again":{"Type":"Choice","Choices":[{"Variable":"$.v","IsPresent":false,"Next":"Spin"}],
                           "Default":"Done"},
                  "Done":{"Type":"Succeed"}}},
              "End":true}}}""";

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "EXPRESS"})
    void a_child_execution_that_never_ends_fails_at_the_event_limit_as_an_execution_does(String type) {
        for (boolean keep : new boolean[] {false, true}) {
            ExecutionRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> run(String.format(ENDLESS_CHILDREN, type), ExecutionOptions.builder()
                            .input(json("{\"xs\":[1]}")).keepChildExecutions(keep).build()));

            assertThat(r.status()).as("keep=" + keep).isEqualTo(ExecutionStatus.FAILED);
            assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
            if (keep) {
                List<HistoryEvent> child = r.childExecutions().get("M").get(0);
                assertThat(child).hasSize(ExecutionRun.HISTORY_LIMIT);
                HistoryEvent last = child.get(child.size() - 1);
                assertThat(last.type()).isEqualTo("ExecutionFailed");
                assertThat(last.details().get("error").asText()).isEqualTo("States.Runtime");
                assertThat(last.details().get("cause").asText()).startsWith("The execution reached AWS's limit of 25000");
            }
        }
    }

    @Test
    void off_by_default_no_child_execution_is_kept() {
        ExecutionRun r = runWith(false);
        assertThat(ExecutionOptions.builder().build().keepChildExecutions()).isFalse();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.childExecutions()).isEmpty();
    }

    @Test
    void on_one_history_per_item_in_item_order_as_aws_writes_a_child_execution() {
        ExecutionRun r = runWith(true);

        assertThat(r.childExecutions()).containsOnlyKeys("M");
        List<List<HistoryEvent>> children = r.childExecutions().get("M");
        assertThat(children).hasSize(3);
        assertThat(types(children.get(0))).containsExactly("ExecutionStarted", "ChoiceStateEntered:Check",
                "ChoiceStateExited:Check", "PassStateEntered:Ok", "PassStateExited:Ok", "ExecutionSucceeded");
        assertThat(types(children.get(1))).containsExactly("ExecutionStarted", "ChoiceStateEntered:Check",
                "ChoiceStateExited:Check", "FailStateEntered:Bad", "ExecutionFailed");
        assertThat(types(children.get(2))).isEqualTo(types(children.get(0)));

        List<HistoryEvent> first = children.get(0);
        assertThat(first).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(first).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(first.get(0).details().get("input").asText()).isEqualTo("{\"v\":\"a\"}");
        assertThat(first.get(0).details().get("roleArn").asText()).isEqualTo(r.options().roleArn());
        assertThat(first.get(5).details().get("output").asText()).isEqualTo("{\"v\":\"a\"}");
        HistoryEvent failed = children.get(1).get(4);
        assertThat(failed.details().get("error").asText()).isEqualTo("Declined");
        assertThat(failed.details().get("cause").asText()).isEqualTo("card b");
        assertThat(children.get(2).get(0).details().get("input").asText()).isEqualTo("{\"v\":\"c\"}");
    }

    @Test
    void keeping_child_executions_leaves_the_parent_history_unchanged() {
        ExecutionRun off = runWith(false);
        ExecutionRun on = runWith(true);
        assertThat(on.history()).isEqualTo(off.history());
        assertThat(Runs.types(on)).contains("MapRunStarted", "MapRunSucceeded")
                .noneMatch(t -> t.startsWith("ChoiceState"));
    }

    @Test
    void a_failed_map_run_aborts_the_children_still_running() {
        ExecutionRun r = run(SLOW_AND_FAST,
                ExecutionOptions.builder().input(json("{\"xs\":[\"slow\",\"fast\"]}")).keepChildExecutions(true).build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        List<List<HistoryEvent>> children = r.childExecutions().get("M");
        assertThat(types(children.get(0))).containsExactly("ExecutionStarted", "ChoiceStateEntered:Route",
                "ChoiceStateExited:Route", "WaitStateEntered:Wait", "WaitStateAborted", "ExecutionAborted");
        assertThat(children.get(0)).extracting(HistoryEvent::previousEventId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(types(children.get(1))).endsWith("FailStateEntered:Boom", "ExecutionFailed");
    }

    static final String SLOW_AND_FAST = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"Route","States":{
                  "Route":{"Type":"Choice","Choices":[{"Variable":"$","StringEquals":"slow","Next":"Wait"}],
                           "Default":"Boom"},
                  "Wait":{"Type":"Wait","Seconds":60,"End":true},
                  "Boom":{"Type":"Fail","Error":"Boom"}}},
              "End":true}}}""";

    record Handed(String mapState, List<HistoryEvent> history) {
    }

    @Test
    void a_listener_receives_each_child_as_it_ends_and_the_run_keeps_none() {
        List<Handed> handed = new ArrayList<>();
        ExecutionRun r = run(DISTRIBUTED, ExecutionOptions.builder().input(json(INPUT))
                .childExecutionListener((mapState, child) -> handed.add(new Handed(mapState, child.history()))).build());

        assertThat(r.childExecutions()).isEmpty();
        List<List<HistoryEvent>> kept = runWith(true).childExecutions().get("M");
        assertThat(handed).extracting(Handed::mapState).containsExactly("M", "M", "M");
        assertThat(handed).extracting(Handed::history).containsExactlyElementsOf(kept);
        assertThat(r.history()).isEqualTo(runWith(false).history());
    }

    @Test
    void a_listener_is_not_called_for_children_that_are_kept() {
        List<Handed> handed = new ArrayList<>();
        ExecutionRun r = run(DISTRIBUTED, ExecutionOptions.builder().input(json(INPUT)).keepChildExecutions(true)
                .childExecutionListener((mapState, child) -> handed.add(new Handed(mapState, child.history()))).build());

        assertThat(r.childExecutions().get("M")).hasSize(3);
        assertThat(handed).isEmpty();
    }

    @Test
    void children_aborted_by_a_failed_map_run_are_handed_over_with_their_abort() {
        List<Handed> handed = new ArrayList<>();
        run(SLOW_AND_FAST, ExecutionOptions.builder().input(json("{\"xs\":[\"slow\",\"fast\"]}"))
                .childExecutionListener((mapState, child) -> handed.add(new Handed(mapState, child.history()))).build());

        assertThat(handed).extracting(h -> types(h.history()).get(types(h.history()).size() - 1))
                .containsExactly("ExecutionFailed", "ExecutionAborted");
    }

    /** Two children that wait a minute, 30 seconds into their wait. */
    static ExecutionRun twoWaitingChildren(VirtualScheduler scheduler, List<Handed> handed) {
        ExecutionRun r = Runs.compile(SLOW_AND_FAST).start(ExecutionOptions.builder()
                .input(json("{\"xs\":[\"slow\",\"slow\"]}"))
                .childExecutionListener((mapState, child) -> handed.add(new Handed(mapState, child.history()))).build(),
                scheduler);
        scheduler.advanceBy(java.time.Duration.ofSeconds(30));
        return r;
    }

    @Test
    void children_still_running_when_the_execution_is_stopped_are_handed_over_as_far_as_they_got() {
        List<Handed> handed = new ArrayList<>();
        VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
        ExecutionRun r = twoWaitingChildren(scheduler, handed);
        assertThat(handed).isEmpty();

        r.stop("Enough", null);

        assertThat(handed).hasSize(2).allSatisfy(h -> assertThat(types(h.history())).containsExactly(
                "ExecutionStarted", "ChoiceStateEntered:Route", "ChoiceStateExited:Route", "WaitStateEntered:Wait"));
        scheduler.runUntilIdle();
        assertThat(handed).hasSize(2);
    }

    @Test
    void children_handed_over_while_running_are_not_handed_over_again_when_they_end() {
        List<Handed> handed = new ArrayList<>();
        VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
        ExecutionRun r = twoWaitingChildren(scheduler, handed);

        r.handOverRunningChildExecutions();

        assertThat(handed).hasSize(2).allSatisfy(h -> assertThat(types(h.history())).endsWith("WaitStateEntered:Wait"));
        r.awaitCompletion();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(handed).hasSize(2);
    }

    /**
     * Each item names the result its Task answers; P doubles it, which AWS's 256 KiB quota on a
     * state's output may refuse; C fails an item with a cause that quotes C's event id in the child.
     */
    static final String QUOTA = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs","MaxConcurrency":1,
              "ToleratedFailurePercentage":100,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                "StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","Next":"P"},
                  "P":{"Type":"Pass","Parameters":{"a.$":"$","b.$":"$"},"Next":"C"},
                  "C":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.a","StringEquals":"nomatch"},"Next":"Q"}]},
                  "Q":{"Type":"Pass","Result":"ok","End":true}}},
              "End":true}}}""";
    static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:f";

    static ExecutionRun quota(boolean keep, String... items) {
        TaskHandler results = inv -> Optional.of(TaskOutcome.succeeded(
                Runs.JSON.getNodeFactory().textNode(result(inv.parameters().asText()))));
        return run(QUOTA, Runs.with(Runs.JSON.valueToTree(Map.of("xs", List.of(items))).toString(), results)
                .keepChildExecutions(keep).build());
    }

    /** An item's Task result: {@code <char>*<count>}, or the item itself. */
    static String result(String item) {
        int star = item.indexOf('*');
        return star < 0 ? item : item.substring(0, star).repeat(Integer.parseInt(item.substring(star + 1)));
    }

    /** An event's details from the members of its JSON object, {@code %s} filled in with {@code args}. */
    static JsonNode details(String members, Object... args) {
        return json("{" + members.formatted(args) + "}");
    }

    static JsonNode limitExceeded(String task) {
        return EngineJson.errorOutput("States.DataLimitExceeded", "The state/task '" + task
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    @ParameterizedTest(name = "keepChildExecutions={0}")
    @ValueSource(booleans = {false, true})
    void a_child_payload_over_256_kib_fails_with_data_limit_exceeded_whether_or_not_its_history_is_kept(
            boolean keep) {
        ExecutionRun r = quota(keep, "x", "nomatch", "x*" + 100 * 1024, "x*" + 130 * 1024, "x*" + 256 * 1024,
                "\u00e9*" + 128 * 1024, "\u00e9*" + 60_000);

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).containsExactly(
                json("\"ok\""),
                EngineJson.errorOutput("States.NoChoiceMatched", "An error occurred while executing the state 'C' "
                        + "(entered at the event id #9). No Choice rule matched and no Default is set."),
                // 200 KiB out of P: under the quota, which only the exact size of its text can tell
                json("\"ok\""),
                limitExceeded("P"),
                // the text of the result is two quotes over 256 KiB
                limitExceeded(FUNCTION),
                // 128 Ki characters, but 256 KiB and two quotes of UTF-8
                limitExceeded(FUNCTION),
                json("\"ok\""));
    }

    @Test
    void a_kept_child_execution_records_its_task_and_state_events_with_their_details() {
        ExecutionRun kept = quota(true, "x");

        List<HistoryEvent> child = kept.childExecutions().get("M").get(0);
        assertThat(types(child)).containsExactly("ExecutionStarted", "TaskStateEntered:T", "LambdaFunctionScheduled",
                "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited:T", "PassStateEntered:P",
                "PassStateExited:P", "ChoiceStateEntered:C", "ChoiceStateExited:C", "PassStateEntered:Q",
                "PassStateExited:Q", "ExecutionSucceeded");
        String x = "\"\\\"x\\\"\"";
        String ab = "\"{\\\"a\\\":\\\"x\\\",\\\"b\\\":\\\"x\\\"}\"";
        String ok = "\"\\\"ok\\\"\"";
        assertThat(child).<JsonNode>extracting(HistoryEvent::details).containsExactly(
                details("\"input\":%s,\"inputDetails\":{\"truncated\":false},\"roleArn\":\"%s\"", x,
                        kept.options().roleArn()),
                details("\"name\":\"T\",\"input\":%s,\"inputDetails\":{\"truncated\":false}", x),
                details("\"resource\":\"%s\",\"input\":%s,\"inputDetails\":{\"truncated\":false}", FUNCTION, x),
                null,
                details("\"output\":%s,\"outputDetails\":{\"truncated\":false}", x),
                details("\"name\":\"T\",\"output\":%s,\"outputDetails\":{\"truncated\":false}", x),
                details("\"name\":\"P\",\"input\":%s,\"inputDetails\":{\"truncated\":false}", x),
                details("\"name\":\"P\",\"output\":%s,\"outputDetails\":{\"truncated\":false}", ab),
                details("\"name\":\"C\",\"input\":%s,\"inputDetails\":{\"truncated\":false}", ab),
                details("\"name\":\"C\",\"output\":%s,\"outputDetails\":{\"truncated\":false}", ab),
                details("\"name\":\"Q\",\"input\":%s,\"inputDetails\":{\"truncated\":false}", ab),
                details("\"name\":\"Q\",\"output\":%s,\"outputDetails\":{\"truncated\":false}", ok),
                details("\"output\":%s,\"outputDetails\":{\"truncated\":false}", ok));
        assertThat(kept.history()).isEqualTo(quota(false, "x").history());
    }

    @ParameterizedTest(name = "keepChildExecutions={0}")
    @ValueSource(booleans = {false, true})
    void a_child_payload_nested_too_deep_to_write_fails_whether_or_not_its_history_is_kept(boolean keep) {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.xs","ToleratedFailurePercentage":100,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                    "StartAt":"Wrap","States":{"Wrap":{"Type":"Pass","Parameters":{"in.$":"$"},"Next":"Wrap"}}},
                  "End":true}}}""",
                ExecutionOptions.builder().input(json("{\"xs\":[{}]}")).keepChildExecutions(keep).build());

        assertThat(r.output()).containsExactly(
                EngineJson.errorOutput("States.DataLimitExceeded", "The payload is nested more than 1000 levels deep."));
    }
}
