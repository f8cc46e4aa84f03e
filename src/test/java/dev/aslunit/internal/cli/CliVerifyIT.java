package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.aslunit.internal.cli.CliJarIT.Result;
import dev.aslunit.internal.json.Json;
import dev.aslunit.server.StepFunctionsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aslunit test --verify-*} as users run it (docs/cli.md#the-aws-sdk): the distribution's launcher
 * with the AWS SDK's jars from the local repository in {@code ASLUNIT_CLASSPATH} (the build lists them,
 * pom.xml), against {@code aslunit serve} embedded here on loopback; and the jar alone, which can only
 * dry-run and says what to add.
 */
class CliVerifyIT {

    private static final String ORDERS = Path.of("examples/order-processing").toAbsolutePath().toString();

    @TempDir
    Path reports;

    @Test
    void the_launcher_with_the_sdk_in_aslunit_classpath_verifies_the_test_files_on_serve() throws Exception {
        assumeFalse(System.getProperty("os.name").startsWith("Windows"), "bin/aslunit is the POSIX launcher");
        Path sdk = Path.of(System.getProperty("aslunit.awsSdkClasspath", "target/aws-sdk.classpath"));
        assertThat(sdk).as("the SDK's jars (mvn pre-integration-test lists them)").exists();
        Path archive = Path.of(System.getProperty("aslunit.distribution", "target/aslunit-bin.zip"));
        Path home = CliJarIT.unzip(archive, Files.createTempDirectory("aslunit-dist"));

        Result r;
        String endpoint;
        try (StepFunctionsServer serve = StepFunctionsServer.builder().port(0).start()) {
            endpoint = serve.endpoint().toString();
            r = CliJarIT.runCommand(List.of("sh", home.resolve("bin/aslunit").toString(), "test", "--report-dir",
                    reports.toString(), "--verify-endpoint", endpoint, "--verify-account", "000000000000", ORDERS),
                    Map.of("ASLUNIT_CLASSPATH", Files.readString(sdk).trim(),
                            // the SDK signs every request; the server checks no signature
                            "ASLUNIT_OPTS", "-Daws.accessKeyId=local -Daws.secretAccessKey=local"));
        }

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(" passed, 0 failed, 0 errors (1 file)")
                .contains("Verify on " + endpoint + ": " + reports.resolve("verify.md"));
        assertThat(Files.readString(reports.resolve("verify.md")))
                .contains("| ValidateOrder | verified |", "| ChargePayment | verified |");
    }

    @Test
    void the_jar_alone_dry_runs_and_names_the_sdk_to_add_for_the_calls() throws Exception {
        Result dry = CliJarIT.run("test", "--report-dir", reports.toString(), "--verify-endpoint",
                "http://127.0.0.1:9", "--verify-dry-run", ORDERS);
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(Json.parse(Files.readString(reports.resolve("verify-calls.json"))).findValuesAsText("stateName"))
                .contains("ValidateOrder", "ChargePayment");

        Result calls = CliJarIT.run("test", "--report-dir", reports.toString(), "--verify-endpoint",
                "http://127.0.0.1:9", "--verify-account", "000000000000", ORDERS);
        assertThat(calls.exit()).isEqualTo(1);
        assertThat(calls.out()).contains("software.amazon.awssdk:sfn").contains("ASLUNIT_CLASSPATH")
                .doesNotContain("\tat ");
    }
}
