package dev.aslunit.internal.passthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;

/**
 * A passed-through {@code lambda:invoke.waitForTaskToken} whose function calls back itself: a stand-in
 * Lambda (a loopback server) that, while its Invoke runs, sends {@code SendTaskSuccess} or
 * {@code SendTaskFailure} through the AWS SDK to {@code sfn.callbackEndpoint()}, as a function given
 * that endpoint would.
 */
class LambdaCallbackTest {

    private HttpServer lambda;
    private final List<String> invoked = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void credentials() {
        AwsStandIn.credentials();
    }

    @AfterEach
    void stop() {
        lambda.stop(0);
    }

    /** A function that, given the task token in its payload, calls back through {@code callback} before it returns. */
    private StateMachineUnderTest sfnWithFunction(BiConsumer<SfnClient, String> callback) throws IOException {
        lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        StateMachineUnderTest sfn = StateMachineUnderTest.of(StepFunctionsConfig.newBuilder()
                .definition("passthrough/lambda-callback.asl.json")
                .awsEndpoint(URI.create("http://127.0.0.1:" + lambda.getAddress().getPort())).awsRegion("us-east-1")
                .build());
        URI callbacks = sfn.callbackEndpoint();
        lambda.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            invoked.add(exchange.getRequestURI() + " " + body);
            try (SfnClient client = SfnClient.builder().endpointOverride(callbacks).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fn", "fn")))
                    .build()) {
                callback.accept(client, Json.parse(body).path("token").asText());
            }
            byte[] reply = "null".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        lambda.start();
        return sfn.passThrough("Call");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    @Test
    void the_functions_send_task_success_is_the_tasks_result() throws Exception {
        StateMachineUnderTest sfn = sfnWithFunction((client, token) ->
                client.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}")));

        Execution execution = sfn.run(Map.of("orderId", "o-1"));

        assertThat(invoked).singleElement().asString().startsWith("/2015-03-31/functions/approve/invocations {");
        assertThat(execution.output()).isEqualTo(json("{\"approved\":true}"));
        assertThat(execution.duration()).isZero();
    }

    @Test
    void the_functions_send_task_failure_fails_the_task() throws Exception {
        StateMachineUnderTest sfn = sfnWithFunction((client, token) ->
                client.sendTaskFailure(b -> b.taskToken(token).error("Approval.Rejected").cause("over the limit")));

        Execution execution = sfn.run(Map.of("orderId", "o-1"));

        assertThat(execution.error()).isEqualTo("Approval.Rejected");
        assertThat(execution.cause()).isEqualTo("over the limit");
    }

    @Test
    void a_token_the_endpoint_does_not_wait_for_is_invalid_token() throws Exception {
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        StateMachineUnderTest sfn = sfnWithFunction((client, token) -> {
            try {
                client.sendTaskSuccess(b -> b.taskToken("not-" + token).output("{}"));
            } catch (RuntimeException e) {
                refused.add(e);
            }
            client.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
        });

        assertThat(sfn.run(Map.of("orderId", "o-1")).status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(refused).singleElement().isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> { throw refused.get(0); }).hasMessageStartingWith("Invalid Token: 'Invalid token'");
    }

    @Test
    void a_callback_that_never_comes_fails_with_where_to_send_it() throws Exception {
        sfnWithFunction((client, token) -> { });
        PassThrough passThrough = new PassThrough(new AwsSettings(URI.create("http://127.0.0.1:"
                + lambda.getAddress().getPort()), "us-east-1", false), PassThrough.class.getClassLoader(),
                new NestedExecutions.Polling(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(100)));
        String resource = "arn:aws:states:::lambda:invoke.waitForTaskToken";
        passThrough.passState("Call", resource);
        URI callbacks = passThrough.callbackEndpoint();
        TaskInvocation call = new TaskInvocation("Call", resource, Json.nodes().objectNode().put("FunctionName", "approve")
                .set("Payload", Json.nodes().objectNode().put("token", "token-1")),
                0, 0, "token-1", Instant.parse("2026-01-01T00:00:00Z"),
                "arn:aws:states:us-east-1:123456789012:execution:Approve:e-1");

        assertThatThrownBy(() -> passThrough.answer(call)).isInstanceOf(IllegalStateException.class)
                .hasMessage("No callback came for the task token of Task state 'Call' (" + resource + ") within 100 ms at "
                        + callbacks + ": configure the function to send SendTaskSuccess or SendTaskFailure there (e.g."
                        + " AWS_ENDPOINT_URL_SFN=" + callbacks + ").");
        assertThat(invoked).hasSize(1);
    }
}
