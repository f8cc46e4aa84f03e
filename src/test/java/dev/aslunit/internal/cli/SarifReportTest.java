package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {

    @TempDir
    Path dir;

    @Test
    void diagnostics_become_sarif_results_with_rule_level_line_column_and_pointer() throws Exception {
        Path invalid = Files.writeString(dir.resolve("orders.asl.json"), """
                {
                  "StartAt": "Pay",
                  "States": {
                    "Pay": {"Type": "Pass", "Next": "Shipp"},
                    "Ship": {"Type": "Pass", "Parameters": {"x": "$.a"}, "End": true}
                  }
                }""");
        StringWriter out = new StringWriter();

        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--format", "sarif",
                invalid.toString());

        assertThat(code).isEqualTo(1);
        JsonNode log = new ObjectMapper().readTree(out.toString());
        // SARIF 2.1.0's own schema (OASIS; the copy @microsoft/jest-sarif ships, see reports/README.md), and the
        // required structure on its own for a readable failure
        JsonNode sarif = new ObjectMapper().readTree(Path.of("src/test/resources/reports/sarif-schema-2.1.0.json").toFile());
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(sarif).validate(log)).isEmpty();
        JsonNode schema = new ObjectMapper().readTree(Path.of("src/test/resources/reports/sarif-2.1.0-required.schema.json")
                .toFile());
        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(log)).isEmpty();
        JsonNode run = log.at("/runs/0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("ASLUnit");
        JsonNode first = run.at("/results/0");
        assertThat(first.get("ruleId").asText()).isEqualTo("MISSING_TRANSITION_TARGET");
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(first.at("/message/text").asText()).contains("\"Shipp\" is not a state");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(29);
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("orders.asl.json");
        assertThat(first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("/States/Pay/Next");
        assertThat(run.at("/tool/driver/rules").findValuesAsText("id")).contains("MISSING_TRANSITION_TARGET");
        assertThat(run.get("results").findValuesAsText("ruleId")).contains("NO_DOLLAR");
        assertThat(run.get("results").findValuesAsText("level")).containsExactly("error", "error", "warning");
        for (JsonNode result : run.get("results")) {
            assertThat(run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText())
                    .isEqualTo(result.get("ruleId").asText());
        }
    }
}
