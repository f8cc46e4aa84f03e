package dev.aslunit.internal.passthrough;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.StepFunctionsConfig;
import dev.aslunit.internal.json.Json;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pass-through through the real AWS SDK for Java v2 against WireMock standing in for each service:
 * the exact request the SDK sent, and the result and errors as Step Functions shapes them.
 */
class PassThroughTest {

    private static WireMockServer AWS;

    @BeforeAll
    static void start() {
        AWS = AwsStandIn.started();
    }

    @AfterAll
    static void stop() {
        AWS.stop();
    }

    @BeforeEach
    void reset() {
        AWS.resetAll();
    }

    private static StateMachineUnderTest sfn(String definition) {
        return StateMachineUnderTest.of(config(definition).build());
    }

    private static StepFunctionsConfig.Builder config(String definition) {
        return StepFunctionsConfig.newBuilder().definition("passthrough/" + definition + ".asl.json")
                .awsEndpoint(URI.create(AWS.baseUrl())).awsRegion("us-east-1");
    }

    private static void answer(int status, String body, String... headers) {
        var response = aResponse().withStatus(status).withBody(body).withHeader("x-amzn-RequestId", "req-1");
        for (int i = 0; i < headers.length; i += 2) {
            response = response.withHeader(headers[i], headers[i + 1]);
        }
        AWS.stubFor(any(anyUrl()).willReturn(response));
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = AWS.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    @Test
    void a_lambda_function_arn_invokes_the_function_with_the_input_and_returns_its_payload() throws Exception {
        answer(200, "{\"charged\":true}", "X-Amz-Executed-Version", "$LATEST");
        StateMachineUnderTest sfn = sfn("lambda-function").passThrough("Call");

        Execution execution = sfn.run(Map.of("orderId", "o-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Acharge/invocations");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("{\"orderId\":\"o-1\"}"));
        assertThat(request.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
        assertThat(execution.output()).isEqualTo(json("{\"charged\":true}"));
        assertThat(sfn.callsOf("Call").callCount()).isEqualTo(1);
    }

    @Test
    void lambda_invoke_gives_exactly_the_result_a_mock_gives() throws Exception {
        answer(200, "{\"charged\":true}");
        Execution real = sfn("lambda-invoke").passThrough("Call").run(Map.of("orderId", "o-1"));
        StateMachineUnderTest mocked = sfn("lambda-invoke");
        mocked.mock("Call").returns("{\"charged\":true}");
        Execution mock = mocked.run(Map.of("orderId", "o-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/charge/invocations");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("{\"orderId\":\"o-1\"}"));
        assertThat(real.output().path("Payload")).isEqualTo(json("{\"charged\":true}"));
        assertThat(real.output().path("StatusCode").asInt()).isEqualTo(200);
        assertThat(real.output()).isEqualTo(mock.output());
    }

    @Test
    void a_function_error_fails_the_task_with_the_functions_error_type_and_its_error_object_as_cause() {
        String body = "{\"errorType\":\"CardDeclined\",\"errorMessage\":\"insufficient funds\"}";
        answer(200, body, "X-Amz-Function-Error", "Unhandled");

        Execution execution = sfn("lambda-invoke").passThrough("Call").run(Map.of("orderId", "o-1"));

        assertThat(execution.error()).isEqualTo("CardDeclined");
        assertThat(execution.cause()).isEqualTo(body);
    }

    @Test
    void a_missing_function_is_lambda_resource_not_found_with_the_cause_as_step_functions_writes_it() {
        answer(404, "{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:us-east-1:123456789012:function:charge\"}",
                "x-amzn-ErrorType", "ResourceNotFoundException", "Content-Type", "application/json");

        Execution execution = sfn("lambda-invoke").passThrough("Call").run(Map.of("orderId", "o-1"));

        assertThat(execution.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(execution.cause()).isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:charge"
                + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: req-1;"
                + " Proxy: null)");
    }

    @Test
    void dynamodb_get_item_sends_the_json_protocol_request_and_returns_the_item_as_a_mock_would() throws Exception {
        String item = "{\"Item\":{\"id\":{\"S\":\"o-1\"},\"total\":{\"N\":\"12\"}}}";
        answer(200, item, "Content-Type", "application/x-amz-json-1.0");

        Execution real = sfn("dynamodb-get-item").passThrough("Call").run(Map.of("id", "o-1"));
        StateMachineUnderTest mocked = sfn("dynamodb-get-item");
        mocked.mock("Call").returns(item);
        Execution mock = mocked.run(Map.of("id", "o-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/");
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("DynamoDB_20120810.GetItem");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"o-1\"}}}"));
        assertThat(real.output().path("Item")).isEqualTo(json("{\"id\":{\"S\":\"o-1\"},\"total\":{\"N\":\"12\"}}"));
        assertThat(real.output()).isEqualTo(mock.output());
    }

    @Test
    void aws_sdk_maps_any_members_through_the_sdk_model_and_names_errors_service_dot_code() throws Exception {
        answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}", "Content-Type", "application/x-amz-json-1.0");

        Execution execution = sfn("sdk-dynamodb-get-item").passThrough("Call").run(Map.of("id", "o-1"));

        LoggedRequest request = onlyRequest();
        assertThat(json(request.getBodyAsString())).isEqualTo(
                json("{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"o-1\"}},\"ConsistentRead\":true}"));
        assertThat(execution.error()).isEqualTo("DynamoDb.ResourceNotFoundException");
        assertThat(execution.cause()).isEqualTo(
                "Requested resource not found (Service: DynamoDb, Status Code: 400, Request ID: req-1)");
    }

