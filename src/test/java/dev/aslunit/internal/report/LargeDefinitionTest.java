package dev.aslunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200-state definition's report page stays whole and bounded (docs/reports.md records its size and write time). */
class LargeDefinitionTest {

    static final int STAGES = 48;

    /**
     * {@value #STAGES} stages of Task (Retry, Catch), Choice (a rule and Default) and two Pass states,
     * then a Map of three states, a Parallel of two branches, a Fail and a Succeed: 201 states.
     */
    static String definition() {
        StringBuilder b = new StringBuilder("{\"StartAt\": \"Task0\", \"States\": {\n");
        for (int i = 0; i < STAGES; i++) {
            String next = i + 1 < STAGES ? "Task" + (i + 1) : "EachItem";
            b.append("\"Task").append(i).append("\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\",")
                    .append(" \"ResultPath\": null, \"Retry\": [{\"ErrorEquals\": [\"Busy\"], \"MaxAttempts\": 2}],")
                    .append(" \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Failed\"}], \"Next\": \"Choice")
                    .append(i).append("\"},\n");
            b.append("\"Choice").append(i).append("\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.n\",")
                    .append(" \"NumericGreaterThan\": ").append(i).append(", \"Next\": \"High").append(i)
                    .append("\"}], \"Default\": \"Low").append(i).append("\"},\n");
            b.append("\"High").append(i).append("\": {\"Type\": \"Pass\", \"Next\": \"").append(next).append("\"},\n");
            b.append("\"Low").append(i).append("\": {\"Type\": \"Pass\", \"Next\": \"").append(next).append("\"},\n");
        }
        b.append("""
            "EachItem": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "Load", "States": {
              "Load": {"Type": "Pass", "Next": "Transform"}, "Transform": {"Type": "Pass", "Next": "Store"},
              "Store": {"Type": "Pass", "End": true}}}, "ResultPath": null, "Next": "Both"},
            "Both": {"Type": "Parallel", "Branches": [
              {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "End": true}}},
              {"StartAt": "Right", "States": {"Right": {"Type": "Pass", "End": true}}}], "Next": "Done"},
            "Failed": {"Type": "Fail", "Error": "Failed"},
            "Done": {"Type": "Succeed"}}}
            """);
        return b.toString();
    }

    /** Runs the definition once with every Task answering {} (n = 24: half the Choices go high). */
    static Execution runOnce(Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("large.asl.json"), definition());
        StateMachineUnderTest sfn = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder().definition(file).build(),
                null).newTest();
        sfn.mockResource("arn:aws:states:::lambda:invoke").returns("{}");
        return sfn.run("{\"n\": 24, \"items\": [1, 2, 3]}");
    }

    @Test
    void the_page_of_a_200_state_definition_draws_every_state_once(@TempDir Path dir) throws IOException {
        CoverageCollector collector = new CoverageCollector();
        collector.record(runOnce(dir));

        ReportWriter.write(collector.report(), dir);

        String html = Files.readString(dir.resolve("index.html"));
        Matcher boxes = Pattern.compile("<g class=\"st [^\"]*\" data-state=").matcher(html);
        int count = 0;
        while (boxes.find()) {
            count++;
        }
        DefinitionCoverage large = collector.report().definitions().get(0);
        assertThat(large.states()).hasSize(4 * STAGES + 9);
        assertThat(count).isEqualTo(large.states().size());
        assertThat(large.statesNeverEntered()).extracting(DefinitionCoverage.StateCoverage::name)
                .contains("Failed", "High24", "Low23").doesNotContain("High23", "Low24", "Store", "Right");
        assertThat(html.length()).as("a page that opens fast: well under a megabyte").isLessThan(1_000_000);
    }
}
