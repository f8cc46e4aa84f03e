package dev.aslunit.internal.integration;

import static dev.aslunit.internal.json.JsonText.json;
import static dev.aslunit.mock.Invocations.T0;
import static dev.aslunit.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.engine.TaskInvocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceResponsesTest {

    static JsonNode complete(String resource, String parameters, String given) {
        return ServiceResponses.complete(call("S", resource, parameters, 0, 0), json(given));
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void lambda_invoke_wraps_the_payload_with_awss_fields() {
        JsonNode result = complete("arn:aws:states:::lambda:invoke", "{\"FunctionName\": \"f\"}", "\"HelloWorld!\"");

        assertThat(fields(result)).containsExactly("ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
        assertThat(result.get("Payload").textValue()).isEqualTo("HelloWorld!");
        assertThat(fields(result.get("SdkHttpMetadata"))).containsExactly("AllHttpHeaders", "HttpHeaders", "HttpStatusCode");
        assertThat(fields(result.get("SdkHttpMetadata").get("HttpHeaders"))).containsExactlyInAnyOrder("Connection",
                "Content-Length", "Content-Type", "Date", "X-Amz-Executed-Version", "x-amzn-Remapped-Content-Length",
                "x-amzn-RequestId", "X-Amzn-Trace-Id");
        assertThat(result.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").textValue()).isEqualTo("13");
    }

    @Test
    void sns_publish_gets_a_message_id_and_sdk_metadata_and_keeps_given_fields() {
        JsonNode generated = complete("arn:aws:states:::sns:publish", "{\"TopicArn\": \"t\", \"Message\": \"m\"}", "{}");
        JsonNode given = complete("arn:aws:states:::sns:publish", "{}", "{\"MessageId\": \"mine\"}");

        assertThat(fields(generated)).containsExactly("MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(generated.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Type").textValue()).isEqualTo("text/xml");
        assertThat(given.get("MessageId").textValue()).isEqualTo("mine");
    }

    @Test
    void sqs_send_message_digests_the_body_as_sqs_does() {
        JsonNode result = complete("arn:aws:states:::sqs:sendMessage", "{\"QueueUrl\": \"q\", \"MessageBody\": \"hello\"}", "{}");
        JsonNode withAttributes = complete("arn:aws:states:::sqs:sendMessage",
                "{\"QueueUrl\": \"q\", \"MessageBody\": {\"a\": 1}, \"MessageAttributes\": {\"k\": {\"DataType\": \"String\", \"StringValue\": \"v\"}}}", "{}");

        assertThat(result.get("MD5OfMessageBody").textValue()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        assertThat(fields(result)).containsExactly("MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(fields(withAttributes)).startsWith("MD5OfMessageAttributes", "MD5OfMessageBody");
    }

    @ParameterizedTest
    @ValueSource(strings = {"getItem", "putItem", "updateItem", "deleteItem"})
    void dynamodb_items_keep_the_given_fields_and_get_sdk_metadata(String action) {
        JsonNode result = complete("arn:aws:states:::dynamodb:" + action, "{\"TableName\": \"t\"}",
                "{\"Item\": {\"id\": {\"S\": \"id1\"}}}");

        assertThat(result.get("Item")).isEqualTo(json("{\"id\": {\"S\": \"id1\"}}"));
        assertThat(fields(result)).containsExactly("Item", "SdkHttpMetadata", "SdkResponseMetadata");
    }

    @Test
    void the_sdk_integration_for_dynamodb_adds_nothing() {
        assertThat(complete("arn:aws:states:::aws-sdk:dynamodb:getItem", "{}", "{\"Item\": {}}")).isEqualTo(json("{\"Item\": {}}"));
    }

    @Test
    void eventbridge_put_events_gives_one_event_id_per_entry() {
        JsonNode result = complete("arn:aws:states:::events:putEvents", "{\"Entries\": [{}, {}]}", "{}");

        assertThat(fields(result)).containsExactly("Entries", "FailedEntryCount");
        assertThat(result.get("Entries")).hasSize(2);
        assertThat(result.get("FailedEntryCount").intValue()).isZero();
    }

    @Test
    void start_execution_returns_the_arn_and_date_with_metadata() {
        JsonNode result = complete("arn:aws:states:::states:startExecution",
                "{\"StateMachineArn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:Child\", \"Name\": \"run-1\"}", "{}");

        assertThat(result.get("ExecutionArn").textValue()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Child:run-1");
        assertThat(result.get("StartDate").longValue()).isEqualTo(T0.toEpochMilli());
        assertThat(fields(result)).containsExactly("ExecutionArn", "StartDate", "SdkHttpMetadata", "SdkResponseMetadata");
    }

    @Test
    void start_execution_sync_gives_the_child_output_as_text_and_sync_2_as_json() {
        String parameters = "{\"StateMachineArn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:Child\","
                + " \"Name\": \"TestStartTarget\", \"Input\": {}}";
        JsonNode sync = complete("arn:aws:states:::states:startExecution.sync", parameters, "{\"Arg1\": \"argument1\"}");
        JsonNode sync2 = complete("arn:aws:states:::states:startExecution.sync:2", parameters, "{\"Arg1\": \"argument1\"}");

        assertThat(fields(sync)).containsExactly("ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails",
                "RedriveCount", "RedriveStatus", "RedriveStatusReason", "StartDate", "StateMachineArn", "Status", "StopDate");
        assertThat(sync.get("RedriveStatusReason").textValue()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        assertThat(sync.get("Output").textValue()).isEqualTo("{\"Arg1\":\"argument1\"}");
        assertThat(sync.get("Input").textValue()).isEqualTo("{}");
        assertThat(sync.get("Status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(sync2.get("Output")).isEqualTo(json("{\"Arg1\": \"argument1\"}"));
        assertThat(sync2.get("Input")).isEqualTo(json("{}"));
    }

    @Test
    void api_gateway_and_bedrock_wrap_the_body() {
        JsonNode api = complete("arn:aws:states:::apigateway:invoke", "{\"ApiEndpoint\": \"x\"}", "{\"ok\": true}");
        JsonNode bedrock = complete("arn:aws:states:::bedrock:invokeModel", "{\"ModelId\": \"m\"}", "{\"completion\": \"hi\"}");

        assertThat(fields(api)).containsExactly("Headers", "ResponseBody", "StatusCode", "StatusText");
        assertThat(api.get("ResponseBody")).isEqualTo(json("{\"ok\": true}"));
        assertThat(bedrock).isEqualTo(json("{\"Body\": {\"completion\": \"hi\"}, \"ContentType\": \"application/json\"}"));
    }

    @Test
    void jobs_get_their_ids_and_sync_jobs_their_final_state() {
        assertThat(complete("arn:aws:states:::glue:startJobRun", "{\"JobName\": \"etl\"}", "{}").has("JobRunId")).isTrue();
        assertThat(complete("arn:aws:states:::glue:startJobRun.sync", "{\"JobName\": \"etl\"}", "{}").get("JobRunState").textValue())
                .isEqualTo("SUCCEEDED");
        assertThat(fields(complete("arn:aws:states:::batch:submitJob", "{\"JobName\": \"j\"}", "{}")))
                .startsWith("JobArn", "JobId", "JobName");
        assertThat(complete("arn:aws:states:::batch:submitJob.sync", "{\"JobName\": \"j\"}", "{}").get("Status").textValue())
                .isEqualTo("SUCCEEDED");
        assertThat(complete("arn:aws:states:::athena:startQueryExecution", "{}", "{}").has("QueryExecutionId")).isTrue();
        assertThat(complete("arn:aws:states:::athena:startQueryExecution.sync", "{\"QueryString\": \"SELECT 1\"}", "{}")
                .at("/QueryExecution/Status/State").textValue()).isEqualTo("SUCCEEDED");
        JsonNode ecs = complete("arn:aws:states:::ecs:runTask.sync", "{\"Cluster\": \"c\", \"TaskDefinition\": \"td\"}", "{}");
        assertThat(ecs.at("/LastStatus").textValue()).isEqualTo("STOPPED");
        assertThat(ecs.at("/Containers/0/ExitCode").intValue()).isZero();
        assertThat(ecs.has("SdkHttpMetadata")).isFalse();
        assertThat(complete("arn:aws:states:::ecs:runTask", "{\"Cluster\": \"c\"}", "{}").at("/Tasks/0/LastStatus").textValue())
                .isEqualTo("PROVISIONING");
    }

    @Test
    void a_token_task_result_is_the_callback_and_functions_and_sdk_calls_are_as_given() {
        assertThat(complete("arn:aws:states:::lambda:invoke.waitForTaskToken", "{}", "{\"a\": 1}")).isEqualTo(json("{\"a\": 1}"));
        assertThat(complete("arn:aws:lambda:us-east-1:123456789012:function:f", "{}", "{\"a\": 1}")).isEqualTo(json("{\"a\": 1}"));
        assertThat(complete("arn:aws:states:::aws-sdk:s3:getObject", "{}", "{\"Body\": \"x\"}")).isEqualTo(json("{\"Body\": \"x\"}"));
    }

    @Test
    void a_given_non_object_is_kept() {
        assertThat(complete("arn:aws:states:::sns:publish", "{}", "\"text\"")).isEqualTo(json("\"text\""));
    }

    @Test
    void submitted_is_the_service_answer_of_a_token_task_and_the_same_every_run() {
        TaskInvocation token = new TaskInvocation("Publish", "arn:aws:states:::sns:publish.waitForTaskToken",
                json("{\"TopicArn\": \"t\", \"Message\": {}}"), 0, 0, "tok", T0, "arn:e");

        JsonNode submitted = ServiceResponses.submitted(token);

        assertThat(fields(submitted)).containsExactly("MessageId", "SdkHttpMetadata", "SdkResponseMetadata");
        assertThat(ServiceResponses.submitted(token)).isEqualTo(submitted);
        // as recorded on AWS (callback/test_callback::test_sns_publish_wait_for_task_token): SNS's XML answer is
        // 294 bytes long, and the AWS JSON and XML protocols name the connection header in lower case
        JsonNode headers = submitted.get("SdkHttpMetadata").get("HttpHeaders");
        assertThat(headers.get("Content-Length").textValue()).isEqualTo("294");
        assertThat(fields(headers)).contains("connection").doesNotContain("Connection");
    }

    @Test
    void a_failed_child_can_be_redriven_and_a_string_input_stays_a_string() {
        JsonNode failed = ServiceResponses.startExecutionSync("arn:aws:states:us-east-1:1:execution:C:n",
                "arn:aws:states:us-east-1:1:stateMachine:C", "n", json("\"InputFromTrustedAccount\""), null, "FAILED",
                T0, T0.plusSeconds(3), false);

        assertThat(failed.get("Input").textValue()).isEqualTo("\"InputFromTrustedAccount\"");
        assertThat(failed.get("RedriveStatus").textValue()).isEqualTo("REDRIVABLE");
        assertThat(failed.has("Output")).isFalse();
        assertThat(failed.get("StopDate").longValue() - failed.get("StartDate").longValue()).isEqualTo(3000);
    }
}
