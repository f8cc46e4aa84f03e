package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.MockResponseValidationMode;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * TestState's mocks, stateName, context and stateConfiguration through the AWS SDK for Java v2, as a
 * team that follows AWS's advice writes its tests; AWS's answers and exceptions as expectations.
 */
class TestStateMockTest {

    @RegisterExtension
    static final LocalServer local = new LocalServer();

    static final String MACHINE = """
            {"StartAt":"Charge","States":{
              "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"FunctionName":"charge","Payload.$":"$"},"ResultSelector":{"paid.$":"$.Payload.paid"},
                "ResultPath":"$.payment","Next":"Each",
                "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"MaxAttempts":2}],
                "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Refund"}]},
              "Each":{"Type":"Map","ItemsPath":"$.lines","ToleratedFailureCount":0,"ResultPath":"$.shipped","End":true,
                "ItemProcessor":{"StartAt":"Ship","States":{"Ship":{"Type":"Task",
                  "Resource":"arn:aws:states:::aws-sdk:sfn:startExecution",
                  "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:ship"},"End":true}}}},
              "Refund":{"Type":"Pass","End":true}}}""";

    @Test
    void a_state_of_a_machine_answers_from_its_mocked_result() {
        TestStateResponse r = local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge").input("{\"id\":1}")
                .inspectionLevel(InspectionLevel.DEBUG).mock(m -> m.result("{\"Payload\":{\"paid\":true},\"StatusCode\":200}")));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(r.nextState()).isEqualTo("Each");
        assertThat(r.output()).isEqualTo("{\"id\":1,\"payment\":{\"paid\":true}}");
        assertThat(r.inspectionData().afterResultSelector()).isEqualTo("{\"paid\":true}");
    }

    @Test
    void a_nested_state_is_found_by_its_name_and_checked_against_the_api_shape() {
        TestStateResponse r = local.sfn().testState(b -> b.definition(MACHINE).stateName("Ship")
                .mock(m -> m.result("{\"ExecutionArn\":\"arn\",\"StartDate\":\"2025-01-01T00:00:00Z\"}")));
        assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Ship")
                .mock(m -> m.result("{\"executionArn\":\"arn\"}"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Mock result schema validation error: Required field 'ExecutionArn' is missing");
        TestStateResponse present = local.sfn().testState(b -> b.definition(MACHINE).stateName("Ship")
                .mock(m -> m.result("{\"executionArn\":\"arn\"}").fieldValidationMode(MockResponseValidationMode.PRESENT)));
        assertThat(present.output()).isEqualTo("{\"executionArn\":\"arn\"}");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Nope")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("State not found in definition");
    }

    @Test
    void a_mocked_error_is_retriable_until_the_retry_count_uses_the_attempts_up() {
        TestStateResponse retriable = local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge")
                .inspectionLevel(InspectionLevel.DEBUG)
                .mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException").cause("slow down"))));
        assertThat(retriable.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
        assertThat(retriable.inspectionData().errorDetails().retryIndex()).isZero();
        assertThat(retriable.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(1);

        TestStateResponse caught = local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge")
                .inspectionLevel(InspectionLevel.TRACE).stateConfiguration(c -> c.retrierRetryCount(2))
                .mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException").cause("slow down"))));
        assertThat(caught.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
        assertThat(caught.nextState()).isEqualTo("Refund");
        assertThat(caught.inspectionData().errorDetails().catchIndex()).isZero();
    }

    @Test
    void a_map_runs_from_its_mocked_result_and_its_iteration_failure_count() {
        TestStateResponse ok = local.sfn().testState(b -> b.definition(MACHINE).stateName("Each")
                .input("{\"lines\":[1,2]}").inspectionLevel(InspectionLevel.DEBUG).mock(m -> m.result("[\"a\",\"b\"]")));
        assertThat(ok.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
        assertThat(ok.output()).isEqualTo("{\"lines\":[1,2],\"shipped\":[\"a\",\"b\"]}");
        assertThat(ok.inspectionData().afterItemsPath()).isEqualTo("[1,2]");
        assertThat(ok.inspectionData().maxConcurrency()).isZero();
        assertThat(ok.inspectionData().toleratedFailureCount()).isZero();

        TestStateResponse failed = local.sfn().testState(b -> b.definition(MACHINE).stateName("Each")
                .input("{\"lines\":[1,2]}").stateConfiguration(c -> c.mapIterationFailureCount(1))
                .mock(m -> m.result("[\"a\",\"b\"]")));
        assertThat(failed.status()).isEqualTo(TestExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void the_context_object_can_be_given_with_a_mock() {
        String task = """
                {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},
                 "ResultSelector":{"run.$":"$$.Execution.Name"},"End":true}""";
        TestStateResponse r = local.sfn().testState(b -> b.definition(task).mock(m -> m.result("{}"))
                .context("{\"Execution\":{\"Name\":\"nightly\"}}"));
        assertThat(r.output()).isEqualTo("{\"run\":\"nightly\"}");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(task).mock(m -> m.result("{}"))
                .context("{\"Execution\":{\"pokemon\":\"squirtle\"}}")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Invalid Context object provided: Field 'pokemon' is not allowed");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(task).mock(m -> m.result("{}"))
                .context("{\"Task\":{\"Token\":\"t\"}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'Task' field is only supported");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(task).roleArn(MachineOperationsTest.ROLE)
                .context("{\"Execution\":{\"Name\":\"nightly\"}}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("may only be specified with a mock");
    }

    @Test
    void each_refusal_is_awss_exception() {
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition("{\"Type\":\"Pass\",\"End\":true}")
                .mock(m -> m.result("{}"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("State type 'Pass' is not supported when a mock is specified");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Each")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("TestState API does not support Map or Parallel states");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge").revealSecrets(true)
                .mock(m -> m.result("{}"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("TestState does not support RevealSecrets when a mock is specified.");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge")
                .mock(m -> m.result("{not json").fieldValidationMode(MockResponseValidationMode.NONE))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Mocked result must be valid JSON");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Each")
                .input("{\"lines\":[1]}").stateConfiguration(c -> c.mapIterationFailureCount(2)).mock(m -> m.result("[1]"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Map iteration failure count must be less than or equal to the number of Map iterations");
        String parallel = """
                {"Type":"Parallel","End":true,"Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}]}""";
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("RoleArn must be specified when testing a Task state");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(MACHINE).stateName("Charge")
                .mock(m -> m.result("{}").errorOutput(e -> e.error("E")))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("A test mock should have only one of the following fields: [result, errorOutput].");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(parallel).mock(m -> m.result("{}"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Mocked result must be an array.");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(parallel).mock(m -> m.result("[1,2]"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Mocked result must contain the same number of items as number of Parallel branches.");
        assertThatThrownBy(() -> local.sfn().testState(b -> b.definition(parallel).mock(m -> m.result("[1]"))
                .stateConfiguration(c -> c.errorCausedByState("Z"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("errorCausedByState");
    }

    @Test
    void an_http_task_at_trace_shows_the_raw_request_and_response() {
        com.sun.net.httpserver.HttpServer api = Stub.start("/orders", (path, body) -> new Stub.Answer(201,
                java.util.Map.of("Content-Type", "application/json"), "{\"id\":7,\"got\":" + body + "}"));
        try {
            String http = """
                    {"Type":"Task","Resource":"arn:aws:states:::http:invoke","End":true,
                     "Parameters":{"ApiEndpoint":"%s/orders","Method":"POST","RequestBody":{"qty":2},
                       "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/c/1"}}}"""
                    .formatted(Stub.url(api));
            TestStateResponse trace = local.sfn().testState(b -> b.definition(http).roleArn(MachineOperationsTest.ROLE)
                    .inspectionLevel(InspectionLevel.TRACE));
            assertThat(trace.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(trace.inspectionData().request().method()).isEqualTo("POST");
            assertThat(trace.inspectionData().request().url()).isEqualTo(Stub.url(api) + "/orders");
            assertThat(trace.inspectionData().request().body()).isEqualTo("{\"qty\":2}");
            assertThat(trace.inspectionData().request().headers()).contains("Content-Type: application/json");
            assertThat(trace.inspectionData().response().statusCode()).isEqualTo("201");
            assertThat(trace.inspectionData().response().statusMessage()).isEqualTo("Created");
            assertThat(trace.inspectionData().response().body()).isEqualTo("{\"id\":7,\"got\":{\"qty\":2}}");

            TestStateResponse debug = local.sfn().testState(b -> b.definition(http).roleArn(MachineOperationsTest.ROLE)
                    .inspectionLevel(InspectionLevel.DEBUG));
            assertThat(debug.inspectionData().request()).isNull();
            assertThat(debug.inspectionData().response()).isNull();
        } finally {
            api.stop(0);
        }
    }
}
