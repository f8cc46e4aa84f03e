package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.facts.ExecutionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ItemBatcher's {@code MaxInputBytesPerBatch}: a batch is the child's whole input,
 * {@code {"BatchInput": ..., "Items": [...]}} as compact UTF-8 JSON, and holds as many items as fit
 * ("ItemBatcher (Map)": Step Functions "reduces the number of items in a batch"). Each item below,
 * {@code "aaaN"}, is 6 bytes; {@code {"Items":[]}} is 12, so two items make 25 bytes and three 32.
 */
class ItemBatcherBytesTest {

    private static final String ITEMS = "[\"aaa1\",\"aaa2\",\"aaa3\",\"aaa4\",\"aaa5\"]";

    private static String jsonPath(String batcher) {
        return """
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":%s,
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""".formatted(batcher);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "25; [{\"Items\":[\"aaa1\",\"aaa2\"]},{\"Items\":[\"aaa3\",\"aaa4\"]},{\"Items\":[\"aaa5\"]}]",
        "24; [{\"Items\":[\"aaa1\"]},{\"Items\":[\"aaa2\"]},{\"Items\":[\"aaa3\"]},{\"Items\":[\"aaa4\"]},{\"Items\":[\"aaa5\"]}]",
        "32; [{\"Items\":[\"aaa1\",\"aaa2\",\"aaa3\"]},{\"Items\":[\"aaa4\",\"aaa5\"]}]"})
    void a_batch_holds_the_items_whose_batch_text_fits_the_bound_inclusive(int bytes, String batches) {
        ExecutionRun r = run(jsonPath("{\"MaxInputBytesPerBatch\":" + bytes + "}"), ITEMS);

        assertThat(r.output()).isEqualTo(json(batches));
    }

    @Test
    void bytes_are_counted_in_utf8_not_in_characters() {
        // "éé" is 6 bytes and 4 characters: by characters three would fit in 26
        ExecutionRun r = run(jsonPath("{\"MaxInputBytesPerBatch\":26}"), "[\"éé\",\"éé\",\"éé\"]");

        assertThat(r.output()).isEqualTo(json("[{\"Items\":[\"éé\",\"éé\"]},{\"Items\":[\"éé\"]}]"));
    }

    @Test
    void the_batch_input_counts_towards_the_bound() {
        // {"BatchInput":{"k":1},"Items":[]} is 33 bytes, with two items 46
        ExecutionRun r = run(jsonPath("{\"MaxInputBytesPerBatch\":46,\"BatchInput\":{\"k\":1}}"), "[\"aaa1\",\"aaa2\",\"aaa3\"]");

        assertThat(r.output()).isEqualTo(json("""
                [{"BatchInput":{"k":1},"Items":["aaa1","aaa2"]},{"BatchInput":{"k":1},"Items":["aaa3"]}]"""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "3; 25; [{\"Items\":[\"aaa1\",\"aaa2\"]},{\"Items\":[\"aaa3\",\"aaa4\"]},{\"Items\":[\"aaa5\"]}]",
        "2; 1000; [{\"Items\":[\"aaa1\",\"aaa2\"]},{\"Items\":[\"aaa3\",\"aaa4\"]},{\"Items\":[\"aaa5\"]}]",
        "1; 32; [{\"Items\":[\"aaa1\"]},{\"Items\":[\"aaa2\"]},{\"Items\":[\"aaa3\"]},{\"Items\":[\"aaa4\"]},{\"Items\":[\"aaa5\"]}]"})
    void with_both_limits_a_batch_ends_at_whichever_comes_first(int items, int bytes, String batches) {
        ExecutionRun r = run(jsonPath("{\"MaxItemsPerBatch\":" + items + ",\"MaxInputBytesPerBatch\":" + bytes + "}"),
                ITEMS);

        assertThat(r.output()).isEqualTo(json(batches));
    }

    @Test
    void the_bound_is_read_through_its_path() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
                  "ItemBatcher":{"MaxInputBytesPerBatchPath":"$.bytes"},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "{\"items\":[\"aaa1\",\"aaa2\",\"aaa3\"],\"bytes\":\"25\"}");

        assertThat(r.output()).isEqualTo(json("[{\"Items\":[\"aaa1\",\"aaa2\"]},{\"Items\":[\"aaa3\"]}]"));
    }

    @Test
    void a_literal_zero_bounds_nothing() {
        ExecutionRun r = run(jsonPath("{\"MaxInputBytesPerBatch\":0}"), ITEMS);

        assertThat(r.output()).isEqualTo(json("[{\"Items\":" + ITEMS + "}]"));
    }

    @Test
    void jsonata_reads_the_bound_from_an_expression_and_counts_its_batch_input() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map",
                  "Items":"{% $states.input.items %}",
                  "ItemBatcher":{"MaxInputBytesPerBatch":"{% $states.input.bytes %}","BatchInput":{"k":"{% 1 %}"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""",
                "{\"items\":[\"aaa1\",\"aaa2\",\"aaa3\"],\"bytes\":46}");

        assertThat(r.output()).isEqualTo(json("""
                [{"BatchInput":{"k":1},"Items":["aaa1","aaa2"]},{"BatchInput":{"k":1},"Items":["aaa3"]}]"""));
    }

    @Test
    void an_item_larger_than_the_bound_on_its_own_fails_the_map_run() {
        ExecutionRun r = run(jsonPath("{\"MaxInputBytesPerBatch\":20}"), "[\"aaa1\",\"a-much-longer-item\"]");

        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).endsWith("The item at index 1 does not fit in a batch of MaxInputBytesPerBatch 20 bytes: "
                + "the batch holding it alone is 32 bytes.");
    }
}
