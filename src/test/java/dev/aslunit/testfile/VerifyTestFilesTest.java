package dev.aslunit.testfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.server.StepFunctionsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order-processing test file, unchanged, in verify mode (system properties) against the embedded server's TestState. */
class VerifyTestFilesTest {

    @Test
    void a_test_files_cases_are_checked_state_by_state_and_reported(@TempDir Path reports) throws Exception {
        Map<String, String> properties = Map.of("aslunit.verify.account", "000000000000",
                "aslunit.report.dir", reports.toString(), "aws.accessKeyId", "local", "aws.secretAccessKey", "local");
        TestRun run;
        try (StepFunctionsServer serve = StepFunctionsServer.builder().port(0).start()) {
            properties.forEach(System::setProperty);
            System.setProperty("aslunit.verify.endpoint", serve.endpoint().toString());
            run = TestRun.run(List.of(Path.of("examples/order-processing/order-processing.aslunit.yaml")), r -> { });
        } finally {
            properties.keySet().forEach(System::clearProperty);
            System.clearProperty("aslunit.verify.endpoint");
        }

        assertThat(run.count(CaseResult.Outcome.FAILED) + run.count(CaseResult.Outcome.ERROR)).isZero();
        assertThat(run.count(CaseResult.Outcome.PASSED)).isPositive();
        assertThat(Files.readString(reports.resolve("verify.md")))
                .contains("| ValidateOrder | verified |", "| ChargePayment | verified |");
    }
}
