package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCodesTest.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Definitions AWS refuses, flagged with AWS's code at AWS's location; and their valid neighbours accepted. */
class AwsRejectionsTest {

    private static String task(String fields) {
        return "{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", " + fields + ", \"End\": true}}}";
    }

    private static String lambdaTask(String fields) {
        return task("\"Resource\": \"arn:aws:states:::lambda:invoke\", " + fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"RoleArn\": \"\"}", "{\"RoleArn\": \"role/TaskRole\"}",
            "{\"RoleArn\": 7}", "{\"Role\": \"arn:aws:iam::111122223333:role/TaskRole\"}", "\"arn\"",
            "{\"RoleArn\": \"arn:aws:iam::111122223333:role/A\", \"RoleArn.$\": \"$.role\"}"})
    void an_empty_or_malformed_credentials_field_is_refused(String credentials) {
        List<Diagnostic> found = diagnostics(lambdaTask("\"Credentials\": " + credentials));

        assertThat(found).isNotEmpty().allSatisfy(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_VALIDATION_FAILED);
            assertThat(d.pointer()).startsWith("/States/T/Credentials");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"RoleArn\": \"arn:aws:iam::111122223333:role/TaskRole\"}",
            "{\"RoleArn.$\": \"$.role\"}", "{\"RoleArn.$\": \"States.Format('arn:aws:iam::{}:role/R', $.account)\"}",
            "{\"RoleArn\": \"${TaskRoleArn}\"}"})
    void well_formed_credentials_are_accepted(String credentials) {
        String definition = lambdaTask("\"Credentials\": " + credentials);

        assertThat(dev.aslunit.internal.definition.load.DefinitionLoader.fromString(definition).allowOpaquePlaceholders()
                .load().diagnostics()).isEmpty();
    }

    @Test
    void jsonata_credentials_take_an_expression() {
        String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": "
                + "\"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Credentials\": {\"RoleArn\": "
                + "\"{% $states.input.role %}\"}, \"End\": true}}}";

        assertThat(diagnostics(definition)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamodb:query", "sqs:receiveMessage", "sns:createTopic", "lambda:invokeAsync",
            "states:startSyncExecution", "ecs:runTask2.sync"})
    void an_optimized_integration_aws_does_not_offer_is_an_invalid_resource(String integration) {
        List<Diagnostic> found = diagnostics(task("\"Resource\": \"arn:aws:states:::" + integration + "\""));

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer)
                .containsExactly(tuple(DiagnosticCode.INVALID_RESOURCE, "/States/T/Resource"));
        assertThat(found.get(0).message()).contains("aws-sdk:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dynamodb:updateItem", "sqs:sendMessage.waitForTaskToken", "states:startExecution.sync:2",
            "athena:getQueryResults", "aws-sdk:dynamodb:query", "aws-sdk:s3:listObjectsV2", "sagemaker:createModel",
            "bedrock:invokeModel", "eks:call", "someNewService:someAction"})
    void the_integrations_aws_offers_and_those_it_may_add_are_accepted(String integration) {
        assertThat(diagnostics(task("\"Resource\": \"arn:aws:states:::" + integration + "\""))).isEmpty();
    }

    @Test
    void a_root_level_problem_is_located_at_slash() {
        List<Diagnostic> found = diagnostics("{\"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::awsLocation)
                .containsExactly(tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/"));
        assertThat(found.get(0).format()).endsWith("(/)");
    }

    @Test
    void a_bad_escape_in_an_intrinsic_string_is_located_at_the_payload_template_as_aws_does() {
        String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": "
                + "{\"deep\": {\"a.$\": \"States.Format('a\\\\q')\"}}, \"End\": true}}}";

        List<Diagnostic> found = diagnostics(definition);

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer)
                .containsExactly(tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/P/Parameters"));
        assertThat(found.get(0).message()).contains("a backslash must escape");
    }

    @Test
    void other_intrinsic_problems_in_a_payload_template_are_located_at_it_too() {
        String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": "
                + "{\"a.$\": \"States.Frobnicate($.x)\"}, \"End\": true}}}";

        assertThat(diagnostics(definition)).extracting(Diagnostic::pointer).containsExactly("/States/P/Parameters");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"InputType\": \"PARQUET\"}",
            "{\"InputType\": \"MANIFEST\", \"ManifestType\": \"ATHENA_DATA\"}",
            "{\"InputType\": \"JSON\", \"ItemsPointer\": \"/orders/items\"}",
            "{\"InputType\": \"JSONL\", \"Transformation\": \"LOAD_AND_FLATTEN\"}"})
    void the_item_reader_inputs_aws_added_in_2025_are_accepted(String readerConfig) {
        String definition = "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"ItemReader\": {"
                + "\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": " + readerConfig + ", "
                + "\"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}, \"ItemProcessor\": {\"ProcessorConfig\": "
                + "{\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"P\", \"States\": "
                + "{\"P\": {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}}}";

        assertThat(diagnostics(definition)).isEmpty();
    }
}
