package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ItemReader inputs AWS added in 2025: ItemsPointer, LOAD_AND_FLATTEN, and what ASLUnit does not read. */
class ItemReaderFormatsTest {

    private static final String MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":%s,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P",
                "States":{"P":{"Type":"Pass","End":true}}},"End":true}}}""";

    private static ExecutionRun read(S3ObjectStore s3, String reader) {
        return run(MAP.formatted(reader), ExecutionOptions.builder().s3(s3).build());
    }

    @Test
    void items_pointer_selects_an_array_nested_in_a_json_object() {
        S3ObjectStore s3 = new S3ObjectStore().put("b", "orders.json",
                "{\"meta\": {\"count\": 2}, \"orders\": {\"items\": [{\"id\": 1}, {\"id\": 2}]}}");

        ExecutionRun r = read(s3, """
                {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON",
                 "ItemsPointer":"/orders/items"},"Parameters":{"Bucket":"b","Key":"orders.json"}}""");

        assertThat(r.output()).isEqualTo(json("[{\"id\":1},{\"id\":2}]"));
    }

    @Test
    void an_items_pointer_to_something_not_an_array_fails_the_reader() {
        S3ObjectStore s3 = new S3ObjectStore().put("b", "orders.json", "{\"orders\": {\"count\": 2}}");

        ExecutionRun r = read(s3, """
                {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON",
                 "ItemsPointer":"/orders/count"},"Parameters":{"Bucket":"b","Key":"orders.json"}}""");

        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
    }

    @Test
    void load_and_flatten_reads_the_items_of_every_object_listed() {
        S3ObjectStore s3 = new S3ObjectStore().put("b", "in/1.jsonl", "{\"n\":1}\n{\"n\":2}\n")
                .put("b", "in/2.jsonl", "{\"n\":3}\n").put("b", "other/3.jsonl", "{\"n\":4}\n");

        ExecutionRun r = read(s3, """
                {"Resource":"arn:aws:states:::s3:listObjectsV2","ReaderConfig":{"InputType":"JSONL",
                 "Transformation":"LOAD_AND_FLATTEN","MaxItems":3},"Parameters":{"Bucket":"b","Prefix":"in/"}}""");

        assertThat(r.output()).isEqualTo(json("[{\"n\":1},{\"n\":2},{\"n\":3}]"));
    }

    @Test
    void parquet_and_athena_data_manifests_fail_with_a_message_saying_what_to_do() {
        S3ObjectStore s3 = new S3ObjectStore().put("b", "data.parquet", "PAR1").put("b", "m.csv", "s3://b/x\n");

        ExecutionRun parquet = read(s3, """
                {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"PARQUET"},
                 "Parameters":{"Bucket":"b","Key":"data.parquet"}}""");
        ExecutionRun athena = read(s3, """
                {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST",
                 "ManifestType":"ATHENA_DATA"},"Parameters":{"Bucket":"b","Key":"m.csv"}}""");

        assertThat(parquet.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(parquet.cause()).contains("does not read Parquet");
        assertThat(athena.cause()).contains("Athena data manifests");
    }
}
