package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/** An activity worker long-polling the server, as workers poll AWS. */
class ActivityTest {

    @RegisterExtension
    static final LocalServer local = new LocalServer();

    @Test
    void a_worker_gets_the_task_and_completes_it() {
        String activity = local.sfn().createActivity(b -> b.name("approve")).activityArn();
        String sm = local.sfn().createStateMachine(b -> b.name("withActivity").roleArn(MachineOperationsTest.ROLE)
                .definition("""
                        {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"%s",
                          "Parameters":{"order.$":"$.order"},"ResultPath":"$.approval","End":true}}}"""
                        .formatted(activity))).stateMachineArn();
        // The worker polls before there is work, as real workers do: the long poll waits for the task.
        CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(() ->
                local.sfn().getActivityTask(b -> b.activityArn(activity).workerName("w1")));
        String arn = local.sfn().startExecution(b -> b.stateMachineArn(sm).input("{\"order\":42}")).executionArn();
        GetActivityTaskResponse task = poll.join();
        assertThat(task.input()).isEqualTo("{\"order\":42}");
        assertThat(task.taskToken()).isNotBlank();

        local.sfn().sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"ok\":true}"));
        DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(local.sfn(), arn);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"order\":42,\"approval\":{\"ok\":true}}");
    }
    @Test
    void a_deleted_activity_fails_the_execution_as_on_aws() {
        String activity = local.sfn().createActivity(b -> b.name("gone")).activityArn();
        String sm = local.sfn().createStateMachine(b -> b.name("withGoneActivity").roleArn(MachineOperationsTest.ROLE)
                .definition("""
                        {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"%s","End":true}}}"""
                        .formatted(activity))).stateMachineArn();
        local.sfn().deleteActivity(b -> b.activityArn(activity));

        String arn = local.sfn().startExecution(b -> b.stateMachineArn(sm).input("{}")).executionArn();
        DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(local.sfn(), arn);
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.Runtime");
        assertThat(d.cause()).isEqualTo("The activity " + activity + " does not exist.");
    }
}
