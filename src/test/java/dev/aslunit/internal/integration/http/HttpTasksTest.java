package dev.aslunit.internal.integration.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.aslunit.internal.json.JsonText.json;
import static dev.aslunit.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

@WireMockTest
class HttpTasksTest {

    static final String HTTP = "arn:aws:states:::http:invoke";

    static TaskInvocation http(String parameters) {
        return call("CallApi", HTTP, parameters, 0, 0);
    }

    static TaskOutcome answer(HttpTaskClient tasks, String parameters) {
        return tasks.answer(http(parameters)).orElseThrow();
    }

    @Test
    void a_get_sends_query_and_headers_as_aws_builds_them_and_returns_awss_shape(WireMockRuntimeInfo wm) {
        WireMock server = wm.getWireMock();
        server.register(get(urlPathEqualTo("/customers")).willReturn(okJson("{\"data\": [1, 2]}").withHeader("X-Trace", "t1")));

        TaskOutcome outcome = answer(new HttpTaskClient(), """
                {"ApiEndpoint": "%s/customers", "Method": "GET",
                 "Headers": {"Accept": "application/json"},
                 "QueryParameters": {"limit": 2, "tag": ["a", "b c"]}}""".formatted(wm.getHttpBaseUrl()));

        JsonNode result = ((TaskOutcome.Succeeded) outcome).result();
        assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
        assertThat(result.get("StatusText").textValue()).isEqualTo("OK");
        assertThat(result.get("ResponseBody")).isEqualTo(json("{\"data\": [1, 2]}"));
        assertThat(result.get("Headers").get("x-trace")).isEqualTo(json("[\"t1\"]"));
        server.verifyThat(getRequestedFor(urlEqualTo("/customers?limit=2&tag=a&tag=b+c"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("Amazon|StepFunctions|HttpInvoke|us-east-1"))
                .withHeader("Range", equalTo("bytes=0-262144")));
    }

    @Test
    void a_json_body_is_sent_as_json(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlEqualTo("/shipments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"trackingId\": \"TRK-9\"}")));

        TaskOutcome outcome = answer(new HttpTaskClient(), """
                {"ApiEndpoint": "%s/shipments", "Method": "POST", "RequestBody": {"orderId": "o-17"}}"""
                .formatted(wm.getHttpBaseUrl()));

