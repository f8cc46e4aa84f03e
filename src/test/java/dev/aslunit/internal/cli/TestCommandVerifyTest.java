package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.json.Json;
import dev.aslunit.server.StepFunctionsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aslunit test --verify-*}: the order-processing test file checked state by state on the embedded server. */
class TestCommandVerifyTest {

    private static final String FILE = "examples/order-processing/order-processing.aslunit.yaml";

    @TempDir
    Path reports;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The SDK signs every request; the server checks no signature, so any credentials do. */
    @BeforeEach
    void credentials() {
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterEach
    void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void the_options_verify_every_passed_case_and_the_report_goes_beside_the_coverage() throws Exception {
        int exit;
        String endpoint;
        try (StepFunctionsServer serve = StepFunctionsServer.builder().port(0).start()) {
            endpoint = serve.endpoint().toString();
            exit = run("test", "--report-dir", reports.toString(), "--verify-endpoint", endpoint,
                    "--verify-account", "000000000000", FILE);
        }

        assertThat(exit).as(out + "" + err).isZero();
        assertThat(out.toString()).contains(" passed, 0 failed, 0 errors (1 file)")
                .contains("Verify on " + endpoint + ": " + reports.resolve("verify.md"));
        assertThat(Files.readString(reports.resolve("verify.md")))
                .contains("| ValidateOrder | verified |", "| ChargePayment | verified |");
        JsonNode report = Json.parse(Files.readString(reports.resolve("verify.json")));
        assertThat(report.get("endpoint").asText()).isEqualTo(endpoint);
        assertThat(report.get("calls").asInt()).isPositive();
        assertThat(report.get("dryRun").asBoolean()).isFalse();
    }

    @Test
    void a_dry_run_needs_no_account_and_lists_the_calls() throws Exception {
        int exit = run("test", "--report-dir", reports.toString(), "--verify-endpoint", "http://127.0.0.1:9",
                "--verify-dry-run", FILE);

        assertThat(exit).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("Verify on http://127.0.0.1:9 (dry run): ");
        JsonNode calls = Json.parse(Files.readString(reports.resolve("verify-calls.json")));
        assertThat(calls.toString()).contains("\"stateName\":\"ChargePayment\"", "\"retrierRetryCount\":1");
        assertThat(Json.parse(Files.readString(reports.resolve("verify.json"))).get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void an_earlier_runs_report_is_not_passed_off_as_this_ones() throws Exception {
        Files.writeString(reports.resolve("verify.md"), "an earlier run");
        Files.writeString(reports.resolve("greet.asl.json"), """
                {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass", "Result": {"hello": "world"}, "End": true}}}""");
        Path failing = Files.writeString(reports.resolve("greet.aslunit.yaml"), """
                stateMachine: {definition: greet.asl.json}
                cases:
                  - name: expects the wrong greeting, so nothing is verified
                    expect: {output: {hello: moon}}
                """);

        int exit = run("test", "--report-dir", reports.toString(), "--verify-endpoint", "http://127.0.0.1:9",
                "--verify-dry-run", failing.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(reports.resolve("verify.md")).doesNotExist();
        assertThat(out.toString()).doesNotContain("Verify on");
    }

    @Test
    void the_cap_is_an_option_too() {
        int exit = run("test", "--report-dir", reports.toString(), "--verify-endpoint", "http://127.0.0.1:9",
                "--verify-account", "000000000000", "--verify-max-calls", "2", FILE);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("Verify mode stops before").contains("the run may make 2");
    }

    @Test
    void without_an_account_nothing_runs_and_the_message_names_the_option() {
        int exit = run("test", "--verify-endpoint", "http://127.0.0.1:9", FILE);

        assertThat(exit).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("add --verify-account 123456789012").contains("--verify-dry-run");
        assertThat(out.toString()).doesNotContain("PASS");
    }

    @Test
    void verify_options_without_the_endpoint_are_a_mistake_not_ignored() {
        assertThat(run("test", "--verify-account", "000000000000", "--verify-dry-run", FILE)).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("aslunit test: --verify-account, --verify-dry-run set up verify mode, which"
                + " only --verify-endpoint URL turns on");
    }

    @Test
    void a_bad_value_is_named_by_its_option() {
        assertThat(run("test", "--verify-endpoint", "http://127.0.0.1:9", "--verify-account", "12", FILE))
                .isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("aslunit test: --verify-account is \"12\": give the 12-digit AWS account id"
                + " the run may call, e.g. --verify-account 123456789012");

        assertThat(run("test", "--verify-endpoint", "states.eu-west-1", "--verify-dry-run", FILE)).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--verify-endpoint is \"states.eu-west-1\": give the Step Functions endpoint"
                + " as a URL, e.g. --verify-endpoint http://127.0.0.1:8083");
    }
}
