package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

class TimeModeTest {

    @Test
    void parses_the_three_modes() {
        assertThat(TimeMode.parse("virtual")).isEqualTo(TimeMode.virtual());
        assertThat(TimeMode.parse("real")).isEqualTo(TimeMode.real());
        assertThat(TimeMode.parse("scale=60")).isEqualTo(TimeMode.scaled(60));
        assertThat(TimeMode.parse("scale=0.5").toString()).isEqualTo("scale=0.5");
        assertThat(TimeMode.scaled(60).toString()).isEqualTo("scale=60");
        assertThatThrownBy(() -> TimeMode.parse("fast")).hasMessageContaining("use virtual, real or scale=N");
        assertThatThrownBy(() -> TimeMode.parse("scale=0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> TimeMode.parse("scale=x")).hasMessageContaining("use virtual, real or scale=N");
    }

    @Test
    void a_scaled_clock_runs_waits_at_its_pace_and_keeps_their_virtual_length() {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).timeMode(TimeMode.scaled(50)).start();
                SfnClient sfn = Sdk.client(server.endpoint())) {
            String sm = sfn.createStateMachine(b -> b.name("scaled").roleArn(MachineOperationsTest.ROLE).definition("""
                    {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}""")).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
            // 10 virtual seconds take 0.2 s of wall time: the execution is still waiting right after the start.
            assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);
            DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(sfn, arn);
            assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(Duration.between(d.startDate(), d.stopDate())).isEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void in_virtual_time_a_task_waiting_for_a_callback_times_out_on_the_wall_clock() {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).start();
                SfnClient sfn = Sdk.client(server.endpoint())) {
            String sm = sfn.createStateMachine(b -> b.name("beats").roleArn(MachineOperationsTest.ROLE).definition("""
                    {"StartAt":"Wait a day","States":{
                      "Wait a day":{"Type":"Wait","Seconds":86400,"Next":"Ask"},
                      "Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                             "HeartbeatSeconds":1,"Parameters":{"QueueUrl":"q","MessageBody.$":"$$.Task.Token"},
                             "End":true}}}""")).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn();
            DescribeExecutionResponse d = ExecutionOperationsTest.awaitEnd(sfn, arn);
            assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(d.error()).isEqualTo("States.HeartbeatTimeout");
            assertThat(Duration.between(d.startDate(), d.stopDate())).isEqualTo(Duration.ofSeconds(86_401));
        }
    }
}
