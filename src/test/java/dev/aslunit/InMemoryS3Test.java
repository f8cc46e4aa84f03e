package dev.aslunit;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.assertions.StepFunctionSoftAssertions;
import dev.aslunit.internal.json.Json;
import dev.aslunit.mock.TaskResults;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox's S3: what a Distributed Map's ItemReader reads and its ResultWriter writes. */
class InMemoryS3Test {

    static final PreparedStateMachine CHARGES = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
            .definition("charges-from-s3.asl.json").build(), InMemoryS3Test.class);
    static final String BATCH = "{\"bucket\": \"invoices\", \"key\": \"2026-01/b-7.jsonl\"}";
    static final String INVOICES = """
            {"id": "inv-1", "amount": 120}
            {"id": "inv-2", "amount": 80.5}
            """;

    StateMachineUnderTest sfn;

    @BeforeEach
    void charges_that_just_work() {
        sfn = CHARGES.newTest();
        sfn.mock("Charge").answers(call -> TaskResults.json("{\"charged\": \"" + call.input().get("id").asText() + "\"}"));
    }

    @Test
    void without_the_object_the_item_reader_fails_as_on_aws() {
        Execution execution = sfn.run(BATCH);

        assertThat(execution).failedWith("States.ItemReaderFailed")
                .withCause("The specified key does not exist. (Bucket: invoices, Key: 2026-01/b-7.jsonl)");
    }

    @Test
    void a_distributed_map_reads_the_json_lines_the_test_put_and_writes_its_results_to_s3() {
        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", INVOICES);

        Execution execution = sfn.run(BATCH);

        assertThat(execution).succeeded().hasOutputAt("$.ResultWriterDetails.Bucket", "accounting");
        Assertions.assertThat(execution.output().get("MapRunArn").asText()).startsWith("arn:aws:states:");
        String manifestKey = execution.output().at("/ResultWriterDetails/Key").asText();
        Assertions.assertThat(manifestKey).startsWith("charges/").endsWith("/manifest.json");
        String runPrefix = manifestKey.substring(0, manifestKey.length() - "manifest.json".length());
        Assertions.assertThat(sfn.s3().listKeys("accounting"))
                .containsExactly(runPrefix + "SUCCEEDED_0.json", runPrefix + "manifest.json");
        Assertions.assertThat(sfn.s3().buckets()).containsExactly("accounting", "invoices");

        JsonNode results = json(sfn.s3().getObject("accounting", runPrefix + "SUCCEEDED_0.json"));
        Assertions.assertThat(results).hasSize(2);
        Assertions.assertThat(results.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
        Assertions.assertThat(json(results.get(1).get("Output").asText()).get("charged").asText()).isEqualTo("inv-2");
        Assertions.assertThat(json(sfn.s3().getObject("accounting", manifestKey)).at("/ResultFiles/SUCCEEDED/0/Key")
                .asText()).isEqualTo(runPrefix + "SUCCEEDED_0.json");
    }

    @Test
    void a_star_in_a_key_stands_for_the_map_run_id_and_the_assertions_compare_json() {
        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", INVOICES);

        sfn.run(BATCH);

        assertThat(sfn.s3())
                .hasObject("accounting", "charges/*/manifest.json")
                .hasObjectContaining("accounting", "charges/*/SUCCEEDED_0.json", """
                    [{"Status": "SUCCEEDED", "Output": "{\\"charged\\":\\"inv-2\\"}"},
                     {"Status": "SUCCEEDED", "Output": "{\\"charged\\":\\"inv-1\\"}"}]""")
                .hasObject("invoices", "2026-01/b-7.jsonl", INVOICES.replace("\n", "\r\n") + "\n\n");
        Assertions.assertThat(sfn.s3().getObject("accounting", "*/*/SUCCEEDED_0.json")).contains("inv-1");
    }

    @Test
    void every_execution_of_a_test_shares_its_s3() {
        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", INVOICES);

        sfn.run(BATCH);
        sfn.run(BATCH);

        Assertions.assertThat(sfn.s3().listKeys("accounting", "charges/")).hasSize(4);
    }

    @Test
    void two_tests_do_not_see_each_others_objects() {
        StateMachineUnderTest other = CHARGES.newTest();
        other.mock("Charge").returns("{}");
        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", INVOICES);

        assertThat(sfn.run(BATCH)).succeeded();
        assertThat(other.run(BATCH)).failedWith("States.ItemReaderFailed");
        Assertions.assertThat(other.s3().buckets()).isEmpty();
    }

    @Test
    void an_object_is_read_from_a_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("b-7.jsonl"), INVOICES);

        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", file);

        assertThat(sfn.run(BATCH)).succeeded();
        assertThatThrownBy(() -> sfn.s3().putObject("invoices", "x.csv", dir.resolve("missing.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("putObject(\"invoices\", \"x.csv\", ")
                .hasMessageContaining("missing.csv");
    }

    @Test
    void reading_a_missing_object_names_the_bucket_the_key_and_what_there_is() {
        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", INVOICES).putObject("invoices", "2026-01/b-8.jsonl", "");

        assertThatThrownBy(() -> sfn.s3().getObject("invoices", "2026-02/b-7.jsonl"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("No S3 object s3://invoices/2026-02/b-7.jsonl. Keys in \"invoices\":"
                        + " \"2026-01/b-7.jsonl\", \"2026-01/b-8.jsonl\"");
        assertThatThrownBy(() -> sfn.s3().getObject("invoices", "2026-01/*.jsonl"))
                .hasMessage("Several S3 objects match s3://invoices/2026-01/*.jsonl: \"2026-01/b-7.jsonl\","
                        + " \"2026-01/b-8.jsonl\"; name one. Keys in \"invoices\": \"2026-01/b-7.jsonl\","
                        + " \"2026-01/b-8.jsonl\"");
        assertThatThrownBy(() -> sfn.s3().getObject("invoice", "2026-01/b-7.jsonl"))
                .hasMessage("No S3 object s3://invoice/2026-01/b-7.jsonl: there is no bucket \"invoice\" in this"
                        + " test's S3. Buckets: \"invoices\".");
        assertThatThrownBy(() -> sfn.s3().listKeys("accounting"))
                .hasMessage("No S3 bucket \"accounting\" in this test's S3. Buckets: \"invoices\".");
        assertThatThrownBy(() -> CHARGES.newTest().s3().getObject("invoices", "b.jsonl"))
                .hasMessage("No S3 object s3://invoices/b.jsonl: there is no bucket \"invoices\" in this test's S3,"
                        + " which is empty: no object was put and no ResultWriter wrote.");
    }

    @Test
    void assertions_on_s3_fail_with_what_was_expected_and_what_is_there() {
        sfn.s3().putObject("invoices", "2026-01/b-7.jsonl", INVOICES).putObject("reports", "r.json", "{\"total\": 200}");

        assertThatThrownBy(() -> assertThat(sfn.s3()).hasObject("reports", "r.json", "{\"total\": 200.5}"))
                .hasMessage("Expecting S3 object s3://reports/r.json to be:\n  {\"total\":200.5}\nbut it was:\n"
                        + "  {\"total\":200}\ndifferences:\n  - $.total: expected 200.5 but was 200");
        assertThatThrownBy(() -> assertThat(sfn.s3()).hasObjectContaining("invoices", "2026-01/b-7.jsonl", "inv-3"))
                .hasMessage("Expecting S3 object s3://invoices/2026-01/b-7.jsonl to contain the text:\n  inv-3\n"
                        + "but it was:\n  {\"id\": \"inv-1\", \"amount\": 120}\n  {\"id\": \"inv-2\", \"amount\": 80.5}");
        assertThatThrownBy(() -> assertThat(sfn.s3()).as("results").hasObject("reports", "x.json"))
                .hasMessage("[results] No S3 object s3://reports/x.json. Keys in \"reports\": \"r.json\"");
        assertThat(sfn.s3()).hasObject("reports", "r.json", "{\"total\": 200.0}")
                .hasObjectContaining("invoices", "2026-01/b-7.jsonl", "{\"id\": \"inv-2\"");
    }

    @Test
    void soft_assertions_collect_s3_failures() {
        sfn.s3().putObject("reports", "r.json", "{\"total\": 200}");
        StepFunctionSoftAssertions softly = new StepFunctionSoftAssertions();

        softly.assertThat(sfn.s3()).hasObject("reports", "r.json", "{\"total\": 1}");
        softly.assertThat(sfn.s3()).hasObject("reports", "s.json");

        Assertions.assertThat(softly.errorsCollected()).hasSize(2);
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
