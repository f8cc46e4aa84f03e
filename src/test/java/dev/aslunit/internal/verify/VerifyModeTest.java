package dev.aslunit.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import dev.aslunit.server.StepFunctionsServer;
import dev.aslunit.testkit.TestKitOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The same @StepFunctionTest classes, run in verify mode against aslunit serve's TestState on loopback. */
class VerifyModeTest {

    private static StepFunctionsServer server;

    @BeforeAll
    static void serve() {
        server = StepFunctionsServer.builder().port(0).start();
        Credentials.set();
    }

    @AfterAll
    static void stop() {
        server.close();
        Credentials.clear();
    }

    @Test
    void every_state_of_the_path_agrees_with_aslunit_serve_and_the_report_says_so(@TempDir Path reports) throws Exception {
        EngineExecutionResults results = run(reports, Map.of(), VerifyFixtures.Orders.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        JsonNode report = Json.parse(Files.readString(reports.resolve("verify.json")));
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        // happy path: 1 + 1 + 3 attempts + 1 + 1; declined: 1 + 1 + 1 + 1 + 1
        assertThat(report.path("calls").asInt()).isEqualTo(12);
        Map<String, String> status = statuses(report);
        assertThat(status).containsEntry("ValidateOrder", "verified").containsEntry("ChargePayment", "verified")
                .containsEntry("ShipOrder", "verified").containsEntry("NotifyCustomer", "verified")
                .containsEntry("PaymentFailed", "verified").containsEntry("Done", "verified")
                .containsEntry("AwaitApproval", "not run").containsEntry("ApprovalExpired", "not run");
        assertThat(Files.readString(reports.resolve("verify.md")))
                .contains("| ChargePayment | verified | 4 |", "| AwaitApproval | not run | 0 |");
    }

    @Test
    void nested_states_and_variables_are_verified_and_a_pass_state_reading_the_context_object_is_not(@TempDir Path reports)
            throws Exception {
        EngineExecutionResults results = run(reports, Map.of(), VerifyFixtures.FanOut.class);

        // the second test's Map fails from inside (errorCausedByState "Reserve") into its catcher
        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        JsonNode report = Json.parse(Files.readString(reports.resolve("verify.json")));
        Map<String, String> status = statuses(report);
        assertThat(status).containsEntry("Prepare", "verified").containsEntry("Both", "verified")
                .containsEntry("Price", "verified").containsEntry("Label", "verified")
                .containsEntry("EachItem", "verified").containsEntry("Reserve", "verified")
                .containsEntry("Done", "verified").containsEntry("SoldOut", "verified")
                .containsEntry("Stamp", "not verified");
        JsonNode stamp = report.path("workflows").get(0).path("states").get(1);
        assertThat(stamp.path("notVerified").get(0).asText()).isEqualTo("it reads the context object, which TestState"
                + " takes only with a mocked Task, Map or Parallel");
        assertThat(Files.readString(reports.resolve("verify.md")))
                .contains("| Stamp | not verified | 0 | not verified: it reads the context object");
    }

    @Test
    void the_context_object_goes_with_the_states_that_read_it_and_a_tolerated_failure_with_the_map(
            @TempDir Path reports) throws Exception {
        EngineExecutionResults results = run(reports, Map.of(), VerifyFixtures.Context.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        JsonNode report = Json.parse(Files.readString(reports.resolve("verify.json")));
        assertThat(statuses(report)).containsEntry("Stamp", "not verified").containsEntry("Charge", "verified")
                .containsEntry("Tolerant", "verified").containsEntry("Named", "verified")
                .containsEntry("Check", "not verified");
        JsonNode check = report.path("workflows").get(0).path("states").get(3);
        assertThat(check.path("notVerified").get(0).asText()).isEqualTo(
                "it reads the Map's item from the context object, which TestState cannot be given ($$.Map)");
    }

    @Test
    void the_context_and_the_tolerated_failures_are_sent_as_the_run_saw_them(@TempDir Path reports) throws Exception {
        run(reports, Map.of(VerifySettings.DRY_RUN, "true"), VerifyFixtures.Context.class);

        JsonNode calls = Json.parse(Files.readString(reports.resolve("verify-calls.json")));
        Map<String, JsonNode> byPlace = new java.util.LinkedHashMap<>();
        calls.forEach(c -> byPlace.put(c.path("place").asText(), c.path("request")));
        assertThat(byPlace).doesNotContainKey("Stamp");
        JsonNode charge = Json.parse(byPlace.get("Charge (attempt 2 of 2)").path("context").asText());
        String execution = calls.get(0).path("execution").asText();
        assertThat(charge.path("Execution").path("Name").asText()).isEqualTo(execution);
        assertThat(charge.path("Execution").path("Id").asText()).endsWith(":execution:context:" + execution);
        assertThat(charge.path("Execution").path("Input")).isEqualTo(Json.parse("{\"items\": [\"a\", \"b\", \"c\"]}"));
        assertThat(charge.path("Execution").path("StartTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]{12}Z");
        assertThat(charge.path("StateMachine").path("Id").asText()).endsWith(":stateMachine:context");
        assertThat(charge.path("State").path("Name").asText()).isEqualTo("Charge");
        assertThat(charge.path("State").path("RetryCount").asInt()).isEqualTo(1);
        assertThat(charge.has("Task")).isFalse();
        assertThat(Json.parse(byPlace.get("Charge (attempt 1 of 2)").path("context").asText())
                .path("State").path("RetryCount").asInt()).isZero();
        JsonNode tolerant = byPlace.get("Tolerant");
        assertThat(tolerant.path("stateConfiguration").path("mapIterationFailureCount").asInt()).isEqualTo(1);
        assertThat(Json.parse(tolerant.path("mock").path("result").asText())).isEqualTo(Json.parse(
                "[{\"Error\": \"Check.Failed\", \"Cause\": \"item 0 is bad\"}, {\"fine\": true}, {\"fine\": true}]"));
        assertThat(tolerant.has("context")).isFalse();
    }

    @Test
    void a_dry_run_lists_the_requests_and_makes_none_so_it_needs_no_account(@TempDir Path reports) throws Exception {
        // port 9 (discard) has nobody listening: a call would fail the tests
        EngineExecutionResults results = run(reports, Map.of(VerifySettings.DRY_RUN, "true",
                VerifySettings.ENDPOINT, "http://127.0.0.1:9", VerifySettings.ACCOUNT, ""), VerifyFixtures.Orders.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        JsonNode calls = Json.parse(Files.readString(reports.resolve("verify-calls.json")));
        assertThat(calls).hasSize(12);
        JsonNode retried = calls.get(2);
        assertThat(retried.path("place").asText()).isEqualTo("ChargePayment (attempt 1 of 3)");
        assertThat(retried.path("request").path("stateName").asText()).isEqualTo("ChargePayment");
        assertThat(retried.path("request").path("mock").path("errorOutput").path("error").asText())
                .isEqualTo("Lambda.TooManyRequestsException");
        assertThat(retried.path("request").path("stateConfiguration").path("retrierRetryCount").asInt()).isZero();
        assertThat(calls.get(3).path("request").path("stateConfiguration").path("retrierRetryCount").asInt()).isEqualTo(1);
        assertThat(Json.parse(Files.readString(reports.resolve("verify.json"))).path("calls").asInt()).isEqualTo(12);
    }

    @Test
    void a_map_is_mocked_with_its_iterations_results_or_the_error_and_the_state_it_arose_in(@TempDir Path reports)
            throws Exception {
        run(reports, Map.of(VerifySettings.DRY_RUN, "true"), VerifyFixtures.FanOut.class);

        List<JsonNode> maps = new java.util.ArrayList<>();
        Json.parse(Files.readString(reports.resolve("verify-calls.json"))).forEach(c -> {
            if (c.path("request").path("stateName").asText().equals("EachItem")) {
                maps.add(c.path("request"));
            }
        });
        assertThat(maps).hasSize(2);
        assertThat(maps.get(0).path("mock").path("result").asText()).isEqualTo("[{\"reserved\":true},{\"reserved\":true}]");
        assertThat(maps.get(0).path("variables").asText()).isEqualTo("{\"currency\":\"EUR\"}");
        assertThat(maps.get(1).path("mock").path("errorOutput").path("error").asText()).isEqualTo("Stock.Gone");
        assertThat(maps.get(1).path("stateConfiguration").path("errorCausedByState").asText()).isEqualTo("Reserve");
    }

    @Test
    void a_run_that_names_no_account_calls_nothing_and_fails_saying_what_to_set(@TempDir Path reports) {
        Map<String, String> noAccount = new LinkedHashMap<>();
        noAccount.put(VerifySettings.ACCOUNT, "");
        EngineExecutionResults results = run(reports, noAccount, VerifyFixtures.Orders.class);

        results.testEvents().assertStatistics(s -> s.failed(2));
        assertThat(failure(results)).contains("only when the run names the AWS account it may call",
                VerifySettings.ACCOUNT + "=123456789012");
    }

    @Test
    void a_role_in_another_account_is_refused(@TempDir Path reports) {
        EngineExecutionResults results = run(reports, Map.of(VerifySettings.ROLE_ARN,
                "arn:aws:iam::111122223333:role/TestState"), VerifyFixtures.Orders.class);

        results.testEvents().assertStatistics(s -> s.failed(2));
        assertThat(failure(results)).contains("is in account 111122223333, and the run names account 000000000000");
    }

    @Test
    void the_cap_stops_the_run_before_a_test_would_exceed_it(@TempDir Path reports) throws Exception {
        EngineExecutionResults results = run(reports, Map.of(VerifySettings.MAX_CALLS, "8"), VerifyFixtures.Orders.class);

        // the first test makes its 7 calls; the second would need 5 more
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(failure(results)).contains("Verify mode stops before 12 TestState calls: the run may make 8"
                + " (aslunit.verify.maxCalls), has made 7, and this test needs 5 more.");
    }

    @Test
    void without_the_endpoint_parameter_nothing_is_verified(@TempDir Path reports) {
        Map<String, String> off = new LinkedHashMap<>();
        off.put(VerifySettings.ENDPOINT, "");
        EngineExecutionResults results = run(reports, off, VerifyFixtures.Orders.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(reports.resolve("verify.json")).doesNotExist();
    }

    static EngineExecutionResults run(Path reports, Map<String, String> overrides, Class<?> fixture) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(VerifySettings.ENDPOINT, server.endpoint().toString());
        parameters.putAll(overrides);
        return runAgainst(reports, parameters, fixture);
    }

    /** The fixture in verify mode, for account 000000000000 unless {@code overrides} say otherwise. */
    static EngineExecutionResults runAgainst(Path reports, Map<String, String> overrides, Class<?> fixture) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(TestKitOnly.PARAMETER, "true");
        parameters.put("aslunit.report.dir", reports.toString());
        parameters.put(VerifySettings.ACCOUNT, "000000000000");
        parameters.putAll(overrides);
        return EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .selectors(DiscoverySelectors.selectClass(fixture)).execute();
    }

    static String failure(EngineExecutionResults results) {
        List<Throwable> failures = results.testEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .orElseThrow())
                .toList();
        assertThat(failures).isNotEmpty();
        return failures.get(failures.size() - 1).getMessage();
    }

    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> out = new LinkedHashMap<>();
        report.path("workflows").get(0).path("states").forEach(s -> out.put(s.path("state").asText(),
                s.path("status").asText()));
        return out;
    }

    /** The SDK's default chain needs credentials to sign; aslunit serve checks none. */
    static final class Credentials {
        private Credentials() {
        }

        static void set() {
            System.setProperty("aws.accessKeyId", "verify");
            System.setProperty("aws.secretAccessKey", "verify");
        }

        static void clear() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
