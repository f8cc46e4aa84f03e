package dev.aslunit.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** {@code Given placeholders without a value stay opaque}, and the message a scenario gets without it. */
class PlaceholderStepsTest {

    @Test
    void opaque_placeholders_run_and_without_them_the_message_names_the_cucumber_fix() {
        Map<String, TestExecutionResult> results = FeatureRuns.run("dev/aslunit/cucumber/placeholders/placeholders.feature");

        assertThat(results.get("opaque placeholders let a mocked task run").getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        TestExecutionResult refused = results.get("without them the definition is refused with the Cucumber fix");
        assertThat(refused.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(refused.getThrowable().orElseThrow().getMessage())
                .contains("No value for the substitution ${PayFunctionArn}", "Given the substitutions:",
                        "| PayFunctionArn | VALUE |");
    }
}