        assertThat(((TaskOutcome.Succeeded) outcome).result().get("StatusText").textValue()).isEqualTo("Created");
        assertThat(((TaskOutcome.Succeeded) outcome).result().get("ResponseBody").get("trackingId").textValue()).isEqualTo("TRK-9");
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/shipments"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"orderId\": \"o-17\"}")));
    }

    @Test
    void a_url_encoded_transform_sends_a_form(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlEqualTo("/form")).willReturn(aResponse().withStatus(200).withBody("done")));

        TaskOutcome outcome = answer(new HttpTaskClient(), """
                {"ApiEndpoint": "%s/form", "Method": "POST",
                 "RequestBody": {"name": "a b", "tags": ["x", "y"], "address": {"city": "Zürich"}},
                 "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "BRACKETS"}}}"""
                .formatted(wm.getHttpBaseUrl()));

        assertThat(((TaskOutcome.Succeeded) outcome).result().get("ResponseBody").textValue()).isEqualTo("done");
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/form"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("name=a+b&tags%5B%5D=x&tags%5B%5D=y&address%5Bcity%5D=Z%C3%BCrich")));
    }

    @Test
    void a_status_outside_2xx_fails_with_awss_error_name(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/busy")).willReturn(aResponse().withStatus(503).withBody("busy")));

        TaskOutcome outcome = answer(new HttpTaskClient(), """
                {"ApiEndpoint": "%s/busy", "Method": "GET"}""".formatted(wm.getHttpBaseUrl()));

        assertThat(outcome).isInstanceOf(TaskOutcome.Failed.class);
        TaskOutcome.Failed failed = (TaskOutcome.Failed) outcome;
        assertThat(failed.error()).isEqualTo("States.Http.StatusCode.503");
        JsonNode cause = json(failed.cause());
        assertThat(cause.get("StatusCode").intValue()).isEqualTo(503);
        assertThat(cause.get("StatusText").textValue()).isEqualTo("Service Unavailable");
        assertThat(cause.get("ResponseBody").textValue()).isEqualTo("busy");
    }

    @Test
    void a_route_sends_a_public_endpoint_to_the_stub_server(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlEqualTo("/shipments?x=1")).willReturn(okJson("{}")));
        HttpTaskClient tasks = new HttpTaskClient().route("https://shipping.example.com", wm.getHttpBaseUrl() + "/");

        TaskOutcome outcome = answer(tasks, """
                {"ApiEndpoint": "https://shipping.example.com/shipments", "Method": "POST",
                 "QueryParameters": {"x": "1"}}""");

        assertThat(outcome).isInstanceOf(TaskOutcome.Succeeded.class);
        wm.getWireMock().verifyThat(1, postRequestedFor(urlEqualTo("/shipments?x=1")));
    }

    @Test
    void a_route_matches_whole_host_names_only() {
        HttpTaskClient tasks = new HttpTaskClient().route("https://shipping.example.com", "http://localhost:1");

        assertThatThrownBy(() -> tasks.answer(http("""
                {"ApiEndpoint": "https://shipping.example.com.evil.org/x", "Method": "GET"}""")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("HTTP task \"CallApi\" would call https://shipping.example.com.evil.org/x, which is not loopback");
    }

    @Test
    void anything_but_loopback_is_refused_with_the_two_fixes() {
        assertThatThrownBy(() -> new HttpTaskClient().answer(http("""
                {"ApiEndpoint": "https://api.example.com/v1/customers", "Method": "GET"}""")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("""
                        HTTP task "CallApi" would call https://api.example.com/v1/customers, which is not loopback: \
                        tests call only this machine unless they allow more.
                        Send it to a stub server:
                          sfn.http().route("https://api.example.com", wireMock.getHttpBaseUrl());
                        or allow the host:
                          sfn.http().allowHost("api.example.com");""");
    }

    @Test
    void a_connection_failure_is_a_socket_error() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        TaskOutcome outcome = answer(new HttpTaskClient(), """
                {"ApiEndpoint": "http://127.0.0.1:%d/x", "Method": "GET"}""".formatted(port));

        assertThat(((TaskOutcome.Failed) outcome).error()).isEqualTo("States.Http.Socket");
    }

    @Test
    void bad_parameters_fail_the_task_with_the_reason() {
        HttpTaskClient tasks = new HttpTaskClient();

        assertThat(answer(tasks, "{\"ApiEndpoint\": \"http://localhost/x\", \"Method\": \"FETCH\"}")).isEqualTo(TaskOutcome.failed(
                "States.Runtime", "HTTP task \"CallApi\": the parameter Method must be one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS."));
        assertThat(answer(tasks, "{\"Method\": \"GET\"}")).isEqualTo(TaskOutcome.failed(
                "States.Runtime", "HTTP task \"CallApi\": the parameter ApiEndpoint must be a URL string."));
        assertThat(answer(tasks, "{\"ApiEndpoint\": \"http://localhost/x\", \"Method\": \"GET\", \"Headers\": {\"Host\": \"h\"}}"))
                .isEqualTo(TaskOutcome.failed("States.Runtime",
                        "HTTP task \"CallApi\": the header \"Host\" cannot be set on an HTTP task; remove it from Headers."));
    }

    @Test
    void other_resources_are_not_its_business() {
        assertThat(new HttpTaskClient().answer(call("F", "arn:aws:states:::lambda:invoke", "{}", 0, 0))).isEmpty();
    }

    @Test
    void a_route_needs_a_usable_target() {
        assertThatThrownBy(() -> new HttpTaskClient().route("https://a.example.com", "localhost:8080"))
                .hasMessage("route(\"https://a.example.com\", \"localhost:8080\"): the target needs a scheme and a host,"
                        + " e.g. \"http://localhost:8080\".");
    }
}
