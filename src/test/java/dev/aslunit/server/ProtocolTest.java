package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The wire protocol with a raw HTTP client: what SDKs never send still gets AWS-style answers. The
 * tests share one server, and one of them expects it to hold no state machine: they run one at a time.
 */
@Execution(ExecutionMode.SAME_THREAD)
class ProtocolTest {

    static StepFunctionsServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = StepFunctionsServer.builder().port(0).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void binds_to_loopback_by_default() {
        assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void answers_operations_in_aws_json_1_0() throws Exception {
        HttpResponse<String> r = post("AWSStepFunctions.ListStateMachines", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(r.body()).isEqualTo("{\"stateMachines\":[]}");
    }

    @Test
    void malformed_json_is_a_serialization_exception() throws Exception {
        HttpResponse<String> r = post("AWSStepFunctions.ListStateMachines", "{\"maxResults\":");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"__type\":\"com.amazonaws.swf.service.v2.model#SerializationException\"");
        assertThat(post("AWSStepFunctions.ListStateMachines", "[1]").body()).contains("SerializationException");
    }

    @Test
    void unknown_or_missing_targets_are_unknown_operations() throws Exception {
        assertThat(post("AWSStepFunctions.Nope", "{}").body()).contains("UnknownOperationException");
        assertThat(post(null, "{}").body()).contains("UnknownOperationException").contains("X-Amz-Target");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(server.endpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(404);
    }

    @Test
    void wrong_member_types_are_validation_errors() throws Exception {
        HttpResponse<String> r = post("AWSStepFunctions.ListStateMachines", "{\"maxResults\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("ValidationException");
        assertThat(post("AWSStepFunctions.ListStateMachines", "{\"maxResults\":1001}").body())
                .contains("Member must have value less than or equal to 1000");
    }

    @Test
    void absurdly_nested_bodies_and_inputs_are_client_errors() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(post("AWSStepFunctions.ListStateMachines", deep).statusCode()).isEqualTo(400);
        post("AWSStepFunctions.CreateStateMachine", "{\"name\":\"deep\",\"roleArn\":\"arn:aws:iam::1:role/r\","
                + "\"definition\":\"{\\\"StartAt\\\":\\\"P\\\",\\\"States\\\":{\\\"P\\\":{\\\"Type\\\":\\\"Pass\\\",\\\"End\\\":true}}}\"}");
        HttpResponse<String> r = post("AWSStepFunctions.StartExecution", "{\"stateMachineArn\":"
                + "\"arn:aws:states:us-east-1:111111111111:stateMachine:deep\",\"input\":\"" + "[".repeat(5000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidExecutionInput");
    }

    @Test
    void survives_clients_that_disconnect_mid_request() throws Exception {
        URI e = server.endpoint();
        for (int i = 0; i < 20; i++) {
            try (Socket s = new Socket(e.getHost(), e.getPort())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSStepFunctions.ListStateMachines\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"max").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            try (Socket s = new Socket(e.getHost(), e.getPort())) {
                s.getOutputStream().write("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertThat(post("AWSStepFunctions.ListStateMachines", "{}").statusCode()).isEqualTo(200);
    }
}
