package dev.aslunit.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.report.CoverageCollector;
import dev.aslunit.internal.report.DefinitionCoverage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandReportTest {

    static final String DEFINITION = """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"}],
                    "Default": "Small"},
          "Big": {"Type": "Pass", "End": true},
          "Small": {"Type": "Fail", "Error": "TooSmall"}}}""";

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        cli.execute(args);
        return out.toString();
    }

    @Test
    void format_mermaid_prints_the_graph_with_the_path_taken() throws Exception {
        Path def = Files.writeString(dir.resolve("check.asl.json"), DEFINITION);

        String mermaid = run("run", def.toString(), "--input", "{\"n\": 42}", "--format", "mermaid");

        assertThat(mermaid).startsWith("stateDiagram-v2\n").contains("s0 --> s1 : rule 1\n", "s0 --> s2 : Default\n")
                .contains("class s0,s1 ok\n", "class s2 unvisited\n");
    }

    @Test
    void format_html_prints_a_self_contained_page_and_coverage_writes_the_reports() throws Exception {
        Path def = Files.writeString(dir.resolve("check.asl.json"), DEFINITION);

        String html = run("run", def.toString(), "--input", "{\"n\": 1}", "--format", "html",
                "--coverage", dir.resolve("reports").toString());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg class=\"wf\"", "FAILED", "TooSmall")
                .containsPattern("<g class=\"st failed\" data-state=\"Small\"")
                .doesNotContain("<script", "<link");
        assertThat(Files.readString(dir.resolve("reports/coverage.json"))).contains("\"statesNeverEntered\" : [ \"Big\" ]");
        assertThat(dir.resolve("reports/index.html")).exists();
        assertThat(dir.resolve("reports/coverage.md")).exists();
    }

    @Test
    void coverage_counts_the_states_a_distributed_map_runs_in_its_child_executions() throws Exception {
        Path def = Files.writeString(dir.resolve("fanout.asl.json"), """
                {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Double", "States": {"Double": {"Type": "Pass", "End": true}}}}}}""");

        run("run", def.toString(), "--input", "[1, 2]", "--coverage", dir.resolve("reports").toString());

        assertThat(Files.readString(dir.resolve("reports/coverage.json")))
                .contains("\"statesNeverEntered\" : [ ]").containsPattern("\"iterations\" : 2\\b");
    }

    @Test
    void a_batch_counts_a_distributed_maps_child_executions_once_each() {
        CoverageCollector coverage = new CoverageCollector();
        String definition = """
                {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "Double", "States": {"Double": {"Type": "Pass", "End": true}}}}}}"""
                .replace("\n", " ").replace("\"", "\\\"");

        RunCommand.answer("{\"id\": 1, \"definition\": \"" + definition + "\", \"input\": [1, 2, 3]}", 1, coverage);

        DefinitionCoverage fan = coverage.report().definitions().get(0);
        assertThat(fan.statesNeverEntered()).isEmpty();
        assertThat(fan.states()).filteredOn(s -> s.name().equals("Double")).singleElement()
                .satisfies(s -> assertThat(s.entered()).isEqualTo(3));
        assertThat(fan.containers()).singleElement().satisfies(c -> assertThat(c.iterations()).isEqualTo(3));
    }

    @Test
    void a_batch_adds_every_request_to_the_coverage() {
        CoverageCollector coverage = new CoverageCollector();
        String definition = DEFINITION.replace("\n", " ").replace("\"", "\\\"");
        for (int n : new int[] {1, 42, 43}) {
            RunCommand.answer("{\"id\": " + n + ", \"definition\": \"" + definition + "\", \"input\": {\"n\": " + n + "}}",
                    n, coverage);
        }

        DefinitionCoverage check = coverage.report().definitions().get(0);
        assertThat(check.executions()).isEqualTo(3);
        assertThat(check.statuses()).containsEntry("SUCCEEDED", 2).containsEntry("FAILED", 1);
        assertThat(check.transitionRatio()).isEqualTo(1.0);
    }
}
