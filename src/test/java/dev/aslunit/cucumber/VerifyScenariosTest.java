package dev.aslunit.cucumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.aslunit.server.StepFunctionsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The order-processing feature, unchanged, in verify mode against the embedded server's TestState. */
class VerifyScenariosTest {

    @Test
    void the_scenarios_states_are_checked_by_the_endpoint_and_reported(@TempDir Path reports) throws Exception {
        Map<String, String> properties = Map.of("aslunit.verify.account", "000000000000",
                "aslunit.report.dir", reports.toString(), "aws.accessKeyId", "local", "aws.secretAccessKey", "local");
        try (StepFunctionsServer serve = StepFunctionsServer.builder().port(0).start()) {
            properties.forEach(System::setProperty);
            System.setProperty("aslunit.verify.endpoint", serve.endpoint().toString());
            Events scenarios = EngineTestKit.engine("cucumber")
                    .selectors(selectFile("cucumber-features/order-processing.feature"))
                    .configurationParameter("cucumber.glue", "dev.aslunit.cucumber")
                    .execute().testEvents();

            scenarios.assertStatistics(s -> s.failed(0));
            assertThat(scenarios.succeeded().count()).isGreaterThan(3);
        } finally {
            properties.keySet().forEach(System::clearProperty);
            System.clearProperty("aslunit.verify.endpoint");
        }
        String report = Files.readString(reports.resolve("verify.md"));
        assertThat(report).contains("## examples/order-processing/order-processing.asl.json",
                "| ValidateOrder | verified |", "| ChargePayment | verified |");
    }
}
