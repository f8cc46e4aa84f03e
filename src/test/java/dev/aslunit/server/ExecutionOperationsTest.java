package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveFilter;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class ExecutionOperationsTest {

    static final String ROLE = MachineOperationsTest.ROLE;
    static final String WAIT_AN_HOUR = """
            {"StartAt":"Wait","States":{
              "Wait":{"Type":"Wait","Seconds":3600,"Next":"Done"},
              "Done":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.who)"},"End":true}}}""";
    static final String CALLBACK = """
            {"StartAt":"Ask","States":{
              "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                     "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""";
    static final String MOCKED = """
            {"StartAt":"Charge","States":{
              "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                        "Parameters":{"FunctionName":"charge","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}""";
    static final String MOCK_CONFIG = """
            {"StateMachines":{"Mocked":{"TestCases":{
                "HappyPath":{"Charge":"ChargeOk"},
                "Declined":{"Charge":"ChargeDeclined"}}}},
             "MockedResponses":{
                "ChargeOk":{"0":{"Return":{"StatusCode":200,"Payload":{"charged":true}}}},
                "ChargeDeclined":{"0":{"Throw":{"Error":"Card.Declined","Cause":"insufficient funds"}}}}}""";

    @TempDir
    static Path dir;
    static StepFunctionsServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws Exception {
        Path mocks = dir.resolve("MockConfigFile.json");
        Files.writeString(mocks, MOCK_CONFIG, StandardCharsets.UTF_8);
        server = StepFunctionsServer.builder().port(0).mockConfig(mocks).start();
        sfn = Sdk.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static String machine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    /** Polls DescribeExecution as an SDK user does, until the execution has ended. */
    static DescribeExecutionResponse awaitEnd(SfnClient client, String executionArn) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            DescribeExecutionResponse d = client.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
                return d;
            }
            Thread.onSpinWait();
        }
    }

    static List<HistoryEvent> history(String executionArn) {
        return sfn.getExecutionHistoryPaginator(b -> b.executionArn(executionArn)).events().stream().toList();
    }

    /** The token the engine handed a waiting task, as a worker reads it from its message. */
    static String awaitToken(String executionArn) {
        return awaitToken(executionArn, 0);
    }

    /** The task token of the {@code nth} (0-based) TaskScheduled event of the execution. */
    static String awaitToken(String executionArn, int nth) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Pattern token = Pattern.compile("\\\\\"token\\\\\":\\\\\"([^\\\\\"]+)");
        while (System.nanoTime() < deadline) {
            int seen = 0;
            for (HistoryEvent e : history(executionArn)) {
                if (e.type() == HistoryEventType.TASK_SCHEDULED && seen++ == nth) {
                    Matcher m = token.matcher(e.taskScheduledEventDetails().parameters().replace("\"", "\\\""));
                    if (m.find()) {
                        return m.group(1);
                    }
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("No task token in " + history(executionArn));
    }

    @Test
    void runs_an_execution_on_virtual_time() {
        String sm = machine("waiting", WAIT_AN_HOUR);
        var started = sfn.startExecution(b -> b.stateMachineArn(sm).name("first").input("{\"who\":\"world\"}"));
        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:execution:waiting:first");

        DescribeExecutionResponse d = awaitEnd(sfn, started.executionArn());
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"greeting\":\"hello world\"}");
        assertThat(d.input()).isEqualTo("{\"who\":\"world\"}");
        assertThat(d.stateMachineArn()).isEqualTo(sm);
        assertThat(d.startDate()).isEqualTo(started.startDate());
        assertThat(Duration.between(d.startDate(), d.stopDate())).isEqualTo(Duration.ofHours(1));

        assertThat(history(started.executionArn())).extracting(HistoryEvent::typeAsString).containsExactly(
                "ExecutionStarted", "WaitStateEntered", "WaitStateExited", "PassStateEntered", "PassStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void start_is_idempotent_for_a_running_execution_and_refuses_reused_names() {
        String sm = machine("callbacks1", CALLBACK);
        var first = sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{}"));
        var again = sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{}"));
        assertThat(again.executionArn()).isEqualTo(first.executionArn());
        assertThat(again.startDate()).isEqualTo(first.startDate());
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).name("once").input("{\"a\":1}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class)
                .hasMessageStartingWith("Execution Already Exists: '" + first.executionArn() + "'");
        sfn.stopExecution(b -> b.executionArn(first.executionArn()));
    }

    @Test
    void refuses_bad_inputs_arns_and_unknown_machines() {
        String sm = machine("inputs", WAIT_AN_HOUR);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input("{not json")))
                .isInstanceOf(InvalidExecutionInputException.class);
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm).input(
                "{\"a\":\"" + "x".repeat(Request.MAX_PAYLOAD) + "\"}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 262144");
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm + "-missing")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(sm)))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
                "arn:aws:states:us-east-1:111111111111:execution:inputs:nope")))
                .isInstanceOf(ExecutionDoesNotExistException.class)
                .hasMessageStartingWith("Execution Does Not Exist: "
                        + "'arn:aws:states:us-east-1:111111111111:execution:inputs:nope'");
    }

    @Test
    void lists_executions_newest_first_with_a_status_filter_and_pages() {
        String sm = machine("listed", CALLBACK);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "e" + i;
            started.add(sfn.startExecution(b -> b.stateMachineArn(sm).name(name)).executionArn());
        }
        sfn.stopExecution(b -> b.executionArn(started.get(1)));
        sfn.stopExecution(b -> b.executionArn(started.get(3)));

        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = sfn.listExecutions(b -> b.stateMachineArn(sm).maxResults(2).nextToken(t));
            page.executions().forEach(e -> names.add(e.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(names).containsExactly("e4", "e3", "e2", "e1", "e0");
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.ABORTED)).executions())
                .extracting(e -> e.name()).containsExactly("e3", "e1");
        assertThat(sfn.listExecutionsPaginator(b -> b.stateMachineArn(sm).statusFilter(ExecutionStatus.RUNNING)
                .maxResults(1)).executions().stream().map(e -> e.name())).containsExactly("e4", "e2", "e0");
        assertThatThrownBy(() -> sfn.listExecutions(b -> b.stateMachineArn(sm).nextToken("bogus")))
                .isInstanceOf(InvalidTokenException.class);
        started.forEach(arn -> sfn.stopExecution(b -> b.executionArn(arn)));
    }

    @Test
    void pages_history_in_both_orders_with_or_without_data() {
        String sm = machine("paged", WAIT_AN_HOUR);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"who\":\"me\"}")).executionArn();
        awaitEnd(sfn, arn);
        List<Long> ids = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            GetExecutionHistoryResponse page = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(4)
                    .reverseOrder(true).nextToken(t));
            page.events().forEach(e -> ids.add(e.id()));
            token = page.nextToken();
        } while (token != null);
        assertThat(ids).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);

        HistoryEvent startedEvent = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1)).events().get(0);
        assertThat(startedEvent.executionStartedEventDetails().input()).isEqualTo("{\"who\":\"me\"}");
        assertThat(startedEvent.executionStartedEventDetails().roleArn()).isEqualTo(ROLE);
        HistoryEvent withoutData = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1)
                .includeExecutionData(false)).events().get(0);
        assertThat(withoutData.executionStartedEventDetails().input()).isNull();
        assertThat(withoutData.previousEventId()).isZero();
        HistoryEvent last = sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1).reverseOrder(true))
                .events().get(0);
        assertThat(last.executionSucceededEventDetails().output()).isEqualTo("{\"greeting\":\"hello me\"}");
    }

    @Test
    void callbacks_complete_fail_and_beat_waiting_tasks() {
        String sm = machine("callbacks2", CALLBACK);
        String ok = sfn.startExecution(b -> b.stateMachineArn(sm).name("ok")).executionArn();
        String token = awaitToken(ok);
        assertThat(sfn.describeExecution(b -> b.executionArn(ok)).status()).isEqualTo(ExecutionStatus.RUNNING);
        sfn.sendTaskHeartbeat(b -> b.taskToken(token));
        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse done = awaitEnd(sfn, ok);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);

        String failing = sfn.startExecution(b -> b.stateMachineArn(sm).name("failing")).executionArn();
        String token2 = awaitToken(failing);
        sfn.sendTaskFailure(b -> b.taskToken(token2).error("Rejected").cause("not today"));
        DescribeExecutionResponse failed = awaitEnd(sfn, failing);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Rejected");
        assertThat(failed.cause()).isEqualTo("not today");

        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("no-such-token").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void callbacks_at_their_edges_answer_as_the_api_reference_says() {
        String sm = machine("callbacks3", CALLBACK);
        String run = sfn.startExecution(b -> b.stateMachineArn(sm).name("edges")).executionArn();
        String token = awaitToken(run);
        // SendTaskSuccess: "InvalidOutput: The provided JSON output data is not valid"; the task keeps waiting
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{not json")))
                .isInstanceOf(InvalidOutputException.class);
        assertThat(sfn.describeExecution(b -> b.executionArn(run)).status()).isEqualTo(ExecutionStatus.RUNNING);
        // SendTaskFailure's error and cause are both optional
        sfn.sendTaskFailure(b -> b.taskToken(token));
        DescribeExecutionResponse failed = awaitEnd(sfn, run);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isNull();
        HistoryEvent taskFailed = history(run).stream().filter(e -> e.type() == HistoryEventType.TASK_FAILED)
                .findFirst().orElseThrow();
        assertThat(taskFailed.taskFailedEventDetails().error()).isNull();
        // the token was used: the task no longer exists
        assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken(token).error("Late")))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(token)))
                .isInstanceOf(TaskTimedOutException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(b -> b.taskToken("never-issued")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void stop_aborts_with_error_and_cause() {
        String sm = machine("stopped", CALLBACK);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        awaitToken(arn);
        var stopped = sfn.stopExecution(b -> b.executionArn(arn).error("Operator").cause("cancelled by hand"));
        DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(d.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(d.error()).isEqualTo("Operator");
        assertThat(d.cause()).isEqualTo("cancelled by hand");
        assertThat(d.stopDate()).isEqualTo(stopped.stopDate());
        List<HistoryEvent> events = history(arn);
        HistoryEvent aborted = events.get(events.size() - 1);
        assertThat(aborted.type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThat(aborted.executionAbortedEventDetails().error()).isEqualTo("Operator");
        assertThat(d.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
        assertThat(d.redriveCount()).isZero();
    }

    @Test
    void redrive_resumes_an_aborted_execution_from_the_state_it_stopped_in() {
        String sm = machine("redriven", CALLBACK);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"n\":1}")).executionArn();
        String firstToken = awaitToken(arn);
        sfn.stopExecution(b -> b.executionArn(arn).error("Operator"));

        var redriven = sfn.redriveExecution(b -> b.executionArn(arn));
        String token = awaitToken(arn, 1);
        assertThat(token).isNotEqualTo(firstToken);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(firstToken).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
        DescribeExecutionResponse running = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(running.error()).isNull();
        assertThat(running.redriveCount()).isEqualTo(1);
        assertThat(running.redriveDate()).isEqualTo(redriven.redriveDate());
        assertThat(running.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
        assertThat(running.redriveStatusReason()).isEqualTo("Execution is RUNNING and cannot be redriven");

        sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse done = awaitEnd(sfn, arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"approved\":true}");
        assertThat(done.redriveStatusReason()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        assertThatThrownBy(() -> sfn.redriveExecution(b -> b.executionArn(arn)))
                .isInstanceOf(ExecutionNotRedrivableException.class)
                .hasMessageStartingWith("Execution is SUCCEEDED and cannot be redriven");

        List<HistoryEvent> events = history(arn);
        List<HistoryEventType> types = events.stream().map(HistoryEvent::type).toList();
        int at = types.indexOf(HistoryEventType.EXECUTION_REDRIVEN);
        assertThat(types.subList(at - 1, at + 2)).containsExactly(HistoryEventType.EXECUTION_ABORTED,
                HistoryEventType.EXECUTION_REDRIVEN, HistoryEventType.TASK_STATE_ENTERED);
        assertThat(events.get(at).executionRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(events.get(at + 1).stateEnteredEventDetails().input()).isEqualTo("{\"n\":1}");
        assertThat(types).filteredOn(t -> t == HistoryEventType.EXECUTION_STARTED).hasSize(1);

        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.REDRIVEN))
                .executions()).singleElement().satisfies(item -> {
                    assertThat(item.executionArn()).isEqualTo(arn);
                    assertThat(item.redriveCount()).isEqualTo(1);
                    assertThat(item.redriveDate()).isEqualTo(redriven.redriveDate());
                });
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(sm).redriveFilter(ExecutionRedriveFilter.NOT_REDRIVEN))
                .executions()).isEmpty();
    }

    @Test
    void redrive_reruns_only_the_failed_children_of_a_distributed_map_run() {
        // items 2 and 5 match no choice (States.NoChoiceMatched) until their child execution is redriven
        String sm = machine("redrivenMap", """
                {"StartAt":"Each","States":{"Each":{"Type":"Map","ToleratedFailureCount":1,"End":true,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check",
                    "States":{"Check":{"Type":"Choice","Choices":[{"Not":{"And":[
                        {"Variable":"$$.Execution.RedriveCount","NumericEquals":0},
                        {"Or":[{"Variable":"$","NumericEquals":2},{"Variable":"$","NumericEquals":5}]}]},"Next":"Ok"}]},
                      "Ok":{"Type":"Pass","Parameters":{"n.$":"$","redrives.$":"$$.Execution.RedriveCount"},
                        "End":true}}}}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("[1,2,3,4,5]")).executionArn();
        assertThat(awaitEnd(sfn, arn).status()).isEqualTo(ExecutionStatus.FAILED);

        sfn.redriveExecution(b -> b.executionArn(arn));
        DescribeExecutionResponse done = awaitEnd(sfn, arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("[{\"n\":1,\"redrives\":0},{\"n\":2,\"redrives\":1},"
                + "{\"n\":3,\"redrives\":0},{\"n\":4,\"redrives\":0},{\"n\":5,\"redrives\":1}]");

        List<HistoryEvent> events = history(arn);
        List<HistoryEventType> types = events.stream().map(HistoryEvent::type).toList();
        int at = types.indexOf(HistoryEventType.EXECUTION_REDRIVEN);
        assertThat(types.subList(at, types.size())).containsExactly(HistoryEventType.EXECUTION_REDRIVEN,
                HistoryEventType.MAP_RUN_REDRIVEN, HistoryEventType.MAP_RUN_SUCCEEDED,
                HistoryEventType.MAP_STATE_SUCCEEDED, HistoryEventType.MAP_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        String mapRunArn = events.get(types.indexOf(HistoryEventType.MAP_RUN_STARTED))
                .mapRunStartedEventDetails().mapRunArn();
        assertThat(events.get(at + 1).mapRunRedrivenEventDetails().mapRunArn()).isEqualTo(mapRunArn);
        assertThat(events.get(at + 1).mapRunRedrivenEventDetails().redriveCount()).isEqualTo(1);
        assertThat(types).filteredOn(t -> t == HistoryEventType.MAP_RUN_STARTED).hasSize(1);
    }

    @Test
    void test_cases_of_the_mock_config_answer_tasks_as_step_functions_local_does() {
        String sm = machine("Mocked", MOCKED);
        String happy = sfn.startExecution(b -> b.stateMachineArn(sm + "#HappyPath").input("{\"amount\":5}"))
                .executionArn();
        assertThat(happy).startsWith("arn:aws:states:us-east-1:111111111111:execution:Mocked:");
        DescribeExecutionResponse ok = awaitEnd(sfn, happy);
        assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ok.output()).isEqualTo("{\"charged\":true}");
        assertThat(ok.stateMachineArn()).isEqualTo(sm);

        DescribeExecutionResponse declined = awaitEnd(sfn,
                sfn.startExecution(b -> b.stateMachineArn(sm + "#Declined")).executionArn());
        assertThat(declined.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(declined.error()).isEqualTo("Card.Declined");
        assertThat(declined.cause()).isEqualTo("insufficient funds");

        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(sm + "#Typo")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Typo");
    }

    @Test
    void describes_the_machine_revision_an_execution_started_from() {
        String sm = machine("revised", CALLBACK);
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(WAIT_AN_HOUR));
        var described = sfn.describeStateMachineForExecution(b -> b.executionArn(arn));
        assertThat(described.definition()).isEqualTo(CALLBACK);
        assertThat(described.stateMachineArn()).isEqualTo(sm);
        assertThat(described.name()).isEqualTo("revised");
        sfn.stopExecution(b -> b.executionArn(arn));
    }

    @Test
    void starts_express_executions_synchronously() {
        String express = sfn.createStateMachine(b -> b.name("quick").definition(WAIT_AN_HOUR.replace("3600", "60"))
                .roleArn(ROLE).type(StateMachineType.EXPRESS)).stateMachineArn();
        StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(express).input("{\"who\":\"sync\"}"));
        assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo("{\"greeting\":\"hello sync\"}");
        assertThat(r.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:express:quick:");
        assertThat(Duration.between(r.startDate(), r.stopDate())).isEqualTo(Duration.ofMinutes(1));
        assertThat(r.billingDetails().billedDurationInMilliseconds()).isEqualTo(60_000L);

        // AWS's express ARNs end with an id after the name, so a name may be used again
        StartSyncExecutionResponse first = sfn.startSyncExecution(b -> b.stateMachineArn(express).name("same"));
        StartSyncExecutionResponse second = sfn.startSyncExecution(b -> b.stateMachineArn(express).name("same"));
        assertThat(first.executionArn())
                .matches("arn:aws:states:us-east-1:111111111111:express:quick:same:[0-9a-f]{8}-[0-9a-f-]{27}");
        assertThat(second.executionArn()).startsWith("arn:aws:states:us-east-1:111111111111:express:quick:same:")
                .isNotEqualTo(first.executionArn());
        assertThat(sfn.describeExecution(b -> b.executionArn(second.executionArn())).name()).isEqualTo("same");

        String standard = machine("notQuick", WAIT_AN_HOUR);
        assertThatThrownBy(() -> sfn.startSyncExecution(b -> b.stateMachineArn(standard)))
                .isInstanceOf(StateMachineTypeNotSupportedException.class);
    }

    @Test
    void a_synchronous_express_execution_has_no_redrive_count_in_its_context_object() throws Exception {
        String express = sfn.createStateMachine(b -> b.name("context").roleArn(ROLE).type(StateMachineType.EXPRESS)
                .definition("{\"StartAt\":\"Q\",\"States\":{\"Q\":{\"Type\":\"Pass\","
                        + "\"Parameters\":{\"execution.$\":\"$$.Execution\"},\"End\":true}}}")).stateMachineArn();

        StartSyncExecutionResponse sync = sfn.startSyncExecution(b -> b.stateMachineArn(express));
        String async = sfn.startExecution(b -> b.stateMachineArn(express)).executionArn();

        // AWS recorded StartSyncExecution's $$.Execution with Id, Input, Name, RoleArn and StartTime only
        assertThat(Wire.MAPPER.readTree(sync.output()).get("execution").fieldNames())
                .toIterable().containsExactlyInAnyOrder("Id", "Input", "Name", "RoleArn", "StartTime");
        DescribeExecutionResponse started = awaitEnd(sfn, async);
        assertThat(Wire.MAPPER.readTree(started.output()).at("/execution/RedriveCount").asInt(-1)).isZero();
    }
}
