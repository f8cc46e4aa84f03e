package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCodesTest.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A Distributed Map's ResultWriter: the field sets and WriterConfig values AWS's developer guide allows. */
class ResultWriterChecksTest {

    private static List<Diagnostic> withWriter(String queryLanguage, String writer) {
        return diagnostics("""
                {"QueryLanguage": "%s", "StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "P", "States": {"P": {"Type": "Succeed"}}},
                  "ResultWriter": %s}}}""".formatted(queryLanguage, writer));
    }

    private static final String TO_S3 = "\"Resource\": \"arn:aws:states:::s3:putObject\", "
            + "\"Parameters\": {\"Bucket\": \"out\", \"Prefix\": \"p\"}";

    @Test
    void the_three_sets_aws_documents_are_accepted() {
        assertThat(withWriter("JSONPath", "{" + TO_S3 + "}")).isEmpty();
        assertThat(withWriter("JSONPath", "{\"WriterConfig\": {\"Transformation\": \"FLATTEN\", \"OutputType\": \"JSON\"}}"))
                .isEmpty();
        assertThat(withWriter("JSONPath", "{" + TO_S3
                + ", \"WriterConfig\": {\"Transformation\": \"COMPACT\", \"OutputType\": \"JSONL\"}}")).isEmpty();
        assertThat(withWriter("JSONata", "{" + TO_S3.replace("Parameters", "Arguments")
                + ", \"WriterConfig\": {\"Transformation\": \"NONE\", \"OutputType\": \"JSON\"}}")).isEmpty();
    }

    @Test
    void an_unknown_transformation_is_named_with_the_values_aws_takes() {
        List<Diagnostic> found = withWriter("JSONPath", "{" + TO_S3
                + ", \"WriterConfig\": {\"Transformation\": \"FLAT\", \"OutputType\": \"JSON\"}}");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
            assertThat(d.pointer()).isEqualTo("/States/M/ResultWriter/WriterConfig/Transformation");
            assertThat(d.message()).isEqualTo(
                    "Transformation must be \"NONE\", \"COMPACT\" or \"FLATTEN\", not the string \"FLAT\"");
        });
    }

    @Test
    void an_unknown_output_type_is_named_with_the_values_aws_takes() {
        List<Diagnostic> found = withWriter("JSONPath", "{\"WriterConfig\": {\"Transformation\": \"NONE\", "
                + "\"OutputType\": \"CSV\"}}");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/States/M/ResultWriter/WriterConfig/OutputType");
            assertThat(d.message()).isEqualTo("OutputType must be \"JSON\" or \"JSONL\", not the string \"CSV\"");
        });
    }

    @Test
    void a_misspelt_writer_config_field_is_reported() {
        List<Diagnostic> found = withWriter("JSONPath", "{\"WriterConfig\": {\"Transform\": \"NONE\"}}");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
            assertThat(d.pointer()).isEqualTo("/States/M/ResultWriter/WriterConfig");
        });
    }

    @Test
    void an_empty_writer_or_a_resource_without_its_parameters_is_not_one_of_the_sets() {
        assertThat(withWriter("JSONPath", "{}")).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/States/M/ResultWriter");
            assertThat(d.message()).startsWith("ResultWriter needs WriterConfig");
        });
        assertThat(withWriter("JSONata", "{\"Resource\": \"arn:aws:states:::s3:putObject\"}"))
                .singleElement().satisfies(d -> assertThat(d.message())
                        .startsWith("ResultWriter needs Resource and Arguments together"));
    }
}
