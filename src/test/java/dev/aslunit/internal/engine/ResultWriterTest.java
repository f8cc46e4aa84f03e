package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.fieldNames;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map's ResultWriter as AWS's developer guide ("ResultWriter (Map)") describes it: the
 * entries of {@code SUCCEEDED_0.json} and {@code FAILED_0.json}, {@code manifest.json}, and
 * {@code WriterConfig}'s transformations and output types.
 */
class ResultWriterTest {

    private static final String ARN = "arn:aws:states:us-east-1:111111111111:";

    /** Items {"n": 1..}: n = 2 fails with Boom, n = 3 waits 5 s, the others wait 2 s; each returns its n in an array. */
    private static String machine(String mapFields, String writer) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map","Label":"L",%s
                  "ResultWriter":%s,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"C",
                    "States":{
                      "C":{"Type":"Choice","Choices":[
                        {"Variable":"$.n","NumericEquals":2,"Next":"Boom"},
                        {"Variable":"$.n","NumericEquals":3,"Next":"Long"}],"Default":"Short"},
                      "Boom":{"Type":"Fail","Error":"Boom","Cause":"item 2 is bad"},
                      "Long":{"Type":"Wait","Seconds":5,"Next":"Out"},
                      "Short":{"Type":"Wait","Seconds":2,"Next":"Out"},
                      "Out":{"Type":"Pass","Parameters":{"n.$":"$.n"},"ResultPath":"$.out","OutputPath":"$.out",
                        "Next":"Wrap"},
                      "Wrap":{"Type":"Pass","Parameters":{"v.$":"States.Array($.n, $.n)"},"OutputPath":"$.v",
                        "End":true}}},
                  "End":true}}}""".formatted(mapFields, writer);
    }

    private static final String TO_S3 = """
            {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}""";

    private static String toS3With(String writerConfig) {
        return """
                {"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"},
                 "WriterConfig":%s}""".formatted(writerConfig);
    }

    private static ExecutionRun run(String definition, String input, S3ObjectStore s3) {
        return Runs.run(definition, ExecutionOptions.builder().input(json(input)).s3(s3).build());
    }

    /** The manifest the execution's result names (or, for a failed Map, the one object named manifest.json). */
    private static JsonNode manifest(S3ObjectStore s3) {
        List<String> keys = s3.list("out", "runs/");
        String key = keys.stream().filter(k -> k.endsWith("/manifest.json")).findFirst().orElseThrow();
        return json(s3.get("out", key));
    }

    private static JsonNode file(S3ObjectStore s3, JsonNode manifest, String status) {
        return json(s3.get("out", manifest.at("/ResultFiles/" + status + "/0/Key").asText()));
    }

    @Test
    void without_writer_config_each_child_has_the_fields_aws_writes_in_their_order() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("", TO_S3), "[{\"n\":1},{\"n\":4}]", s3);

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode entries = file(s3, manifest(s3), "SUCCEEDED");
        assertThat(entries).hasSize(2);
        JsonNode e = entries.get(0);
        assertThat(fieldNames(e)).containsExactly("ExecutionArn", "Input", "InputDetails", "Name", "Output",
                "OutputDetails", "RedriveCount", "RedriveStatus", "RedriveStatusReason", "StartDate",
                "StateMachineArn", "Status", "StopDate");
        String name = e.get("Name").asText();
        assertThat(name).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(entries.get(1).get("Name").asText()).isNotEqualTo(name);
        assertThat(e.get("ExecutionArn").asText()).isEqualTo(ARN + "execution:Machine/L:" + name);
        assertThat(e.get("StateMachineArn").asText()).isEqualTo(ARN + "stateMachine:Machine/L");
        assertThat(e.get("Input").asText()).isEqualTo("{\"n\":1}");
        assertThat(e.get("InputDetails")).isEqualTo(json("{\"Included\":true}"));
        assertThat(e.get("Output").asText()).isEqualTo("[1,1]");
        assertThat(e.get("OutputDetails")).isEqualTo(json("{\"Included\":true}"));
        assertThat(e.get("RedriveCount").intValue()).isZero();
        assertThat(e.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
        assertThat(e.get("RedriveStatusReason").asText()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        assertThat(e.get("StartDate").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(e.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(e.get("StopDate").asText()).isEqualTo("2025-01-01T00:00:02.000Z");
        assertThat(entries.get(1).get("Input").asText()).isEqualTo("{\"n\":4}");
    }

    @Test
    void the_manifest_names_the_bucket_the_map_run_and_each_file_with_its_size() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("\"ToleratedFailureCount\":1,", TO_S3), "[{\"n\":1},{\"n\":2}]", s3);

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        String manifestKey = r.output().at("/ResultWriterDetails/Key").asText();
        String base = manifestKey.substring(0, manifestKey.length() - "manifest.json".length());
        assertThat(base).startsWith("runs/");
        JsonNode manifest = json(s3.get("out", manifestKey));
        assertThat(fieldNames(manifest)).containsExactly("DestinationBucket", "MapRunArn", "ResultFiles");
        assertThat(manifest.get("DestinationBucket").asText()).isEqualTo("out");
        assertThat(manifest.get("MapRunArn")).isEqualTo(r.output().get("MapRunArn"));
        assertThat(fieldNames(manifest.get("ResultFiles"))).containsExactly("FAILED", "PENDING", "SUCCEEDED");
        assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
        for (String status : new String[] {"FAILED", "SUCCEEDED"}) {
            JsonNode listed = manifest.at("/ResultFiles/" + status);
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("Key").asText()).isEqualTo(base + status + "_0.json");
            assertThat(listed.get(0).get("Size").intValue()).isEqualTo(
                    s3.get("out", base + status + "_0.json").getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(s3.list("out", base)).containsExactly(base + "FAILED_0.json", base + "SUCCEEDED_0.json",
                base + "manifest.json");
    }

    @Test
    void the_size_in_the_manifest_counts_utf_8_bytes() {
        S3ObjectStore s3 = new S3ObjectStore();
        run(machine("", TO_S3), "[{\"n\":1,\"who\":\"Zoë € \uD83D\uDE00\"}]", s3);

        JsonNode listed = manifest(s3).at("/ResultFiles/SUCCEEDED/0");
        String text = s3.get("out", listed.get("Key").asText());
        assertThat(text).contains("Zoë € \uD83D\uDE00");
        assertThat(listed.get("Size").longValue()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void a_tolerated_failure_goes_to_failed_0_with_its_error_and_cause_and_no_output() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("\"ToleratedFailureCount\":1,", TO_S3), "[{\"n\":1},{\"n\":2}]", s3);

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode manifest = manifest(s3);
        assertThat(file(s3, manifest, "SUCCEEDED")).hasSize(1);
        JsonNode failed = file(s3, manifest, "FAILED");
        assertThat(failed).hasSize(1);
        JsonNode e = failed.get(0);
        assertThat(fieldNames(e)).containsExactly("Cause", "Error", "ExecutionArn", "Input", "InputDetails", "Name",
                "OutputDetails", "RedriveCount", "RedriveStatus", "StartDate", "StateMachineArn", "Status", "StopDate");
        assertThat(e.get("Error").asText()).isEqualTo("Boom");
        assertThat(e.get("Cause").asText()).isEqualTo("item 2 is bad");
        assertThat(e.get("Input").asText()).isEqualTo("{\"n\":2}");
        assertThat(e.get("RedriveStatus").asText()).isEqualTo("REDRIVABLE_BY_MAP_RUN");
        assertThat(e.get("Status").asText()).isEqualTo("FAILED");
        assertThat(e.get("StopDate").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
    }

    @Test
    void a_failed_map_run_still_writes_its_results_with_the_aborted_children_among_the_failed() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("\"MaxConcurrency\":3,", TO_S3), "[{\"n\":1},{\"n\":3},{\"n\":2}]", s3);

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        JsonNode manifest = manifest(s3);
        assertThat(manifest.at("/ResultFiles/SUCCEEDED")).isEmpty();
        JsonNode failed = file(s3, manifest, "FAILED");
        assertThat(failed).hasSize(3);
        assertThat(failed.findValuesAsText("Status")).containsExactly("ABORTED", "ABORTED", "FAILED");
        assertThat(failed.get(0).has("Error")).isFalse();
        assertThat(failed.get(0).get("StopDate").asText()).isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(failed.get(2).get("Error").asText()).isEqualTo("Boom");
    }

    @Test
    void the_items_a_failed_map_run_never_started_go_to_pending_0_with_their_input() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("\"MaxConcurrency\":1,\"ItemSelector\":{\"n.$\":\"$$.Map.Item.Value.n\"},", TO_S3),
                "[{\"n\":2},{\"n\":1,\"x\":0},{\"n\":4}]", s3);

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        JsonNode manifest = manifest(s3);
        assertThat(file(s3, manifest, "FAILED").findValuesAsText("Status")).containsExactly("FAILED");
        assertThat(file(s3, manifest, "PENDING")).isEqualTo(json("""
                [{"Input": "{\\"n\\":1}", "InputDetails": {"Included": true}, "Status": "PENDING"},
                 {"Input": "{\\"n\\":4}", "InputDetails": {"Included": true}, "Status": "PENDING"}]"""));
        assertThat(manifest.at("/ResultFiles/PENDING/0/Key").asText()).endsWith("/PENDING_0.json");
    }

    @Test
    void a_map_run_whose_items_cannot_be_read_writes_nothing() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("""
                "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                  "Parameters":{"Bucket":"in","Key":"missing.json"}},""", TO_S3), "{}", s3);

        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(s3.hasBucket("out")).isFalse();
    }

    @Test
    void compact_writes_the_outputs_alone() {
        S3ObjectStore s3 = new S3ObjectStore();
        run(machine("", toS3With("{\"Transformation\":\"COMPACT\",\"OutputType\":\"JSON\"}")),
                "[{\"n\":1},{\"n\":4}]", s3);

        assertThat(file(s3, manifest(s3), "SUCCEEDED")).isEqualTo(json("[[1,1],[4,4]]"));
    }

    @Test
    void flatten_spreads_the_outputs_that_are_arrays() {
        S3ObjectStore s3 = new S3ObjectStore();
        run(machine("", toS3With("{\"Transformation\":\"FLATTEN\",\"OutputType\":\"JSON\"}")),
                "[{\"n\":1},{\"n\":4}]", s3);

        assertThat(file(s3, manifest(s3), "SUCCEEDED")).isEqualTo(json("[1,1,4,4]"));
    }

    @Test
    void a_failed_child_keeps_its_full_entry_whatever_the_transformation() {
        S3ObjectStore s3 = new S3ObjectStore();
        run(machine("\"ToleratedFailureCount\":1,", toS3With("{\"Transformation\":\"FLATTEN\",\"OutputType\":\"JSON\"}")),
                "[{\"n\":1},{\"n\":2}]", s3);

        JsonNode manifest = manifest(s3);
        assertThat(file(s3, manifest, "SUCCEEDED")).isEqualTo(json("[1,1]"));
        assertThat(file(s3, manifest, "FAILED").get(0).get("Error").asText()).isEqualTo("Boom");
    }

    @Test
    void jsonl_writes_one_entry_a_line() {
        S3ObjectStore s3 = new S3ObjectStore();
        run(machine("", toS3With("{\"Transformation\":\"COMPACT\",\"OutputType\":\"JSONL\"}")),
                "[{\"n\":1},{\"n\":4}]", s3);

        String key = manifest(s3).at("/ResultFiles/SUCCEEDED/0/Key").asText();
        assertThat(s3.get("out", key)).isEqualTo("[1,1]\n[4,4]\n");
    }

    @Test
    void jsonl_with_none_writes_each_childs_entry_on_its_line() {
        S3ObjectStore s3 = new S3ObjectStore();
        run(machine("", toS3With("{\"Transformation\":\"NONE\",\"OutputType\":\"JSONL\"}")),
                "[{\"n\":1},{\"n\":4}]", s3);

        String key = manifest(s3).at("/ResultFiles/SUCCEEDED/0/Key").asText();
        String[] lines = s3.get("out", key).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(json(lines[1]).get("Output").asText()).isEqualTo("[4,4]");
        assertThat(json(lines[1]).get("Status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void writer_config_alone_shapes_the_state_result_and_writes_nothing() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(machine("", "{\"WriterConfig\":{\"Transformation\":\"FLATTEN\",\"OutputType\":\"JSON\"}}"),
                "[{\"n\":1},{\"n\":4}]", s3);

        assertThat(r.output()).isEqualTo(json("[1,1,4,4]"));
        assertThat(s3.hasBucket("out")).isFalse();
    }

    @Test
    void jsonata_arguments_and_writer_config_write_the_same_files() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Label":"L",
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject",
                    "Arguments":{"Bucket":"out","Prefix":"{% 'run' & 's' %}"},
                    "WriterConfig":{"Transformation":"COMPACT","OutputType":"JSON"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                    "States":{"P":{"Type":"Pass","Output":"{% $states.input.n * 10 %}","End":true}}},
                  "End":true}}}""", "[{\"n\":1},{\"n\":4}]", s3);

        assertThat(r.output().at("/ResultWriterDetails/Key").asText()).startsWith("runs/");
        assertThat(file(s3, manifest(s3), "SUCCEEDED")).isEqualTo(json("[10,40]"));
    }
}
