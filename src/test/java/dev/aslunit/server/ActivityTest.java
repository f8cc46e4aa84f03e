package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/** An activity worker long-polling the server, as workers poll AWS. */
class ActivityTest {

    static StepFunctionsServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() {
        server = StepFunctionsServer.builder().port(0).start();
        sfn = Sdk.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    @Test
    void a_worker_gets_the_task_and_completes_it() {
        String activity = sfn.createActivity(b -> b.name("approve")).activityArn();
        String sm = sfn.createStateMachine(b -> b.name("withActivity").roleArn(MachineOperationsTest.ROLE)
                .definition("""
                        {"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"%s",
                          "Parameters":{"order.$":"$.order"},"ResultPath":"$.approval","End":true}}}"""
                        .formatted(activity))).stateMachineArn();
        // The worker polls before there is work, as real workers do: the long poll waits for the task.
        CompletableFuture<GetActivityTaskResponse> poll = CompletableFuture.supplyAsync(() ->
                sfn.getActivityTask(b -> b.activityArn(activity).workerName("w1")));
        String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"order\":42}")).executionArn();
        GetActivityTaskResponse task = poll.join();
        assertThat(task.input()).isEqualTo("{\"order\":42}");
        assertThat(task.taskToken()).isNotBlank();

        sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"ok\":true}"));
        DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(sfn, arn);
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"order\":42,\"approval\":{\"ok\":true}}");
    }
}
