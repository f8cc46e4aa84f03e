package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** HTTP Tasks call a stub server the user routes them to, and nothing off this machine unless routed. */
class HttpEndpointsTest {

    static HttpServer stub;
    static StepFunctionsServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() {
        stub = Stub.start("/orders/7", (path, body) -> new Stub.Answer(200,
                Map.of("Content-Type", "application/json"), "{\"id\":7,\"state\":\"shipped\"}"));
        server = StepFunctionsServer.builder().port(0)
                .httpRoute("https://shop.example.com", Stub.url(stub)).start();
        sfn = Sdk.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
        stub.stop(0);
    }

    static DescribeExecutionResponse run(String name, String endpoint) {
        String sm = sfn.createStateMachine(b -> b.name(name).roleArn(MachineOperationsTest.ROLE).definition("""
                {"StartAt":"Get","States":{"Get":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
                  "Parameters":{"ApiEndpoint":"%s","Method":"GET",
                                "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/c/1"}},
                  "ResultSelector":{"body.$":"$.ResponseBody","status.$":"$.StatusCode"},"End":true}}}"""
                .formatted(endpoint))).stateMachineArn();
        return ExecutionOperationsTest.awaitEnd(sfn, sfn.startExecution(b -> b.stateMachineArn(sm)).executionArn());
    }

    @Test
    void a_routed_http_task_calls_the_stub() {
        DescribeExecutionResponse d = run("routed", "https://shop.example.com/orders/7");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"body\":{\"id\":7,\"state\":\"shipped\"},\"status\":200}");
    }

    @Test
    void an_unrouted_call_off_this_machine_fails_and_says_how_to_route_it() {
        DescribeExecutionResponse d = run("unrouted", "https://elsewhere.example.com/orders/7");
        assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(d.error()).isEqualTo("States.Runtime");
        assertThat(d.cause()).contains("https://elsewhere.example.com/orders/7").contains("--http-route ORIGIN=URL");
    }
}
