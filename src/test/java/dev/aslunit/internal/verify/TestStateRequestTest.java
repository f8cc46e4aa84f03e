package dev.aslunit.internal.verify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aslunit.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * WireMock stands in for a Step Functions endpoint: the TestState requests verify mode sends are
 * checked member by member against AWS's API reference (TestState: definition, stateName, input,
 * variables, inspectionLevel, mock.result / mock.errorOutput, mock.fieldValidationMode,
 * stateConfiguration.retrierRetryCount), and an endpoint that answers otherwise fails the test with
 * both answers side by side.
 */
class TestStateRequestTest {

    private static final WireMockServer SFN = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String TARGET = "AWSStepFunctions.TestState";

    @BeforeAll
    static void start() {
        SFN.start();
        VerifyModeTest.Credentials.set();
    }

    @AfterAll
    static void stop() {
        SFN.stop();
        VerifyModeTest.Credentials.clear();
    }

    @BeforeEach
    void reset() {
        SFN.resetAll();
        // the two answers AWS gives for the path (Charge's retry and the Succeed state) ...
        answer(5, "{\"stateName\": \"Charge\"}", "{\"status\": \"SUCCEEDED\", \"output\": \"{\\\"id\\\":1,"
                + "\\\"charge\\\":{\\\"ok\\\":true}}\", \"nextState\": \"Done\"}");
        answer(5, "{\"stateName\": \"Done\"}", "{\"status\": \"SUCCEEDED\", \"output\": \"{\\\"id\\\": 1, "
                + "\\\"charge\\\": {\\\"ok\\\": true}}\"}");
    }

    @Test
    void each_request_is_testState_with_the_members_of_the_api_reference(@TempDir Path reports) throws Exception {
        answer(1, "{\"stateConfiguration\": {\"retrierRetryCount\": 0}}", "{\"status\": \"RETRIABLE\","
                + " \"error\": \"Card.Busy\", \"cause\": \"try later\"}");

        EngineExecutionResults results = run(reports);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        String definition = Json.write(Json.parse(Files.readString(Path.of("src/test/resources/verify/charge.asl.json"))));
        ObjectNode first = request(definition, "Charge", "{\"id\":1}");
        first.putObject("mock").put("fieldValidationMode", "NONE").putObject("errorOutput")
                .put("error", "Card.Busy").put("cause", "try later");
        first.putObject("stateConfiguration").put("retrierRetryCount", 0);
        ObjectNode second = request(definition, "Charge", "{\"id\":1}");
        second.putObject("mock").put("result", "{\"ok\":true}").put("fieldValidationMode", "NONE");
        ObjectNode third = request(definition, "Done", "{\"id\":1,\"charge\":{\"ok\":true}}");
        for (ObjectNode expected : new ObjectNode[] {first, second, third}) {
            SFN.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                    .withRequestBody(equalToJson(Json.write(expected))));
        }
        SFN.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void a_state_the_endpoint_answers_otherwise_fails_the_test_with_both_answers(@TempDir Path reports) throws Exception {
        // planted: the endpoint catches the first attempt's error instead of retrying it
        answer(1, "{\"stateConfiguration\": {\"retrierRetryCount\": 0}}", "{\"status\": \"CAUGHT_ERROR\","
                + " \"output\": \"{\\\"id\\\":1}\", \"nextState\": \"Refunded\", \"error\": \"Card.Busy\", \"cause\": \"try later\"}");

        EngineExecutionResults results = run(reports);

        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = VerifyModeTest.failure(results);
        assertThat(message).startsWith("Verify on AWS: verify/charge.asl.json answered otherwise on " + SFN.baseUrl()
                + " (TestState) than on ASLUnit.");
        assertThat(message).contains("""
                Expecting status of state "Charge" (attempt 1 of 2) in execution "%s" to be the same on both sides:
                  ASLUnit:  RETRIABLE
                  endpoint: CAUGHT_ERROR
                """.formatted(execution(message)), """
                Expecting output of state "Charge" (attempt 1 of 2) in execution "%s" to be the same on both sides:
                  ASLUnit:  (none)
                  endpoint: {"id":1}
                """.formatted(execution(message)), """
                Expecting nextState of state "Charge" (attempt 1 of 2) in execution "%s" to be the same on both sides:
                  ASLUnit:  (none)
                  endpoint: Refunded
                """.formatted(execution(message)), """
                with input {"id":1} and the mock's error Card.Busy (try later), retrierRetryCount 0""");
        assertThat(message).doesNotContain("of state \"Done\"");
        assertThat(Files.readString(reports.resolve("verify.md")))
                .contains("| Charge | differed | 2 | Charge (attempt 1 of 2): status RETRIABLE (ASLUnit) vs CAUGHT_ERROR (endpoint),"
                        + " output (none) (ASLUnit) vs {\"id\":1} (endpoint), nextState (none) (ASLUnit) vs Refunded (endpoint) |")
                .contains("| Done | verified | 1 |");
    }

    @Test
    void an_endpoint_that_refuses_the_request_fails_the_test_with_its_message(@TempDir Path reports) {
        SFN.stubFor(post(urlEqualTo("/")).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\": \"InvalidDefinition\", \"message\": \"not today\"}")));

        EngineExecutionResults results = run(reports);

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(VerifyModeTest.failure(results))
                .contains("The endpoint refused the TestState request for state \"Charge\" (attempt 1 of 2) in execution")
                .contains("not today");
    }

    @Test
    void the_sdk_sends_the_context_and_the_tolerated_map_failures(@TempDir Path reports) {
        SFN.stubFor(post(urlEqualTo("/")).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\": \"ValidationException\", \"message\": \"only the requests matter here\"}")));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(VerifySettings.ENDPOINT, SFN.baseUrl());

        VerifyModeTest.runAgainst(reports, parameters, VerifyFixtures.Context.class);

        SFN.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"stateName\": \"Charge\"}", true, true))
                .withRequestBody(matchingJsonPath("$.context", containing("\"RetryCount\":"))));
        SFN.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson(
                "{\"stateName\": \"Tolerant\", \"stateConfiguration\": {\"mapIterationFailureCount\": 1}}", true, true)));
    }

    private static String execution(String message) {
        int start = message.indexOf("in execution \"") + "in execution \"".length();
        return message.substring(start, message.indexOf('"', start));
    }

    private static ObjectNode request(String definition, String state, String input) {
        ObjectNode body = Json.nodes().objectNode();
        body.put("definition", definition);
        body.put("stateName", state);
        body.put("input", input);
        body.put("inspectionLevel", "DEBUG");
        return body;
    }

    private static void answer(int priority, String bodyContains, String response) {
        SFN.stubFor(post(urlEqualTo("/")).atPriority(priority).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(equalToJson(bodyContains, true, true))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0").withBody(response)));
    }

    private static EngineExecutionResults run(Path reports) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(VerifySettings.ENDPOINT, SFN.baseUrl());
        return VerifyModeTest.runAgainst(reports, parameters, VerifyFixtures.Charge.class);
    }
}
