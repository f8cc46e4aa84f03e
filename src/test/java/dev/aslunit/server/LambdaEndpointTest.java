package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
    static void start() {
        // A stand-in for sam local start-lambda: "greet" answers, "explode" raises, others do not exist.
        lambda = Stub.start("/2015-03-31/functions/", (path, body) -> {
            calls.add(path + " " + body);
            if (path.endsWith("/greet/invocations")) {
                return new Stub.Answer(200, Map.of(),
                        "{\"greeting\":\"hello " + body.replaceAll(".*\"who\":\"([^\"]*)\".*", "$1") + "\"}");
            }
            if (path.endsWith("/explode/invocations")) {
                return new Stub.Answer(200, Map.of("X-Amz-Function-Error", "Unhandled"),
                        "{\"errorType\":\"ValueError\",\"errorMessage\":\"bad input\"}");
            }
            return new Stub.Answer(404, Map.of(), "{\"Type\":\"User\",\"message\":\"Function not found\"}");
        });
        server = StepFunctionsServer.builder().port(0)
                .lambdaEndpoint(URI.create(Stub.url(lambda))).start();
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
