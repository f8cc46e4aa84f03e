package dev.aslunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.testkit.TestKitOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Runs fixture classes in an in-process launcher session with the coverage listener, as surefire would. */
class CoverageSessionListenerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    /** Runs the class in its own session and returns the session, still open, with the summary of its tests. */
    private static LauncherSession run(Class<?> fixture, Map<String, String> parameters, SummaryGeneratingListener summary) {
        LauncherConfig config = LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .addLauncherSessionListeners(new CoverageSessionListener())
                .build();
        LauncherSession session = LauncherFactory.openSession(config);
        session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameter(TestKitOnly.PARAMETER, "true")
                .configurationParameters(parameters)
                .build(), summary);
        return session;
    }

    @Test
    void below_the_minimum_the_run_fails_listing_what_was_never_exercised() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherSession session = run(CoverageFixtures.OnlySmallOrders.class, Map.of(
                "aslunit.report.dir", reports.toString(),
                "aslunit.coverage.minimum.states", "0.8",
                "aslunit.coverage.minimum.transitions", "0.5"), summary);
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);

        assertThatThrownBy(session::close)
                .isInstanceOf(CoverageSessionListener.CoverageThresholdException.class)
                .hasMessageStartingWith("ASLUnit workflow coverage is below the minimum")
                .hasMessageContaining("\ndev/aslunit/orders.asl.json: states 55.6% < 80.0%, transitions 44.4% < 50.0%."
                        + " Never exercised:")
                .hasMessageContaining("  - state AwaitApproval never entered, /States/AwaitApproval (")
                .hasMessageContaining("  - state ApprovalExpired never entered, /States/ApprovalExpired (")
                .hasMessageContaining("  - transition NeedsApproval --rule 1--> AwaitApproval never taken,"
                        + " /States/NeedsApproval/Choices/0 (")
                .hasMessageContaining("  - transition ChargePayment --Catch States.ALL--> NotifyCustomer never taken")
                .hasMessageContaining("  - Retry [Lambda.TooManyRequestsException] of ChargePayment never fired")
                .hasMessageContaining("lower the minimum in junit-platform.properties");
        assertThat(reports.resolve("coverage.json")).as("the reports are written before the check").exists();
    }

    @Test
    void above_the_minimum_or_without_one_the_run_passes_and_writes_the_three_reports() throws Exception {
        LauncherSession session = run(CoverageFixtures.OnlySmallOrders.class, Map.of(
                "aslunit.report.dir", reports.toString(),
                "aslunit.coverage.minimum.states", "0.5"), new SummaryGeneratingListener());
        session.close();

        JsonNode json = JSON.readTree(Files.readString(reports.resolve("coverage.json")));
        assertThat(json.at("/definitions/0/name").asText()).isEqualTo("dev/aslunit/orders.asl.json");
        assertThat(json.at("/definitions/0/executions").asInt()).isEqualTo(1);
        assertThat(Files.readString(reports.resolve("coverage.md"))).contains("```mermaid");

        String html = Files.readString(reports.resolve("index.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg class=\"wf\"")
                .doesNotContain("<script", "<link", "src=\"http", "href=\"http", "url(http");
        assertThat(html).contains("<section class=\"page\" id=\"def-1\" data-definition=\"dev/aslunit/orders.asl.json\">");
        assertThat(stateClasses(html)).containsEntry("ValidateOrder", "covered").containsEntry("Done", "covered")
                .containsEntry("AwaitApproval", "uncovered").containsEntry("ApprovalExpired", "uncovered").hasSize(9);
    }

    @Test
    void tests_running_in_parallel_all_count_and_the_report_is_written_once_at_the_end() throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherSession session = run(CoverageFixtures.ManyInParallel.class, Map.of(
                "aslunit.report.dir", reports.toString(),
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"), summary);
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(20);
        assertThat(reports.resolve("coverage.json")).as("nothing is written before the session ends").doesNotExist();

        session.close();

        JsonNode json = JSON.readTree(Files.readString(reports.resolve("coverage.json")));
        assertThat(json.at("/definitions/0/executions").asInt()).isEqualTo(20);
        assertThat(json.at("/definitions/0/states/0/entered").asInt()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(classes = {CoverageFixtures.DistributedChildrenNotKept.class, CoverageFixtures.DistributedChildrenKept.class})
    void a_distributed_maps_child_executions_count_once_whether_kept_or_not(Class<?> fixture) throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        run(fixture, Map.of("aslunit.report.dir", reports.toString()), summary).close();
        assertThat(summary.getSummary().getFailures()).isEmpty();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);

        JsonNode charges = JSON.readTree(Files.readString(reports.resolve("coverage.json"))).at("/definitions/0");
        assertThat(charges.get("executions").asInt()).isEqualTo(1);
        Map<String, Integer> entered = new java.util.LinkedHashMap<>();
        charges.get("states").forEach(s -> entered.put(s.get("name").asText(), s.get("entered").asInt()));
        assertThat(entered).containsExactly(Map.entry("Charges", 1), Map.entry("Charge", 3), Map.entry("Declined", 1));
        assertThat(charges.at("/containers/0/iterations").asInt()).isEqualTo(3);
        assertThat(charges.at("/containers/0/failedIterations").asInt()).isEqualTo(1);
        assertThat(charges.at("/retries/0/retries").asInt()).isEqualTo(1);
    }

    @Test
    void a_child_execution_still_running_when_its_test_ends_counts_as_far_as_it_got() throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        run(CoverageFixtures.DistributedChildStillRunning.class, Map.of("aslunit.report.dir", reports.toString()), summary)
                .close();
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);

        JsonNode approvals = JSON.readTree(Files.readString(reports.resolve("coverage.json"))).at("/definitions/0");
        assertThat(approvals.at("/statuses/RUNNING").asInt()).isEqualTo(1);
        assertThat(approvals.at("/states/1/name").asText()).isEqualTo("AskApprover");
        assertThat(approvals.at("/states/1/entered").asInt()).isEqualTo(1);
        assertThat(approvals.at("/states/2/entered").asInt()).isZero();
        assertThat(approvals.at("/containers/0/iterations").asInt()).isEqualTo(1);
    }

    @Test
    void a_test_failing_on_another_assertion_names_the_file_with_the_picture_of_its_execution() throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        run(CoverageFixtures.FailingAssertion.class, Map.of("aslunit.report.dir", reports.toString()), summary).close();

        Throwable failure = summary.getSummary().getFailures().get(0).getException();
        assertThat(failure.getMessage()).contains("Expecting actual:", "\"ValidateOrder\", \"NeedsApproval\", \"ChargePayment\"");
        Matcher file = Pattern.compile("Picture of execution \"small-order\": (\\S+)").matcher(failure.getMessage());
        assertThat(file.find()).as(failure.getMessage()).isTrue();
        assertThat(Path.of(file.group(1))).isEqualTo(reports.resolve(
                "executions/orders.asl.json/FailingAssertion.expects_the_wrong_path/small-order.html").toAbsolutePath());
        assertThat(Files.readString(Path.of(file.group(1)))).contains("<svg class=\"wf\"", "<table class=\"visits\">")
                .containsPattern("<g class=\"st unvisited\" data-state=\"AwaitApproval\"");
        assertThat(failure.getCause()).as("the message is printed once, not again as a cause").isNull();
        assertThat(failure.getStackTrace()[0].getClassName()).as("the stack trace points at the test, not the extension")
                .isEqualTo(CoverageFixtures.FailingAssertion.class.getName());
    }

    @Test
    void two_failing_tests_name_two_pictures_each_of_its_own_execution() throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        run(CoverageFixtures.TwoFailingTests.class, Map.of("aslunit.report.dir", reports.toString()), summary).close();

        assertThat(summary.getSummary().getTestsFailedCount()).isEqualTo(2);
        Map<String, Path> pictures = new java.util.TreeMap<>();
        for (var f : summary.getSummary().getFailures()) {
            Matcher file = Pattern.compile("Picture of execution \"[^\"]+\": (\\S+)").matcher(f.getException().getMessage());
            assertThat(file.find()).as(f.getException().getMessage()).isTrue();
            pictures.put(f.getTestIdentifier().getDisplayName(), Path.of(file.group(1)));
            assertThat(file.find()).as("one execution, one picture").isFalse();
        }
        assertThat(pictures.values()).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).exists());
        assertThat(Files.readString(pictures.get("expects_a_failure(StateMachineUnderTest)")))
                .contains("<span class=\"status SUCCEEDED\">").doesNotContain("Card.Declined");
        assertThat(Files.readString(pictures.get(
                "expects_another_path_softly(StateMachineUnderTest, StepFunctionSoftAssertions)")))
                .contains("<span class=\"status FAILED\">", "Card.Declined");
    }

    @Test
    void the_run_summary_lists_the_results_the_failures_with_their_pictures_and_the_coverage() throws Exception {
        Path file = reports.resolve("summary.md");
        run(CoverageFixtures.TwoFailingTests.class, Map.of("aslunit.report.dir", reports.toString(),
                CoverageSessionListener.SUMMARY, file.toString()), new SummaryGeneratingListener()).close();

        String summary = Files.readString(file);
        assertThat(summary).startsWith("# ASLUnit test results\n\n❌ 0 passed, 2 failed, 0 skipped\n")
                .contains("## Failed: expects_a_failure(StateMachineUnderTest)",
                        "## Failed: expects_another_path_softly(StateMachineUnderTest, StepFunctionSoftAssertions)",
                        "Expecting execution \"", "```mermaid\nstateDiagram-v2")
                .containsPattern("(?m)^## .*[Cc]overage");
    }

    /** Each state's box in the page's SVG: data-state to its CSS class. */
    static Map<String, String> stateClasses(String html) {
        Map<String, String> classes = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("<g class=\"st (\\w+)[^\"]*\" data-state=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            classes.put(m.group(2), m.group(1));
        }
        return classes;
    }
}
