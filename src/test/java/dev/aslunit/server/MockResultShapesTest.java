package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The generated API shapes: present for every integration ASLUnit shapes results for, and read as AWS checks. */
class MockResultShapesTest {

    @ParameterizedTest
    @CsvSource({
        "arn:aws:states:::lambda:invoke, '{\"StatusCode\":\"200\"}', StatusCode",
        "arn:aws:states:::dynamodb:getItem, '{\"ConsumedCapacity\":{\"CapacityUnits\":\"1\"}}', CapacityUnits",
        "arn:aws:states:::sqs:sendMessage, '{\"MessageId\":1}', MessageId",
        "arn:aws:states:::sns:publish, '{\"MessageId\":true}', MessageId",
        "arn:aws:states:::events:putEvents, '{\"FailedEntryCount\":\"0\"}', FailedEntryCount",
        "arn:aws:states:::s3:putObject, '{\"ETag\":1}', ETag",
        "arn:aws:states:::states:startExecution, '{\"ExecutionArn\":1,\"StartDate\":\"d\"}', ExecutionArn",
        "arn:aws:states:::ecs:runTask, '{\"Tasks\":{}}', Tasks",
        "arn:aws:states:::glue:startJobRun, '{\"JobRunId\":1}', JobRunId",
        "arn:aws:states:::batch:submitJob, '{\"JobId\":1,\"JobName\":\"j\"}', JobId",
        "arn:aws:states:::athena:startQueryExecution, '{\"QueryExecutionId\":1}', QueryExecutionId",
        "arn:aws:states:::codebuild:startBuild, '{\"Build\":[]}', Build",
        "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue, '{\"SecretString\":1}', SecretString",
    })
    void every_integration_asl_unit_shapes_has_its_api_shape(String resource, String result, String field) {
        Optional<String> problem = MockResultShapes.problem(resource, StateTest.parse(result, "result"),
                FieldValidationMode.PRESENT);
        assertThat(problem).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Mock result schema validation error: Field '" + field + "' must be");
    }

    @Test
    void callbacks_sync_tasks_functions_activities_and_http_are_not_checked() {
        for (String resource : new String[] {"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "arn:aws:states:::states:startExecution.sync:2", "arn:aws:lambda:us-east-1:123456789012:function:f",
            "arn:aws:states:us-east-1:123456789012:activity:a", "arn:aws:states:::http:invoke",
            "arn:aws:states:::aws-sdk:nosuchservice:getThing"}) {
            assertThat(MockResultShapes.problem(resource, StateTest.parse("{\"StatusCode\":\"x\"}", "result"),
                    FieldValidationMode.STRICT)).as(resource).isEmpty();
        }
    }

    @Test
    void the_shapes_say_which_models_they_came_from() throws IOException {
        try (InputStream in = MockResultShapes.class.getResourceAsStream("/dev/aslunit/server/mock-result-shapes/SOURCE")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("AWS service models (service-2.json) from botocore ");
        }
    }
}
