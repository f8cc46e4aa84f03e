package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCodesTest.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where AWS locates what its schema validation refuses: a field an object may not have at the object
 * (floci-io/floci#2735, #2968: "Field 'X' is not supported" at {@code /States/<state>}, at
 * {@code /States/M/ItemProcessor}), a bad {@code .$} value at its payload template
 * (serverless-step-functions#399: "... 'outputPath.$' must be a valid JSONPath or a valid intrinsic
 * function call at /States/TestTask/Parameters"); the line and column stay those of the field.
 */
class AwsLocationsTest {

    private static String one(String state) {
        return "{\"StartAt\": \"A\", \"States\": {\"A\": " + state + "}}";
    }

    private static final String INLINE = "\"ItemProcessor\": {\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", "
            + "\"End\": true}}}";
    private static final String DISTRIBUTED = "\"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", "
            + "\"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"End\": true}}}";
    private static final String BRANCH = "\"Branches\": [{\"StartAt\": \"B\", \"States\": {\"B\": {\"Type\": \"Pass\", "
            + "\"End\": true}}}]";

    private static void assertAt(String definition, String pointer) {
        List<Diagnostic> found = diagnostics(definition);
        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer)
                .containsExactly(tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, pointer));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Type\": \"Pass\", \"TimeoutSeconds\": 5, \"End\": true}",
            "{\"Type\": \"Pass\", \"Catch\": [], \"End\": true}",
            "{\"Type\": \"Pass\", \"Retry\": [], \"End\": true}",
            "{\"Type\": \"Wait\", \"Seconds\": 1, \"Retry\": [], \"End\": true}",
            "{\"Type\": \"Wait\", \"Seconds\": 1, \"Parameters\": {}, \"End\": true}",
            "{\"Type\": \"Succeed\", \"End\": true}",
            "{\"Type\": \"Fail\", \"ResultPath\": \"$.x\"}",
            "{\"Type\": \"Fail\", \"InputPath\": \"$.x\"}",
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Result\": {}, \"End\": true}",
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Nxt\": \"B\", \"End\": true}",
            "{\"Type\": \"Map\", " + INLINE + ", \"TimeoutSeconds\": 5, \"End\": true}",
            "{\"Type\": \"Parallel\", " + BRANCH + ", \"TimeoutSeconds\": 5, \"End\": true}"})
    void a_field_the_state_type_does_not_have_is_located_at_the_state(String state) {
        assertAt(one(state), "/States/A");
    }

    @Test
    void the_line_and_column_stay_those_of_the_field() {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\",\n"
                + "  \"TimeoutSeconds\": 5, \"End\": true}}}");

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/States/A");
            assertThat(d.location().line()).isEqualTo(2);
            assertThat(d.location().column()).isEqualTo(3);
        });
    }

    @Test
    void an_unknown_top_level_field_is_located_at_the_root() {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"A\", \"Foo\": 1, \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::awsLocation)
                .containsExactly(tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Retry\": [{\"ErrorEquals\": [\"X\"], \"Next\": \"A\"}], \"End\": true}|/States/A/Retry/0",
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Catch\": [{\"ErrorEquals\": [\"X\"], \"Next\": \"A\", \"Foo\": 1}], \"End\": true}|/States/A/Catch/0",
            "{\"Type\": \"Parallel\", \"Branches\": [{\"StartAt\": \"B\", \"Foo\": 1, \"States\": {\"B\": {\"Type\": \"Pass\", \"End\": true}}}], \"End\": true}|/States/A/Branches/0",
            "{\"Type\": \"Map\", \"ItemProcessor\": {\"QueryLanguage\": \"JSONPath\", \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}|/States/A/ItemProcessor",
            "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": {\"RoleArn\": \"arn:aws:iam::111122223333:role/R\", \"Role\": \"x\"}, \"End\": true}|/States/A/Credentials"})
    void a_field_a_nested_object_does_not_have_is_located_at_that_object(String state, String pointer) {
        assertAt(one(state), pointer);
    }

    @Test
    void an_unknown_field_of_a_choice_rule_and_a_next_inside_not_are_located_at_their_rule() {
        String definition = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Choice\", \"Choices\": ["
                + "{\"Variable\": \"$.x\", \"BooleanEquals\": true, \"Foo\": 1, \"Next\": \"Y\"},"
                + "{\"Not\": {\"Variable\": \"$.x\", \"IsNull\": true, \"Next\": \"Y\"}, \"Next\": \"Y\"}], "
                + "\"Default\": \"Y\"}, \"Y\": {\"Type\": \"Succeed\"}}}";

        assertThat(diagnostics(definition)).extracting(Diagnostic::pointer)
                .containsExactly("/States/A/Choices/0", "/States/A/Choices/1/Not");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"TimeoutSeconds\": 5, \"TimeoutSecondsPath\": \"$.t\"",
            "\"HeartbeatSeconds\": 5, \"HeartbeatSecondsPath\": \"$.t\""})
    void one_of_two_exclusive_fields_is_located_at_their_object(String fields) {
        assertAt(one("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", " + fields
                + ", \"End\": true}"), "/States/A");
    }

    @Test
    void exclusive_map_fields_are_located_at_the_map() {
        assertAt(one("{\"Type\": \"Map\", " + INLINE + ", \"MaxConcurrency\": 1, \"MaxConcurrencyPath\": \"$.m\", "
                + "\"End\": true}"), "/States/A");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"Parameters\": {\"a.$\": \"x\"}|/States/A/Parameters",
            "\"Parameters\": {\"a.$\": 5}|/States/A/Parameters",
            "\"Parameters\": {\"a.$\": \"States.format('x', $.a)\"}|/States/A/Parameters",
            "\"Parameters\": {\"a.$\": \"States.MathAdd(1)\"}|/States/A/Parameters",
            "\"Parameters\": {\"o\": {\"a.$\": \"$.a[\"}}|/States/A/Parameters",
            "\"Parameters\": {\"l\": [{\"a.$\": \"$.a[\"}]}|/States/A/Parameters",
            "\"ResultSelector\": {\"a.$\": \"nope\"}|/States/A/ResultSelector"})
    void a_bad_dollar_value_is_located_at_its_payload_template(String fields, String pointer) {
        assertAt(one("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", " + fields
                + ", \"End\": true}"), pointer);
    }

    @Test
    void a_bad_dollar_value_of_an_item_selector_is_located_at_it() {
        assertAt(one("{\"Type\": \"Map\", " + INLINE + ", \"ItemSelector\": {\"v.$\": \"$$$\"}, \"End\": true}"),
                "/States/A/ItemSelector");
    }

    @Test
    void a_fail_states_cause_path_stays_at_its_field() {
        assertAt(one("{\"Type\": \"Fail\", \"CausePath\": \"$.a[\"}"), "/States/A/CausePath");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"ItemBatcher\": {\"MaxItemsPerBatch\": -1}|/States/A/ItemBatcher/MaxItemsPerBatch",
            "\"ItemBatcher\": {\"MaxItemsPerBatch\": 2, \"MaxItemsPerBatchPath\": \"$.n\"}|/States/A/ItemBatcher",
            "\"ItemBatcher\": {\"MaxItems\": 2}|/States/A/ItemBatcher",
            "\"ItemReader\": {\"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}|/States/A/ItemReader",
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}, \"Foo\": 1}|/States/A/ItemReader",
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"JSON\", \"MaxItems\": -1}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}|/States/A/ItemReader/ReaderConfig/MaxItems",
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"JSON\", \"MaxItems\": 100000001}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}|/States/A/ItemReader/ReaderConfig/MaxItems",
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"JSON\", \"MaxItems\": 5, \"MaxItemsPath\": \"$.n\"}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}|/States/A/ItemReader/ReaderConfig",
            "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Bucket\": \"b\", \"Prefix\": \"p\"}, \"Foo\": 1}|/States/A/ResultWriter"})
    void the_documented_shape_of_a_distributed_maps_reader_batcher_and_writer(String field, String pointer) {
        assertAt(one("{\"Type\": \"Map\", " + DISTRIBUTED + ", " + field + ", \"End\": true}"), pointer);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"ItemBatcher\": {\"MaxItemsPerBatch\": 0, \"MaxInputBytesPerBatch\": 1024, \"BatchInput\": {\"k\": 1}}",
            "\"ItemBatcher\": {\"MaxItemsPerBatchPath\": \"$.n\"}",
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"JSON\", \"MaxItems\": 100000000}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}",
            "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"ReaderConfig\": {\"MaxItemsPath\": \"$.n\"}, \"Parameters\": {\"Bucket\": \"b\"}}",
            "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Bucket\": \"b\", \"Prefix\": \"p\"}, \"WriterConfig\": {\"OutputType\": \"JSON\"}}"})
    void their_valid_neighbours_are_accepted(String field) {
        assertThat(diagnostics(one("{\"Type\": \"Map\", " + DISTRIBUTED + ", " + field + ", \"End\": true}"))).isEmpty();
    }

    @Test
    void a_jsonata_reader_takes_arguments_and_expressions() {
        String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Map\", "
                + DISTRIBUTED + ", \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": "
                + "{\"InputType\": \"JSON\", \"MaxItems\": \"{% $states.input.n %}\"}, \"Arguments\": {\"Bucket\": \"b\", "
                + "\"Key\": \"{% $states.input.key %}\"}}, \"End\": true}}}";

        assertThat(diagnostics(definition)).isEmpty();
    }

    @Test
    void a_jsonata_map_or_parallel_does_not_make_its_nested_states_jsonata() {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", "
                + "\"QueryLanguage\": \"JSONata\", \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": "
                + "{\"Type\": \"Pass\", \"Output\": \"{% 1 %}\", \"End\": true}}}, \"Next\": \"A\"}, "
                + "\"A\": {\"Type\": \"Parallel\", \"QueryLanguage\": \"JSONata\", \"Branches\": [{\"StartAt\": \"B\", "
                + "\"States\": {\"B\": {\"Type\": \"Pass\", \"Output\": \"{% 1 %}\", \"End\": true}}}], \"End\": true}}}");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer).containsExactly(
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/M/ItemProcessor/States/P"),
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/A/Branches/0/States/B"));
        assertThat(found.get(0).message()).isEqualTo("The QueryLanguage is set to 'JSONPath', but field 'Output' is "
                + "only supported for the 'JSONata' QueryLanguage");
    }

    @Test
    void nested_states_that_say_jsonata_themselves_are_jsonata() {
        assertThat(diagnostics("{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", "
                + "\"QueryLanguage\": \"JSONata\", \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": "
                + "{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": \"{% 1 %}\", \"End\": true}}}, "
                + "\"End\": true}}}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"MaxConcurrencyPath\": \"$$.Execution.Input.n\"",
            "\"ToleratedFailureCountPath\": \"$$.Execution.Input.n\"",
            "\"ItemBatcher\": {\"MaxItemsPerBatchPath\": \"$$.Execution.Input.n\"}"})
    void a_maps_number_path_may_not_read_the_context_object(String field) {
        List<Diagnostic> found = diagnostics(one("{\"Type\": \"Map\", " + DISTRIBUTED + ", " + field + ", \"End\": true}"));

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
            assertThat(d.message()).startsWith("Value is not a Reference Path");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"MaxConcurrencyPath\": \"$.n\"", "\"MaxConcurrencyPath\": \"$n\"",
            "\"ItemsPath\": \"$$.Execution.Input.items\""})
    void a_maps_number_path_reads_the_input_or_a_variable_and_items_path_the_context_too(String field) {
        assertThat(diagnostics(one("{\"Type\": \"Map\", " + INLINE + ", " + field + ", \"End\": true}")))
                .noneMatch(Diagnostic::isError);
    }

    @Test
    void a_workflow_with_no_terminal_state_has_no_aws_location_but_its_text_names_the_machine() {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", "
                + "\"Next\": \"B\"}, \"B\": {\"Type\": \"Pass\", \"Next\": \"A\"}}}");

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.MISSING_END_STATE);
            assertThat(d.awsLocation()).isNull();
            assertThat(d.format()).endsWith("(/States)");
        });
    }
}
