package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.mock.TaskMocks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The server inside a test, its Task states answered by the Java mock DSL (the example of docs/server.md). */
class EmbeddedServerTest {

    @Test
    void java_mocks_answer_the_tasks_of_every_execution() {
        TaskMocks mocks = new TaskMocks();
        mocks.mock("Charge").returns("{\"charged\":true}");
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).taskHandler(mocks).start();
                SfnClient sfn = Sdk.client(server.endpoint())) {
            String sm = sfn.createStateMachine(b -> b.name("Orders").roleArn(MachineOperationsTest.ROLE)
                    .definition(ExecutionOperationsTest.MOCKED)).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"amount\":3}")).executionArn();
            DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(sfn, arn);
            assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(d.output()).isEqualTo("{\"charged\":true}");
            assertThat(mocks.calls()).hasSize(1);
        }
    }
}
