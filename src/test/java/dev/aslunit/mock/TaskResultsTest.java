package dev.aslunit.mock;

import static dev.aslunit.internal.json.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskResultsTest {

    @Test
    void an_http_2xx_is_awss_http_task_result() {
        TaskResult result = TaskResults.httpResponse(201, "{\"trackingId\": \"TRK-9\"}");

        assertThat(result.isFailure()).isFalse();
        assertThat(result.isWholeResponse()).isTrue();
        assertThat(result.result()).isEqualTo(json("""
                {"Headers": {"Content-Type": ["application/json"]}, "ResponseBody": {"trackingId": "TRK-9"},
                 "StatusCode": 201, "StatusText": "Created"}"""));
    }

    @Test
    void an_http_text_body_stays_text() {
        TaskResult result = TaskResults.httpResponse(200, "plain", Map.of("Content-Type", "text/plain"));

        assertThat(result.result().get("ResponseBody").textValue()).isEqualTo("plain");
    }

    @Test
    void an_http_error_status_fails_as_aws_does() {
        TaskResult result = TaskResults.httpResponse(404, "{\"message\": \"no such order\"}");

        assertThat(result.error()).isEqualTo("States.Http.StatusCode.404");
        assertThat(json(result.cause())).isEqualTo(json("""
                {"Headers": {"Content-Type": ["application/json"]}, "ResponseBody": {"message": "no such order"},
                 "StatusCode": 404, "StatusText": "Not Found"}"""));
        assertThatThrownBy(() -> TaskResults.httpResponse(42, ""))
                .hasMessage("HTTP status 42 is not a status code (100-599).");
    }

    @Test
    void api_gateway_answers_and_errors_as_aws_has_them() {
        assertThat(TaskResults.apiGatewayResponse(200, "{}").result().get("StatusText").textValue()).isEqualTo("OK");
        TaskResult forbidden = TaskResults.apiGatewayResponse(403, "{\"message\": \"Missing Authentication Token\"}");
        assertThat(forbidden.error()).isEqualTo("ApiGateway.403");
        assertThat(forbidden.cause()).isEqualTo("{\"message\": \"Missing Authentication Token\"}");
    }

    @Test
    void a_whole_lambda_response_can_be_built_and_changed() {
        var response = TaskResults.lambdaResponse("{\"ok\": true}");
        response.put("StatusCode", 202);

        assertThat(response.get("Payload")).isEqualTo(json("{\"ok\": true}"));
        assertThat(TaskResults.wholeResponse(response).result().get("StatusCode").intValue()).isEqualTo(202);
    }

    @Test
    void results_read_back_for_messages() {
        assertThat(TaskResults.json("{\"a\": 1}")).hasToString("returns {\"a\":1}");
        assertThat(TaskResults.wholeResponse("{}")).hasToString("returns the whole response {}");
        assertThat(TaskResults.failure("E", "c")).hasToString("fails with E \"c\"")
                .isEqualTo(TaskResults.failure("E", "c")).hasSameHashCodeAs(TaskResults.failure("E", "c"));
    }
}
