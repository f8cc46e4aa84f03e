package dev.aslunit.mock;

import static dev.aslunit.internal.json.JsonText.json;
import static dev.aslunit.mock.Invocations.T0;
import static dev.aslunit.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskMocksTest {

    static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:charge";
    static final String SQS_TOKEN = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    static final String HTTP = "arn:aws:states:::http:invoke";

    static final StateMachineDefinition ORDERS = DefinitionReader.read(json("""
            {"StartAt": "ValidateOrder", "States": {
              "ValidateOrder": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                                "Parameters": {"FunctionName": "validate", "Payload.$": "$"}, "Next": "AwaitApproval"},
              "AwaitApproval": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                                "Parameters": {"QueueUrl": "q", "MessageBody.$": "$"}, "Next": "ShipOrder"},
              "ShipOrder": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                            "Parameters": {"ApiEndpoint": "https://shipping.example.com/shipments", "Method": "POST"},
                            "Next": "Done"},
              "Done": {"Type": "Succeed"}}}"""));

    static TaskInvocation lambda(String state, String payload, int invocation) {
        return call(state, LAMBDA_INVOKE, "{\"FunctionName\": \"f\", \"Payload\": " + payload + "}", 0, invocation);
    }

    static TaskOutcome answer(TaskMocks mocks, TaskInvocation invocation) {
        return mocks.answer(invocation).orElseThrow();
    }

    static JsonNode result(TaskOutcome outcome) {
        return ((TaskOutcome.Succeeded) outcome).result();
    }

    @Nested
    class Results {

        @Test
        void for_lambda_invoke_returns_is_the_payload_wrapped_as_aws_does() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Validate").returns("{\"valid\": true}");

            JsonNode result = result(answer(mocks, lambda("Validate", "{}", 0)));

            assertThat(result.get("Payload")).isEqualTo(json("{\"valid\": true}"));
            assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
            assertThat(result.get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
            assertThat(result.get("SdkHttpMetadata").get("HttpStatusCode").intValue()).isEqualTo(200);
            assertThat(result.get("SdkHttpMetadata").get("HttpHeaders").get("Content-Length").textValue()).isEqualTo("14");
            assertThat(result.get("SdkHttpMetadata").get("AllHttpHeaders").get("Content-Type"))
                    .isEqualTo(json("[\"application/json\"]"));
            assertThat(result.get("SdkHttpMetadata").get("HttpHeaders").get("Date").textValue())
                    .isEqualTo("Mon, 5 Jan 2026 09:00:00 GMT");
            assertThat(result.get("SdkResponseMetadata").get("RequestId").textValue())
                    .isEqualTo(result.get("SdkHttpMetadata").get("HttpHeaders").get("x-amzn-RequestId").textValue())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }

        @Test
        void the_wrapper_is_the_same_on_every_run() {
            TaskMocks first = new TaskMocks();
            first.mock("Validate").returns("1");
            TaskMocks second = new TaskMocks();
            second.mock("Validate").returns("1");

            assertThat(answer(first, lambda("Validate", "{}", 0))).isEqualTo(answer(second, lambda("Validate", "{}", 0)));
        }

        @Test
        void a_whole_response_is_used_as_given() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Validate").returns(TaskResults.wholeResponse("{\"StatusCode\": 202, \"Payload\": null}"));

            assertThat(result(answer(mocks, lambda("Validate", "{}", 0)))).isEqualTo(json("{\"StatusCode\": 202, \"Payload\": null}"));
        }

        @Test
        void for_a_lambda_function_arn_and_other_services_returns_is_the_result() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns("{\"paymentId\": \"p-1\"}");
            mocks.mock("Send").returns(json("{\"MessageId\": \"m-1\"}"));

            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"total\": 3}", 0, 0)))
                    .isEqualTo(TaskOutcome.succeeded(json("{\"paymentId\": \"p-1\"}")));
            assertThat(answer(mocks, call("Send", "arn:aws:states:::aws-sdk:sqs:sendMessage", "{}", 0, 0)))
                    .isEqualTo(TaskOutcome.succeeded(json("{\"MessageId\": \"m-1\"}")));
        }

        @Test
        void a_result_can_come_from_a_file(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("payment.json");
            Files.writeString(file, "{\"paymentId\": \"from-file\"}");
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns(file);

            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0)))
                    .isEqualTo(TaskOutcome.succeeded(json("{\"paymentId\": \"from-file\"}")));
        }

        @Test
        void bad_json_fails_at_the_line_that_gave_it() {
            TaskMocks mocks = new TaskMocks();

            assertThatThrownBy(() -> mocks.mock("Charge").returns("{paymentId: 1}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("returns(...) of mock(\"Charge\") is not valid JSON at line 1, column 2:"
                            + " Unexpected character ('p' (code 112)): was expecting double-quote to start field name");
            assertThatThrownBy(() -> mocks.mock("Charge").returns("ok"))
                    .hasMessageContaining("A JSON string needs quotes: \"\\\"text\\\"\".");
        }

        @Test
        void a_failure_keeps_its_error_and_cause() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").fails("Lambda.ServiceException", "Lambda is down");

            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0)))
                    .isEqualTo(TaskOutcome.failed("Lambda.ServiceException", "Lambda is down"));
        }

        @Test
        void a_function_error_surfaces_as_aws_shows_it() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Validate").returns(TaskResults.lambdaError("ValidationError", "total is negative",
                    "ValidationError: total is negative", "    at validate (/var/task/index.js:3:11)"));

            assertThat(answer(mocks, lambda("Validate", "{}", 0))).isEqualTo(TaskOutcome.failed("ValidationError",
                    "{\"errorType\":\"ValidationError\",\"errorMessage\":\"total is negative\",\"trace\":"
                            + "[\"ValidationError: total is negative\",\"    at validate (/var/task/index.js:3:11)\"]}"));
        }

        @Test
        void an_answer_can_be_computed_from_the_call() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Double").answers(c -> TaskResults.json("{\"n\": " + c.input().get("n").intValue() * 2 + "}"));

            assertThat(result(answer(mocks, lambda("Double", "{\"n\": 21}", 0))).get("Payload"))
                    .isEqualTo(json("{\"n\": 42}"));
        }

        @Test
        void a_computed_null_is_a_clear_mistake() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Double").answers(c -> null);

            assertThatThrownBy(() -> mocks.answer(lambda("Double", "{}", 0)))
                    .hasMessage("The answers(...) function of the mock of \"Double\" returned null;"
                            + " return TaskResults.json(...) or TaskResults.failure(...).");
        }
    }

    @Nested
    class Sequences {

        @Test
        void fails_twice_then_returns_for_ever() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                    .thenReturns("{\"paymentId\": \"pay-1\"}");

            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0))).isInstanceOf(TaskOutcome.Failed.class);
            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 1, 1))).isInstanceOf(TaskOutcome.Failed.class);
            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 2, 2))).isEqualTo(TaskOutcome.succeeded(json("{\"paymentId\": \"pay-1\"}")));
            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 3))).isEqualTo(TaskOutcome.succeeded(json("{\"paymentId\": \"pay-1\"}")));
        }

        @Test
        void answers_without_times_each_answer_once_and_the_last_repeats() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Poll").returns("\"pending\"").thenReturns("\"running\"").thenFails("Boom", null).thenReturns("\"done\"");

            assertThat(result(answer(mocks, call("Poll", FUNCTION, "{}", 0, 0))).textValue()).isEqualTo("pending");
            assertThat(result(answer(mocks, call("Poll", FUNCTION, "{}", 0, 1))).textValue()).isEqualTo("running");
            assertThat(answer(mocks, call("Poll", FUNCTION, "{}", 0, 2))).isEqualTo(TaskOutcome.failed("Boom", null));
            assertThat(result(answer(mocks, call("Poll", FUNCTION, "{}", 0, 3))).textValue()).isEqualTo("done");
            assertThat(result(answer(mocks, call("Poll", FUNCTION, "{}", 0, 4))).textValue()).isEqualTo("done");
        }

        @Test
        void a_counted_last_answer_runs_out_and_the_message_says_so() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns("1").times(1);

            assertThat(mocks.answer(call("Charge", FUNCTION, "{}", 0, 0))).isPresent();
            TaskInvocation second = call("Charge", FUNCTION, "{}", 0, 1);
            assertThat(mocks.answer(second)).isEmpty();
            assertThat(mocks.noMockMessage(second)).isEqualTo("""
                    Task state "Charge" got no answer from mock("Charge") (TaskMocksTest.java:%d): it scripts 1 answer \
                    and this is call 2 (returns 1 ×1).
                    Add an answer where it is declared:
                      sfn.mock("Charge")...thenReturns("{...}");
                    Mocks in this test: "Charge" (TaskMocksTest.java:%d)""".formatted(lineOf(mocks), lineOf(mocks)));
        }

        @Test
        void a_mock_without_answers_says_so() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge");
            TaskInvocation first = call("Charge", FUNCTION, "{}", 0, 0);

            assertThat(mocks.answer(first)).isEmpty();
            assertThat(mocks.noMockMessage(first)).startsWith("Task state \"Charge\" got no answer from mock(\"Charge\") (TaskMocksTest.java:")
                    .contains("): it was declared without an answer.\nAdd an answer where it is declared:\n");
        }

        @Test
        void computed_answers_and_results_chain_like_the_others() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns(TaskResults.json("1")).thenAnswers(c -> TaskResults.json(String.valueOf(c.attempt())))
                    .thenReturns(TaskResults.failure("E", null));

            assertThat(result(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0))).intValue()).isEqualTo(1);
            assertThat(result(answer(mocks, call("Charge", FUNCTION, "{}", 7, 1))).intValue()).isEqualTo(7);
            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 2))).isEqualTo(TaskOutcome.failed("E", null));
        }

        @Test
        void times_and_after_need_an_answer_and_sane_values() {
            TaskMock mock = new TaskMocks().mock("Charge");

            assertThatThrownBy(() -> mock.times(2)).hasMessage("times(2) on mock(\"Charge\") needs an answer before it,"
                    + " e.g. mock(\"Charge\").fails(\"Lambda.TooManyRequestsException\", \"Rate exceeded\").times(2)");
            assertThatThrownBy(() -> mock.returns("1").times(0))
                    .hasMessage("times(0) on mock(\"Charge\"): the count must be 1 or more.");
            assertThatThrownBy(() -> mock.after(Duration.ofSeconds(-1)))
                    .hasMessage("after(PT-1S) on mock(\"Charge\"): the latency must be zero or more.");
            assertThatThrownBy(() -> mock.neverAnswers().after(Duration.ofSeconds(1)))
                    .hasMessage("after(...) on mock(\"Charge\") follows an answer that never comes; give a result or an error to delay.");
        }

        @Test
        void describe_reads_the_script_back() {
            TaskMock mock = new TaskMocks().mock("Charge")
                    .fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                    .thenReturns("{\"paymentId\":\"pay-1\"}").after(Duration.ofSeconds(45))
                    .when("$.express").neverAnswers();

            assertThat(mock.describe()).isEqualTo("fails with Lambda.TooManyRequestsException \"Rate exceeded\" ×2,"
                    + " then returns {\"paymentId\":\"pay-1\"} after 45s; when $.express: never answers");
        }

        int lineOf(TaskMocks mocks) {
            return Integer.parseInt(mocks.mocks().get(0).declaredAt().replaceAll(".*:", ""));
        }
    }

    @Nested
    class Time {

        @Test
        void after_gives_the_answer_a_virtual_latency() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns("{\"paymentId\": \"too-late\"}").after(Duration.ofSeconds(45))
                    .thenFails("Boom", "c").after(Duration.ofMillis(1500));

            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0)))
                    .isEqualTo(new TaskOutcome.Succeeded(json("{\"paymentId\": \"too-late\"}"), Duration.ofSeconds(45)));
            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 1, 1)))
                    .isEqualTo(new TaskOutcome.Failed("Boom", "c", Duration.ofMillis(1500)));
        }

        @Test
        void never_answers_lets_the_timeout_fire() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").neverAnswers();

            assertThat(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0))).isEqualTo(new TaskOutcome.NoAnswer());
        }

        @Test
        void a_token_task_waits_for_the_test_or_gets_a_scripted_callback() {
            TaskMocks mocks = new TaskMocks(ORDERS, "orders.asl.json");
            mocks.mock("AwaitApproval").waitsForCallback()
                    .sendsTaskSuccessAfter(Duration.ofHours(2), "{\"approvedBy\": \"maria\"}");

            assertThat(answer(mocks, call("AwaitApproval", SQS_TOKEN, "{}", 0, 0))).isEqualTo(new TaskOutcome.NoAnswer());
            assertThat(answer(mocks, call("AwaitApproval", SQS_TOKEN, "{}", 0, 1)))
                    .isEqualTo(new TaskOutcome.Succeeded(json("{\"approvedBy\": \"maria\"}"), Duration.ofHours(2)));
            assertThat(mocks.mocks().get(0).describe()).startsWith("waits for the test's callback, then ");
        }

        @Test
        void a_scripted_callback_can_fail() {
            TaskMocks mocks = new TaskMocks(ORDERS, "orders.asl.json");
            mocks.mock("AwaitApproval").sendsTaskFailureAfter(Duration.ofMinutes(5), "Rejected", "too expensive");

            assertThat(answer(mocks, call("AwaitApproval", SQS_TOKEN, "{}", 0, 0)))
                    .isEqualTo(new TaskOutcome.Failed("Rejected", "too expensive", Duration.ofMinutes(5)));
        }

        @Test
        void callbacks_are_refused_for_tasks_that_await_none() {
            TaskMocks mocks = new TaskMocks(ORDERS, "orders.asl.json");

            assertThatThrownBy(() -> mocks.mock("ValidateOrder").waitsForCallback())
                    .hasMessage("waitsForCallback() on mock(\"ValidateOrder\"): task \"ValidateOrder\" uses"
                            + " arn:aws:states:::lambda:invoke, not a .waitForTaskToken resource, so no callback is awaited.\n"
                            + "Use returns(...).after(...) for a slow answer, or neverAnswers() to let its timeout fire.");
        }
    }

    @Nested
    class Conditions {

        @Test
        void answers_depend_on_the_input_by_json_path() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns("\"normal\"")
                    .when("$.express").returns("\"express\"")
                    .when("$.order[?(@.total > 1000)]").fails("Declined", "too much")
                    .when("$.customer", "vip").returns("\"vip\"");

            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"express\": false}", 0, 0)))
                    .isEqualTo(TaskOutcome.succeeded(json("\"normal\"")));
            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"express\": true}", 0, 1)))
                    .isEqualTo(TaskOutcome.succeeded(json("\"express\"")));
            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"order\": {\"total\": 1001}}", 0, 2)))
                    .isEqualTo(TaskOutcome.failed("Declined", "too much"));
            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"order\": {\"total\": 1000}}", 0, 3)))
                    .isEqualTo(TaskOutcome.succeeded(json("\"normal\"")));
            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"customer\": \"vip\"}", 0, 4)))
                    .isEqualTo(TaskOutcome.succeeded(json("\"vip\"")));
        }

        @Test
        void equality_compares_numbers_by_value() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").when("$.total", 1000).returns("\"exact\"").otherwise().returns("\"other\"");

            assertThat(result(answer(mocks, call("Charge", FUNCTION, "{\"total\": 1000.0}", 0, 0))).textValue()).isEqualTo("exact");
            assertThat(result(answer(mocks, call("Charge", FUNCTION, "{\"total\": 999}", 0, 1))).textValue()).isEqualTo("other");
        }

        @Test
        void for_lambda_invoke_conditions_see_the_payload() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Validate").when(c -> c.input().path("total").intValue() < 0).fails("Invalid", "negative")
                    .otherwise().returns("{}");

            assertThat(answer(mocks, lambda("Validate", "{\"total\": -1}", 0))).isEqualTo(TaskOutcome.failed("Invalid", "negative"));
            assertThat(answer(mocks, lambda("Validate", "{\"total\": 1}", 1))).isInstanceOf(TaskOutcome.Succeeded.class);
        }

        @Test
        void each_condition_counts_its_own_sequence() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").when("$.retry").fails("Busy", null).times(1).thenReturns("\"ok\"");

            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"retry\": true}", 0, 0))).isEqualTo(TaskOutcome.failed("Busy", null));
            assertThat(mocks.answer(call("Charge", FUNCTION, "{\"retry\": false}", 0, 1))).isEmpty();
            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"retry\": true}", 1, 2))).isEqualTo(TaskOutcome.succeeded(json("\"ok\"")));
        }

        @Test
        void an_input_no_condition_matches_is_explained() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").when("$.express").returns("\"express\"");
            TaskInvocation slow = call("Charge", FUNCTION, "{\"express\": false}", 0, 0);

            assertThat(mocks.answer(slow)).isEmpty();
            assertThat(mocks.noMockMessage(slow)).startsWith("Task state \"Charge\" got no answer from mock(\"Charge\") (TaskMocksTest.java:")
                    .contains(": its answers are all for conditions, and the input matches none of them"
                            + " (when $.express: returns \"express\").\n  input  {\"express\":false}\n");
        }

        @Test
        void a_bad_json_path_fails_where_it_is_typed() {
            assertThatThrownBy(() -> new TaskMocks().mock("Charge").when("$.[oops"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("when(\"$.[oops\") on mock(\"Charge\"): not a JsonPath (")
                    .hasMessageEndingWith("Examples: \"$.express\", \"$.order[?(@.total > 1000)]\".");
        }
    }

    @Nested
    class Selection {

        @Test
        void a_resource_mock_answers_every_task_with_that_resource_exact_or_by_pattern() {
            TaskMocks mocks = new TaskMocks();
            mocks.mockResource("arn:aws:states:::sqs:*").returns("{\"MessageId\": \"m\"}");
            mocks.mockResource(FUNCTION).returns("\"fn\"");

            assertThat(result(answer(mocks, call("A", "arn:aws:states:::sqs:sendMessage", "{}", 0, 0))).get("MessageId").textValue())
                    .isEqualTo("m");
            assertThat(result(answer(mocks, call("B", FUNCTION, "{}", 0, 0))).textValue()).isEqualTo("fn");
            assertThat(mocks.answer(call("C", "arn:aws:states:::sns:publish", "{}", 0, 0))).isEmpty();
            assertThat(mocks.mocks().get(0).calls()).extracting(TaskCall::stateName).containsExactly("A");
        }

        @Test
        void a_state_mock_wins_over_a_resource_mock_and_the_latest_resource_mock_wins() {
            TaskMocks mocks = new TaskMocks();
            mocks.mockResource("*").returns("\"any\"");
            mocks.mockResource("arn:aws:lambda:*").returns("\"lambda\"");
            mocks.mock("Charge").returns("\"state\"");

            assertThat(result(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0))).textValue()).isEqualTo("state");
            assertThat(result(answer(mocks, call("Other", FUNCTION, "{}", 0, 0))).textValue()).isEqualTo("lambda");
            assertThat(result(answer(mocks, call("Other", HTTP, "{}", 0, 0))).textValue()).isEqualTo("any");
        }

        @Test
        void a_resource_mock_needs_a_resource() {
            assertThatThrownBy(() -> new TaskMocks().mockResource(" "))
                    .hasMessage("mockResource(...) needs a resource ARN or a pattern such as \"arn:aws:states:::sqs:*\".");
        }

        @Test
        void mocking_a_state_again_replaces_its_mock_and_unmock_removes_it() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Charge").returns("1");
            mocks.mock("Charge").returns("2");

            assertThat(result(answer(mocks, call("Charge", FUNCTION, "{}", 0, 0))).intValue()).isEqualTo(2);
            mocks.unmock("Charge");
            assertThat(mocks.answer(call("Charge", FUNCTION, "{}", 0, 1))).isEmpty();
        }
    }

    @Nested
    class Recording {

        @Test
        void every_call_is_recorded_with_state_resource_input_attempt_and_time() {
            TaskMocks mocks = new TaskMocks();
            TaskMock validate = mocks.mock("Validate").returns("{}");
            TaskInvocation retry = new TaskInvocation("Validate", LAMBDA_INVOKE,
                    json("{\"FunctionName\": \"f\", \"Payload\": {\"orderId\": \"o-1\"}}"), 1, 3, null,
                    T0.plusSeconds(6), "arn:exec");

            mocks.answer(retry);
            mocks.answer(call("Unmocked", FUNCTION, "{\"x\": 1}", 0, 0));

            assertThat(validate.calls()).containsExactly(new TaskCall("Validate", LAMBDA_INVOKE, json("{\"orderId\": \"o-1\"}"),
                    json("{\"FunctionName\": \"f\", \"Payload\": {\"orderId\": \"o-1\"}}"), 1, 3, T0.plusSeconds(6), null, "arn:exec"));
            assertThat(validate.callCount()).isEqualTo(1);
            assertThat(mocks.calls()).extracting(TaskCall::stateName).containsExactly("Validate", "Unmocked");
        }

        @Test
        void unused_mocks_are_listed_with_the_line_that_declared_them() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("Used").returns("1");
            TaskMock unused = mocks.mock("Unused").returns("1");
            mocks.answer(call("Used", FUNCTION, "{}", 0, 0));

            assertThat(mocks.unusedMocks()).containsExactly(unused);
            assertThat(unused.declaredAt()).matches("TaskMocksTest\\.java:\\d+");
        }
    }

    @Nested
    class Strictness {

        @Test
        void strict_mocks_give_no_answer_to_an_unmocked_task() {
            assertThat(new TaskMocks().answer(call("Charge", FUNCTION, "{}", 0, 0))).isEmpty();
        }

        @Test
        void lenient_mocks_answer_with_the_input_in_the_tasks_shape() {
            TaskMocks mocks = new TaskMocks().lenient(true);

            assertThat(answer(mocks, call("Charge", FUNCTION, "{\"total\": 3}", 0, 0)))
                    .isEqualTo(TaskOutcome.succeeded(json("{\"total\": 3}")));
            assertThat(result(answer(mocks, lambda("Validate", "{\"orderId\": \"o\"}", 0))).get("Payload"))
                    .isEqualTo(json("{\"orderId\": \"o\"}"));
        }

        @Test
        void the_no_mock_message_names_the_state_the_resource_the_place_the_fix_and_the_mocks() {
            TaskMocks mocks = new TaskMocks(ORDERS, "orders.asl.json");
            mocks.mock("ValidateOrder").returns("{}");
            int line = Integer.parseInt(mocks.mocks().get(0).declaredAt().replaceAll(".*:", ""));
            TaskInvocation ship = call("ShipOrder", HTTP,
                    "{\"ApiEndpoint\": \"https://shipping.example.com/shipments\", \"Method\": \"POST\"}", 0, 0);

            assertThat(mocks.noMockMessage(ship)).isEqualTo("""
                    Task state "ShipOrder" has no mock.
                      resource  arn:aws:states:::http:invoke  (POST https://shipping.example.com/shipments)
                      defined   (/States/ShipOrder)
                    Mock it:
                      sfn.mock("ShipOrder").returns(httpResponse(200, "{...}"));
                    or send HTTP tasks to a stub server:
                      sfn.http().route("https://shipping.example.com", wireMock.getHttpBaseUrl());
                    Mocks in this test: "ValidateOrder" (TaskMocksTest.java:%d)""".formatted(line));
        }

        @Test
        void the_no_mock_message_for_a_token_task_shows_the_callback_verbs_and_a_close_name() {
            TaskMocks mocks = new TaskMocks();
            mocks.mock("AwaitAproval").waitsForCallback();

            assertThat(mocks.noMockMessage(call("AwaitApproval", SQS_TOKEN, "{}", 0, 0)))
                    .startsWith("""
                            Task state "AwaitApproval" has no mock.
                              resource  arn:aws:states:::sqs:sendMessage.waitForTaskToken
                            Mock it:
                              sfn.mock("AwaitApproval").waitsForCallback()   // or .sendsTaskSuccessAfter(Duration.ofMinutes(5), "{...}");
                            Did you mean to mock this state? mock("AwaitAproval") (TaskMocksTest.java:""")
                    .contains(") is close to \"AwaitApproval\".\nMocks in this test: \"AwaitAproval\" (TaskMocksTest.java:");
        }

        @Test
        void a_typo_fails_where_it_is_typed_with_the_closest_name() {
            TaskMocks mocks = new TaskMocks(ORDERS, "orders.asl.json");

            assertThatThrownBy(() -> mocks.mock("ShipOrdr"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No Task state named \"ShipOrdr\" in orders.asl.json — did you mean \"ShipOrder\"?\n"
                            + "Task states: ValidateOrder, AwaitApproval, ShipOrder");
            assertThatThrownBy(() -> mocks.mock("Done"))
                    .hasMessage("State \"Done\" in orders.asl.json is a Succeed state; only Task states call services,"
                            + " so only they can be mocked.\nTask states: ValidateOrder, AwaitApproval, ShipOrder");
            assertThatThrownBy(() -> mocks.unmock("Nothing"))
                    .hasMessage("No Task state named \"Nothing\" in orders.asl.json\nTask states: ValidateOrder, AwaitApproval, ShipOrder");
        }
    }
}
