package dev.aslunit.internal.validation;

import static dev.aslunit.internal.validation.DiagnosticCodesTest.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Task {@code Resource} without ARN syntax is refused as AWS refuses it: CreateStateMachine
 * answered the SAM stock-trader definition sent with its placeholders unsubstituted
 * ({@code "Resource": "${StockCheckerFunctionArn}"}) with {@code SCHEMA_VALIDATION_FAILED: Value is not
 * a valid resource ARN at /States/Check Stock Value/Resource} (aws/aws-sam-cli-app-templates#342).
 * (ASLUnit reports a {@code ${Name}} nobody gave a value for as its own {@code UNRESOLVED_PLACEHOLDER}.)
 * An ARN that names no task resource stays {@code INVALID_RESOURCE}.
 */
class ResourceSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"StockCheckerFunctionArn", "lambda:invoke", "<INSERT DICE LAMBDA ARN HERE>",
            "arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME"})
    void a_resource_without_arn_syntax_is_not_a_valid_resource_arn_where_it_is_written(String resource) {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"Check Stock Value\", \"States\": {\"Check Stock Value\": "
                + "{\"Type\": \"Task\", \"Resource\": \"" + resource + "\", \"End\": true}}}");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer).containsExactly(
                tuple(DiagnosticCode.SCHEMA_VALIDATION_FAILED, "/States/Check Stock Value/Resource"));
        assertThat(found.get(0).message()).startsWith("Value is not a valid resource ARN: \"" + resource + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:s3:::my-bucket", "arn:aws:lambda:us-east-1:123456789012:layer:l",
            "arn:aws:sqs:us-east-1:123456789012:orders"})
    void an_arn_that_names_no_task_resource_is_an_invalid_resource(String resource) {
        List<Diagnostic> found = diagnostics("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", "
                + "\"Resource\": \"" + resource + "\", \"End\": true}}}");

        assertThat(found).extracting(Diagnostic::code, Diagnostic::pointer)
                .containsExactly(tuple(DiagnosticCode.INVALID_RESOURCE, "/States/T/Resource"));
    }
}
