package com.example.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.aslunit.server.StepFunctionsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Verify on AWS without AWS: the order-processing and JSONata quote suites, unchanged, run in verify
 * mode against a Step Functions endpoint on loopback (the embedded server, the same one as
 * {@code aslunit serve}), so every state each test's executions went through is also answered by the
 * endpoint's TestState and compared. Against AWS the same run takes the endpoint
 * {@code https://states.eu-west-1.amazonaws.com} and your sandbox account (docs/verify-on-aws.md):
 *
 * <pre>mvn test -Dtest='OrderProcessingTest' -Daslunit.verify.endpoint=http://127.0.0.1:8083 -Daslunit.verify.account=000000000000</pre>
 */
class VerifyOnServeTest {

    @Test
    void the_example_suites_agree_with_the_endpoint_state_by_state() throws Exception {
        Path reports = Path.of("target", "aslunit", "verify-example");
        String key = System.getProperty("aws.accessKeyId");
        // the SDK signs every request with the default chain's credentials; the loopback server checks none
        System.setProperty("aws.accessKeyId", key == null ? "local" : key);
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "local"));
        try (StepFunctionsServer serve = StepFunctionsServer.builder().port(0).start()) {
            LauncherDiscoveryRequest suite = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass("com.example.orders.OrderProcessingTest"),
                            selectClass("com.example.quote.QuoteTest"))
                    .configurationParameters(Map.of(
                            "aslunit.verify.endpoint", serve.endpoint().toString(),
                            "aslunit.verify.account", "000000000000",
                            "aslunit.report.dir", reports.toString()))
                    .build();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(suite, listener);

            TestExecutionSummary summary = listener.getSummary();
            assertThat(summary.getFailures()).as("tests that failed in verify mode")
                    .extracting(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage())
                    .isEmpty();
            assertThat(summary.getTestsSucceededCount()).isGreaterThan(10);
        } finally {
            if (key == null) {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
        String report = Files.readString(reports.resolve("verify.md"));
        assertThat(report).contains("| ChargePayment | verified |", "| ShipOrder | verified |",
                "| AwaitApproval | verified |");
    }
}