    @Test
    void aws_sdk_returns_the_response_members_in_pascal_case() throws Exception {
        answer(200, "{\"Item\":{\"id\":{\"S\":\"o-1\"},\"tags\":{\"SS\":[\"a\",\"b\"]}}}",
                "Content-Type", "application/x-amz-json-1.0");

        Execution execution = sfn("sdk-dynamodb-get-item").passThrough("Call").run(Map.of("id", "o-1"));

        assertThat(execution.output()).isEqualTo(json("{\"Item\":{\"id\":{\"S\":\"o-1\"},\"tags\":{\"SS\":[\"a\",\"b\"]}}}"));
    }

    @Test
    void sqs_send_message_sends_a_json_message_body_as_its_text() throws Exception {
        answer(200, "{\"MD5OfMessageBody\":\"d43159842a6911108856bdc9a0a71621\",\"MessageId\":\"m-1\"}",
                "Content-Type", "application/x-amz-json-1.0");

        Execution execution = sfn("sqs-send-message").passThroughResource("arn:aws:states:::sqs:*")
                .run(Map.of("orderId", "o-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("AmazonSQS.SendMessage");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("{\"QueueUrl\":"
                + "\"https://sqs.us-east-1.amazonaws.com/123456789012/orders\",\"MessageBody\":\"{\\\"orderId\\\":\\\"o-1\\\"}\"}"));
        assertThat(execution.output().path("MessageId").asText()).isEqualTo("m-1");
        assertThat(execution.output().has("SdkHttpMetadata")).isTrue();
    }

    @Test
    void aws_sdk_maps_nested_maps_of_structures_and_numbers_onto_the_request() throws Exception {
        answer(200, "{\"MD5OfMessageBody\":\"6ebb25b39f65cab5efa469977b9479e2\",\"MD5OfMessageAttributes\":"
                + "\"8cc3ab13200b21b0d17b28c4d98ec74a\",\"MessageId\":\"m-2\"}", "Content-Type",
                "application/x-amz-json-1.0");

        Execution execution = sfn("sdk-sqs-send-message").passThrough("Call").run("{}");

        assertThat(json(onlyRequest().getBodyAsString())).isEqualTo(json("{\"QueueUrl\":"
                + "\"https://sqs.us-east-1.amazonaws.com/123456789012/orders\",\"MessageBody\":\"placed\","
                + "\"DelaySeconds\":5,\"MessageAttributes\":{\"kind\":{\"DataType\":\"String\",\"StringValue\":\"order\"}}}"));
        assertThat(execution.output()).isEqualTo(json("{\"MD5OfMessageBody\":\"6ebb25b39f65cab5efa469977b9479e2\","
                + "\"MD5OfMessageAttributes\":\"8cc3ab13200b21b0d17b28c4d98ec74a\",\"MessageId\":\"m-2\"}"));
    }

    @Test
    void a_member_the_api_lacks_fails_the_execution_naming_it_and_nothing_is_sent() {
        Execution execution = sfn("sdk-unknown-field").passThrough("Call").run("{}");

        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("The parameters of arn:aws:states:::aws-sdk:sqs:sendMessage has no field"
                + " 'Body': the AWS API knows ").contains("MessageBody");
        assertThat(AWS.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_wait_for_task_token_lambda_is_invoked_and_the_task_waits_for_the_callback() throws Exception {
        answer(202, "", "Content-Type", "application/json");
        StateMachineUnderTest sfn = sfn("lambda-callback").passThrough("Call");

        Execution execution = sfn.start(Map.of("orderId", "o-1"));
        String token = execution.taskToken("Call").token();

        assertThat(json(onlyRequest().getBodyAsString())).isEqualTo(json("{\"token\":\"" + token + "\",\"orderId\":\"o-1\"}"));
        assertThat(execution.isRunning()).isTrue();
        execution.taskToken("Call").sendSuccess("{\"approved\":true}");
        assertThat(execution.awaitCompletion().output()).isEqualTo(json("{\"approved\":true}"));
    }

    @Test
    void sns_publish_sends_the_query_protocol_form() {
        answer(200, "<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>n-1</MessageId></PublishResult></PublishResponse>", "Content-Type", "text/xml");

        Execution execution = sfn("sns-publish").passThrough("Call").run(Map.of("text", "placed"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getBodyAsString()).isEqualTo("Action=Publish&Version=2010-03-31"
                + "&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders&Message=placed");
        assertThat(execution.output().path("MessageId").asText()).isEqualTo("n-1");
    }

    @Test
    void events_put_events_sends_the_detail_as_json_text() throws Exception {
        answer(200, "{\"Entries\":[{\"EventId\":\"e-1\"}],\"FailedEntryCount\":0}",
                "Content-Type", "application/x-amz-json-1.1");

        Execution execution = sfn("events-put-events").passThrough("Call").run(Map.of("orderId", "o-1"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("AWSEvents.PutEvents");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("{\"Entries\":[{\"Source\":\"orders\","
                + "\"DetailType\":\"OrderPlaced\",\"Detail\":\"{\\\"orderId\\\":\\\"o-1\\\"}\"}]}"));
        assertThat(execution.output().path("Entries")).isEqualTo(json("[{\"EventId\":\"e-1\"}]"));
    }

    @Test
    void s3_get_object_returns_the_body_as_text() {
        answer(200, "id,amount\ninv-1,120\n", "Content-Type", "text/csv", "ETag", "\"e1\"");

        Execution execution = sfn("sdk-s3-get-object").passThrough("Call").run(Map.of("key", "b-7.csv"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/invoices/b-7.csv");
        assertThat(execution.output().path("Body").asText()).isEqualTo("id,amount\ninv-1,120\n");
        assertThat(execution.output().path("ContentType").asText()).isEqualTo("text/csv");
        assertThat(execution.output().path("ETag").asText()).isEqualTo("\"e1\"");
    }

    @Test
    void s3_put_object_sends_the_body() {
        answer(200, "", "ETag", "\"e2\"");

        Execution execution = sfn("sdk-s3-put-object").passThrough("Call").run(Map.of("csv", "id\ninv-1\n"));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("PUT");
        assertThat(request.getUrl()).isEqualTo("/invoices/b-7.csv");
        // over plain HTTP the SDK signs the body in chunks, as it would against LocalStack
        assertThat(request.getHeader("x-amz-decoded-content-length")).isEqualTo("9");
        assertThat(request.getBodyAsString()).contains("\r\nid\ninv-1\n\r\n");
        assertThat(execution.output().path("ETag").asText()).isEqualTo("\"e2\"");
    }

    @Test
    void nothing_leaves_the_machine_without_an_explicit_pass_through() {
        answer(200, "{}");
        StateMachineUnderTest sfn = sfn("mixed");
        sfn.mock("Reserve").returns("{}");

        assertThatThrownBy(() -> sfn.run("{}")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Task state \"Charge\" has no mock.");
        assertThat(AWS.getAllServeEvents()).isEmpty();
    }

    @Test
    void only_the_passed_through_state_is_called_and_the_others_stay_mocked() throws Exception {
        answer(200, "{\"charged\":true}");
        StateMachineUnderTest sfn = sfn("mixed").passThrough("Charge");
        sfn.mock("Reserve").returns("{\"reserved\":true}");

        Execution execution = sfn.run("{}");

        assertThat(onlyRequest().getUrl()).contains("function%3Acharge");
        assertThat(json(onlyRequest().getBodyAsString())).isEqualTo(json("{\"reserved\":true}"));
        assertThat(execution.output()).isEqualTo(json("{\"charged\":true}"));
        assertThat(execution.enteredStates()).containsExactly("Reserve", "Charge");
    }

    @Test
    void a_real_call_takes_no_virtual_time_unless_asked() {
        AWS.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(300)));

        Execution instant = sfn("lambda-function").passThrough("Call").run("{}");
        Execution timed = StateMachineUnderTest.of(config("lambda-function").passThroughLatency(true).build())
                .passThrough("Call").run("{}");

        assertThat(instant.duration()).isZero();
        assertThat(timed.duration()).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(300));
    }

    @Test
    void a_missing_sdk_client_is_named_at_the_pass_through() {
        assertThatThrownBy(() -> sfn("sdk-athena").passThrough("Call"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Passing arn:aws:states:::aws-sdk:athena:getQueryExecution through to AWS needs the AWS SDK"
                        + " for Java v2 client of 'athena' on the classpath, and it is not there. Add the artifact"
                        + " software.amazon.awssdk:athena (to a Maven build: <dependency><groupId>software.amazon.awssdk"
                        + "</groupId><artifactId>athena</artifactId><version>2.40.2</version><scope>test</scope>"
                        + "</dependency>; to the aslunit CLI: its jars with their dependencies in ASLUNIT_CLASSPATH, see"
                        + " docs/cli.md), or mock the Task instead of passing it through.");
    }

    @Test
    void without_the_sdk_at_all_the_message_names_the_artifact_too() {
        ClassLoader withoutSdk = new ClassLoader(PassThroughTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("software.amazon.awssdk.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        PassThrough passThrough = new PassThrough(new AwsSettings(null, null, false), withoutSdk);

        assertThatThrownBy(() -> passThrough.passState("Charge", "arn:aws:states:::lambda:invoke"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Add the artifact software.amazon.awssdk:lambda");
    }

    @Test
    void an_endpoint_without_scheme_and_host_is_refused_when_the_configuration_is_built() {
        assertThatThrownBy(() -> StepFunctionsConfig.newBuilder().definition("passthrough/lambda-function.asl.json")
                .awsEndpoint(URI.create("localhost:4566")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The AWS endpoint localhost:4566 needs a scheme and a host, e.g. awsEndpoint = \"http://localhost:4566\"");
    }

    @Test
    void a_name_the_definition_lacks_or_a_sync_resource_is_refused_with_the_reason() {
        assertThatThrownBy(() -> sfn("lambda-invoke").passThrough("Cal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Call");
        PassThrough passThrough = new PassThrough(new AwsSettings(null, null, false));
        assertThatThrownBy(() -> passThrough.passState("Job", "arn:aws:states:::ecs:runTask.sync"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Task state 'Job' (arn:aws:states:::ecs:runTask.sync) cannot be passed through: the"
                        + " .sync pattern is passed through only for states:startExecution (a nested execution); mock"
                        + " the Task");
    }
}
