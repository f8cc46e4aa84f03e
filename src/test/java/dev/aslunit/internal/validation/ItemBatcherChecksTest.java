package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCodesTest.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A Distributed Map's ItemBatcher byte bound: "up to 256 KiB" (ItemBatcher (Map)), one of the field or its path. */
class ItemBatcherChecksTest {

    private static List<Diagnostic> withBatcher(String queryLanguage, String batcher) {
        return diagnostics("""
                {"QueryLanguage": "%s", "StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "P", "States": {"P": {"Type": "Succeed"}}},
                  "ItemBatcher": %s}}}""".formatted(queryLanguage, batcher));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"MaxInputBytesPerBatch\": 1}",
        "{\"MaxInputBytesPerBatch\": 262144, \"MaxItemsPerBatch\": 10, \"BatchInput\": {\"k\": 1}}",
        "{\"MaxInputBytesPerBatch\": 0}",
        "{\"MaxInputBytesPerBatchPath\": \"$.bytes\"}"})
    void a_bound_aws_takes_is_accepted(String batcher) {
        assertThat(withBatcher("JSONPath", batcher)).isEmpty();
    }

    @Test
    void a_jsonata_bound_may_be_an_expression() {
        assertThat(withBatcher("JSONata", "{\"MaxInputBytesPerBatch\": \"{% $states.input.bytes %}\"}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"262145", "-1", "1.5", "\"1024\""})
    void a_literal_outside_256_kib_or_no_integer_is_rejected_where_it_is(String value) {
        List<Diagnostic> found = withBatcher("JSONPath", "{\"MaxInputBytesPerBatch\": " + value + "}");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
            assertThat(d.pointer()).isEqualTo("/States/M/ItemBatcher/MaxInputBytesPerBatch");
            assertThat(d.message()).contains("MaxInputBytesPerBatch");
        });
    }

    @Test
    void the_bound_and_its_path_are_exclusive() {
        List<Diagnostic> found = withBatcher("JSONPath",
                "{\"MaxInputBytesPerBatch\": 1024, \"MaxInputBytesPerBatchPath\": \"$.bytes\"}");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/States/M/ItemBatcher");
            assertThat(d.message()).contains("mutually exclusive");
        });
    }

    @Test
    void the_path_fields_are_paths_not_a_payload_template() {
        // they used to be read as a payload template's fields and warned of as literal strings
        assertThat(withBatcher("JSONPath", "{\"MaxItemsPerBatchPath\": \"$.n\", \"MaxInputBytesPerBatchPath\": \"$.b\", "
                + "\"BatchInput\": {\"k.$\": \"$.k\"}}")).isEmpty();
    }

    @Test
    void an_item_readers_max_items_path_is_a_path_and_its_parameters_the_payload_template() {
        String reader = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON",
                    "MaxItemsPath": "%s"}, "Parameters": {"Bucket.$": "$.bucket", "Key": "items.json"}},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}}}""";
        // MaxItemsPath used to be read as a payload template's field and warned of as a literal string
        assertThat(diagnostics(reader.formatted("$.max"))).isEmpty();
        assertThat(diagnostics(reader.formatted("max"))).extracting(Diagnostic::pointer)
                .containsExactly("/States/M/ItemReader/ReaderConfig/MaxItemsPath");
    }

    @Test
    void a_path_that_is_no_reference_path_is_rejected() {
        assertThat(withBatcher("JSONPath", "{\"MaxInputBytesPerBatchPath\": \"bytes\"}"))
                .extracting(Diagnostic::pointer).containsExactly("/States/M/ItemBatcher/MaxInputBytesPerBatchPath");
    }
}
