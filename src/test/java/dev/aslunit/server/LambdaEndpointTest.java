package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Lambda tasks invoked at a Lambda API endpoint, as with Step Functions Local's LAMBDA_ENDPOINT. */
class LambdaEndpointTest {

    static HttpServer lambda;
    static final List<String> calls = new CopyOnWriteArrayList<>();
    static StepFunctionsServer server;
    static SfnClient sfn;

    @BeforeAll
    static void start() throws IOException {
        // A stand-in for sam local start-lambda: "greet" answers, "explode" raises, others do not exist.
        lambda = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        lambda.createContext("/2015-03-31/functions/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            calls.add(path + " " + body);
            String answer;
            int status = 200;
            if (path.endsWith("/greet/invocations")) {
                answer = "{\"greeting\":\"hello " + body.replaceAll(".*\"who\":\"([^\"]*)\".*", "$1") + "\"}";
            } else if (path.endsWith("/explode/invocations")) {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                answer = "{\"errorType\":\"ValueError\",\"errorMessage\":\"bad input\"}";
            } else {
                status = 404;
                answer = "{\"Type\":\"User\",\"message\":\"Function not found\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        lambda.start();
        server = StepFunctionsServer.builder().port(0)
                .lambdaEndpoint(URI.create("http://127.0.0.1:" + lambda.getAddress().getPort())).start();
        sfn = Sdk.client(server.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
        lambda.stop(0);
    }

    static DescribeExecutionResponse run(String name, String definition, String input) {
        String sm = sfn.createStateMachine(b -> b.name(name).roleArn(MachineOperationsTest.ROLE).definition(definition))
                .stateMachineArn();
        return ExecutionOperationsTest.awaitEnd(sfn,
                sfn.startExecution(b -> b.stateMachineArn(sm).input(input)).executionArn());
    }

    @Test
    void lambda_invoke_wraps_the_functions_answer_as_aws_does() {
        DescribeExecutionResponse d = run("invoke", """
                {"StartAt":"Greet","States":{"Greet":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:greet:live",
                                "Payload":{"who.$":"$.name"}},
                  "ResultSelector":{"greeting.$":"$.Payload.greeting","status.$":"$.StatusCode"},"End":true}}}""",
                "{\"name\":\"Ada\"}");
        assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(d.output()).isEqualTo("{\"greeting\":\"hello Ada\",\"status\":200}");
        assertThat(calls).contains("/2015-03-31/functions/greet/invocations {\"who\":\"Ada\"}");
    }

    @Test
    void a_function_arn_resource_gets_the_bare_answer_and_function_errors_fail_the_task() {
        DescribeExecutionResponse ok = run("bare", """
                {"StartAt":"Greet","States":{"Greet":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:greet","End":true}}}""", "{\"who\":\"Bob\"}");
        assertThat(ok.output()).isEqualTo("{\"greeting\":\"hello Bob\"}");

        DescribeExecutionResponse failed = run("exploding", """
                {"StartAt":"Boom","States":{"Boom":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"explode","Payload.$":"$"},"End":true}}}""", "{}");
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error()).isEqualTo("ValueError");
        assertThat(failed.cause()).isEqualTo("{\"errorType\":\"ValueError\",\"errorMessage\":\"bad input\"}");

        DescribeExecutionResponse missing = run("missing", """
                {"StartAt":"Nope","States":{"Nope":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"nope"},"End":true}}}""", "{}");
        assertThat(missing.error()).isEqualTo("Lambda.ResourceNotFoundException");
    }
}
