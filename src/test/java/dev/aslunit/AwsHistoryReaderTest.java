package dev.aslunit;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.StateMachineDefinition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AwsHistoryReaderTest {

    static final StateMachineDefinition MAP_CATCH = HistoryBuilder.definition("""
        {"StartAt": "StartState", "States": {
          "StartState": {"Type": "Pass", "Next": "MapState"},
          "MapState": {"Type": "Map", "Next": "Final",
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "FinalCaught"}],
            "ItemProcessor": {"StartAt": "HandleItemFail", "States": {
              "HandleItemFail": {"Type": "Fail", "Error": "HandleItemFailError", "Cause": "HandleItemFailCause"}}}},
          "Final": {"Type": "Pass", "End": true},
          "FinalCaught": {"Type": "Pass", "End": true}}}""");

    /** As {@code aws stepfunctions get-execution-history} prints it (AWS's own events for a caught Map failure). */
    static final String HISTORY = """
        {"events": [
          {"timestamp": "2024-11-28T13:41:30.100000+01:00", "type": "ExecutionStarted", "id": 1, "previousEventId": 0,
           "executionStartedEventDetails": {"input": "[1]", "inputDetails": {"truncated": false}, "roleArn": "arn"}},
          {"timestamp": "2024-11-28T13:41:30.120000+01:00", "type": "PassStateEntered", "id": 2, "previousEventId": 0,
           "stateEnteredEventDetails": {"name": "StartState", "input": "[1]", "inputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.130000+01:00", "type": "PassStateExited", "id": 3, "previousEventId": 2,
           "stateExitedEventDetails": {"name": "StartState", "output": "[1]", "outputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.140000+01:00", "type": "MapStateEntered", "id": 4, "previousEventId": 3,
           "stateEnteredEventDetails": {"name": "MapState", "input": "[1]", "inputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.150000+01:00", "type": "MapStateStarted", "id": 5, "previousEventId": 4,
           "mapStateStartedEventDetails": {"length": 1}},
          {"timestamp": "2024-11-28T13:41:30.160000+01:00", "type": "MapIterationStarted", "id": 6, "previousEventId": 5,
           "mapIterationStartedEventDetails": {"name": "MapState", "index": 0}},
          {"timestamp": "2024-11-28T13:41:30.170000+01:00", "type": "FailStateEntered", "id": 7, "previousEventId": 6,
           "stateEnteredEventDetails": {"name": "HandleItemFail", "input": "1", "inputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.180000+01:00", "type": "MapIterationFailed", "id": 8, "previousEventId": 7,
           "mapIterationFailedEventDetails": {"name": "MapState", "index": 0}},
          {"timestamp": "2024-11-28T13:41:30.190000+01:00", "type": "MapStateFailed", "id": 9, "previousEventId": 7},
          {"timestamp": "2024-11-28T13:41:30.200000+01:00", "type": "MapStateExited", "id": 10, "previousEventId": 9,
           "stateExitedEventDetails": {"name": "MapState", "output": "{\\"Error\\":\\"HandleItemFailError\\",\\"Cause\\":\\"HandleItemFailCause\\"}", "outputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.210000+01:00", "type": "PassStateEntered", "id": 11, "previousEventId": 10,
           "stateEnteredEventDetails": {"name": "FinalCaught", "input": "{}", "inputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.220000+01:00", "type": "PassStateExited", "id": 12, "previousEventId": 11,
           "stateExitedEventDetails": {"name": "FinalCaught", "output": "{\\"Error\\":\\"HandleItemFailError\\"}", "outputDetails": {"truncated": false}}},
          {"timestamp": "2024-11-28T13:41:30.230000+01:00", "type": "ExecutionSucceeded", "id": 13, "previousEventId": 12,
           "executionSucceededEventDetails": {"output": "{\\"Error\\":\\"HandleItemFailError\\"}", "outputDetails": {"truncated": false}}}
        ]}""";

    @Test
    void a_real_aws_history_takes_the_same_assertions() {
        Execution execution = Execution.fromAwsHistory("from-aws", MAP_CATCH, HISTORY);

        assertThat(execution).succeeded()
                .tookPath("StartState", "MapState", "FinalCaught")
                .hasOutput("{\"Error\": \"HandleItemFailError\"}")
                .tookVirtualTime(Duration.ofMillis(130));
        assertThat(execution).state("MapState")
                .wasCaughtBy("FinalCaught").withError("HandleItemFailError")
                .hadIterations(1).iterationTookPath(0, "HandleItemFail");
        org.assertj.core.api.Assertions.assertThat(execution.startTime())
                .isEqualTo(java.time.Instant.parse("2024-11-28T12:41:30.100Z"));
    }

    @Test
    void epoch_second_timestamps_as_the_sdks_print_them() {
        Execution execution = Execution.fromAwsHistory("epoch", MAP_CATCH, """
            [{"timestamp": 1732797690.25, "type": "ExecutionStarted", "id": 1, "previousEventId": 0,
              "executionStartedEventDetails": {"input": "{}"}},
             {"timestamp": 1732797692.5, "type": "ExecutionAborted", "id": 2, "previousEventId": 1}]""");

        assertThat(execution).aborted().tookVirtualTime(Duration.ofMillis(2250));
    }

    @Test
    void something_else_is_refused_with_the_expected_shape() {
        assertThatThrownBy(() -> Execution.fromAwsHistory("x", MAP_CATCH, "{\"executions\": []}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not an execution history: expected {\"events\": [...]} as GetExecutionHistory returns it,"
                        + " or the array of events");
    }
}
