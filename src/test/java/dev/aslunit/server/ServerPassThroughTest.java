package dev.aslunit.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aslunit.internal.passthrough.AwsStandIn;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The server's {@code passThrough}: a Task it names calls WireMock standing in for Lambda, with the
 * exact invocation the SDK sends; a Task it does not name never leaves the machine.
 */
class ServerPassThroughTest {

    private static WireMockServer LAMBDA;

    @BeforeAll
    static void start() {
        LAMBDA = AwsStandIn.started();
    }

    @AfterAll
    static void stop() {
        LAMBDA.stop();
    }

    @BeforeEach
    void reset() {
        LAMBDA.resetAll();
        LAMBDA.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"charged\":true}")));
    }

    private static DescribeExecutionResponse runOn(StepFunctionsServer server) {
        try (SfnClient sfn = Sdk.client(server.endpoint())) {
            String sm = sfn.createStateMachine(b -> b.name("Orders").roleArn(MachineOperationsTest.ROLE)
                    .definition(ExecutionOperationsTest.MOCKED)).stateMachineArn();
            String arn = sfn.startExecution(b -> b.stateMachineArn(sm).input("{\"amount\":3}")).executionArn();
            return ExecutionOperationsTest.awaitEnd(sfn, arn);
        }
    }

    private static List<LoggedRequest> requests() {
        return LAMBDA.findAll(anyRequestedFor(anyUrl()));
    }

    @Test
    void a_state_passed_through_calls_its_endpoint_in_every_execution() {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).region("us-east-1")
                .passThrough("Charge").awsEndpoint(URI.create(LAMBDA.baseUrl())).start()) {
            DescribeExecutionResponse d = runOn(server);

            assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(d.output()).isEqualTo("{\"charged\":true}");
        }
        assertThat(requests()).singleElement().satisfies(r -> {
            assertThat(r.getUrl()).isEqualTo("/2015-03-31/functions/charge/invocations");
            assertThat(r.getBodyAsString()).isEqualTo("{\"amount\":3}");
            assertThat(r.getHeader("Authorization")).contains("/us-east-1/lambda/aws4_request");
        });
    }

    @Test
    void a_resource_passed_through_calls_its_endpoint() {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0)
                .passThrough("arn:aws:states:::lambda:invoke").awsEndpoint(URI.create(LAMBDA.baseUrl())).start()) {
            assertThat(runOn(server).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
        assertThat(requests()).hasSize(1);
    }

    @Test
    void a_task_the_configuration_does_not_name_never_leaves_the_machine() {
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0)
                .passThrough("Refund").awsEndpoint(URI.create(LAMBDA.baseUrl())).start()) {
            assertThat(runOn(server).status()).isNotEqualTo(ExecutionStatus.SUCCEEDED);
        }
        try (StepFunctionsServer server = StepFunctionsServer.builder().port(0).awsEndpoint(URI.create(LAMBDA.baseUrl()))
                .start()) {
            assertThat(runOn(server).status()).isNotEqualTo(ExecutionStatus.SUCCEEDED);
        }
        assertThat(requests()).isEmpty();
    }

    @Test
    void a_resource_that_cannot_be_passed_through_is_refused_before_the_server_starts() {
        assertThatThrownBy(() -> StepFunctionsServer.builder().port(0)
                .passThrough("arn:aws:states:::aws-sdk:athena:getQueryExecution").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Add the artifact software.amazon.awssdk:athena");
        assertThatThrownBy(() -> StepFunctionsServer.builder().port(0).passThrough("arn:aws:states:::ecs:runTask.sync")
                .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is passed through only for states:startExecution");
    }
}
