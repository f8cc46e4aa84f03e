package dev.aslunit.server;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link StateTest}, one request member of AWS's TestState at a time, with AWS's documented answers
 * (status, output, error, nextState, inspectionData) and refusals as expectations.
 */
class StateTestRequestTest {

    static final String CHARGE = """
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
             "Parameters":{"FunctionName":"charge","Payload.$":"$"},"ResultSelector":{"paid.$":"$.Payload.paid"},
             "ResultPath":"$.payment","Next":"Ship",
             "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":2,"BackoffRate":3,
                       "MaxAttempts":3}],
             "Catch":[{"ErrorEquals":["Card.Declined"],"Next":"Refuse"},
                      {"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Alert"}]}""";

    static final String MAP = """
            {"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ToleratedFailureCount":1,
             "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task",
                "Resource":"arn:aws:lambda:us-east-1:123456789012:function:work","End":true}}},
             "ResultPath":"$.results","Next":"Done",
             "Catch":[{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"Next":"TooManyFailed"}]}""";

    static final String PARALLEL = """
            {"Type":"Parallel","ResultSelector":{"first.$":"$[0]"},"End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}""";

    @Nested
    class Definition_and_state_name {

        @Test
        void a_single_state_is_called_StateName_in_the_context_object() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Pass","Parameters":{"me.$":"$$.State.Name"},"End":true}""").run();
            assertThat(r).succeeded().hasOutput("{\"me\":\"StateName\"}");
        }

        @Test
        void state_name_picks_a_state_of_a_whole_machine_also_inside_a_map() {
            String machine = """
                    {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items","End":true,
                      "ItemProcessor":{"StartAt":"Double","States":{
                        "Double":{"Type":"Pass","Parameters":{"twice.$":"States.MathAdd($.n, $.n)"},"End":true}}}}}}""";
            StateTestResult r = StateTest.of(machine, "Double").input("{\"n\":4}").run();
            assertThat(r).succeeded().hasOutput("{\"twice\":8}");
            assertThat(r.nextState()).isNull();
        }

        @Test
        void only_the_tested_states_resource_is_checked_the_others_never_run() {
            String machine = """
                    {"StartAt":"Call","States":{
                      "Call":{"Type":"Task","Resource":"arn:aws:lambda:your-region:your-account:function:placeholder","Next":"Go"},
                      "Go":{"Type":"Pass","End":true}}}""";
            assertThat(StateTest.of(machine, "Go").run()).succeeded();
            assertThatThrownBy(() -> StateTest.of(machine, "Call").mockResult("{}").run())
                    .hasMessageContaining("SCHEMA_VALIDATION_FAILED: Value is not a valid resource ARN");
            assertThatThrownBy(() -> StateTest.of("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"}}}", "A"))
                    .hasMessageStartingWith("Invalid State Machine Definition");
        }

        @Test
        void an_unknown_state_name_is_refused_naming_the_states_there_are() {
            assertThatThrownBy(() -> StateTest.of("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "Z"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("State not found in definition");
            assertThatThrownBy(() -> StateTest.create("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "Z"))
                    .isInstanceOf(ApiException.class).hasMessage("State not found in definition");
        }
    }

    @Nested
    class Input_inspection_level_and_variables {

        @Test
        void info_answers_without_inspection_data_debug_and_trace_with_each_step() {
            String pass = """
                    {"Type":"Pass","InputPath":"$.order","Parameters":{"id.$":"$.id"},"ResultPath":"$.picked","End":true}""";
            String input = "{\"order\":{\"id\":7},\"x\":1}";
            assertThat(StateTest.of(pass).input(input).run().inspectionData()).isEmpty();
            for (InspectionLevel level : new InspectionLevel[] {InspectionLevel.DEBUG, InspectionLevel.TRACE}) {
                StateTestResult r = StateTest.of(pass).input(input).inspectionLevel(level).run();
                assertThat(r).succeeded().hasOutput("{\"order\":{\"id\":7},\"x\":1,\"picked\":{\"id\":7}}")
                        .hasInspectionData("input", input)
                        .hasInspectionData("afterInputPath", "{\"id\":7}")
                        .hasInspectionData("afterParameters", "{\"id\":7}")
                        .hasInspectionData("afterResultSelector", "{\"id\":7}")
                        .hasInspectionData("afterResultPath", "{\"order\":{\"id\":7},\"x\":1,\"picked\":{\"id\":7}}");
                assertThat(r.inspectionData()).doesNotContainKey("result");
            }
        }

        @Test
        void a_pass_with_a_result_shows_the_result_and_not_the_input_steps() {
            StateTestResult r = StateTest.of("{\"Type\":\"Pass\",\"Result\":{\"k\":1},\"ResultPath\":\"$.r\",\"End\":true}")
                    .input("{\"a\":1}").inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).succeeded().hasOutput("{\"a\":1,\"r\":{\"k\":1}}")
                    .hasInspectionData("result", "{\"k\":1}").hasInspectionData("afterResultSelector", "{\"k\":1}");
            assertThat(r.inspectionData()).doesNotContainKeys("afterInputPath", "afterParameters");
        }

        @Test
        void choice_succeed_and_fail_show_their_input_after_input_path() {
            StateTestResult choice = StateTest.of("""
                    {"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"Big"}],"Default":"Small"}""")
                    .input("{\"n\":2}").inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(choice).succeeded().goesTo("Big").hasInspectionData("afterInputPath", "{\"n\":2}");
            assertThat(choice.inspectionData()).containsOnlyKeys("input", "afterInputPath");

            StateTestResult fail = StateTest.of("{\"Type\":\"Fail\",\"Error\":\"E\",\"Cause\":\"C\"}")
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(fail).failed().hasError("E", "C");
            assertThat(fail.inspectionData()).containsOnlyKeys("input", "afterInputPath");
        }

        @Test
        void variables_are_in_scope_and_reported_with_what_the_state_assigned() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($a, $.b)"},"Assign":{"seen":true},"End":true}""")
                    .input("{\"b\":2}").variables("{\"a\":40}").inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).succeeded().hasOutput("{\"sum\":42}").hasInspectionData("variables", "{\"a\":40,\"seen\":true}");
        }

        @Test
        void variables_given_to_a_jsonata_machine_stay_data() {
            String machine = """
                    {"QueryLanguage":"JSONata","StartAt":"Echo","States":{
                      "Echo":{"Type":"Pass","Output":"{% $text %}","End":true}}}""";
            StateTestResult r = StateTest.of(machine, "Echo").variables("{\"text\":\"{% 1 + 1 %}\"}").run();
            assertThat(r).succeeded().hasOutput("\"{% 1 + 1 %}\"");
        }
    }

    @Nested
    class Context_and_role {

        @Test
        void the_context_object_is_testStates_with_the_given_members_over_it() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Pass","Parameters":{"ctx.$":"$$"},"End":true}""").input("{\"a\":1}")
                    .roleArn("arn:aws:iam::123456789012:role/tester")
                    .context("{\"Execution\":{\"Name\":\"my-run\"},\"State\":{\"RetryCount\":2}}").run();
            assertThat(r).succeeded();
            String ctx = r.output();
            assertThat(ctx).contains("\"Name\":\"my-run\"", "\"RetryCount\":2", "\"Name\":\"StateName\"",
                    "\"RoleArn\":\"arn:aws:iam::123456789012:role/tester\"", "\"Input\":{\"a\":1}", ":express:")
                    .doesNotContain("RedriveCount");
        }

        @Test
        void a_wait_for_task_token_task_sees_the_given_token() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                     "Parameters":{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q",
                                   "MessageBody":{"token.$":"$$.Task.Token"}},"End":true}""")
                    .context("{\"Task\":{\"Token\":\"abc\"}}").mockResult("{\"ok\":true}")
                    .inspectionLevel(InspectionLevel.TRACE).run();
            assertThat(r).succeeded().hasOutput("{\"ok\":true}").hasInspectionData("afterParameters",
                    "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/q\",\"MessageBody\":{\"token\":\"abc\"}}");
        }

        @Test
        void a_context_with_what_aws_does_not_allow_is_refused_in_its_words() {
            StateTest pass = StateTest.of("{\"Type\":\"Pass\",\"End\":true}");
            assertThatThrownBy(() -> pass.context("{\"Pokedex\":{}}").run())
                    .hasMessage("Invalid Context object provided: Field 'Pokedex' is not allowed");
            assertThatThrownBy(() -> pass.context("{\"Execution\":{\"Id\":1}}").run())
                    .hasMessage("Invalid Context object provided: Execution.Id must be a string");
            assertThatThrownBy(() -> pass.context("{\"Map\":{}}").run())
                    .hasMessage("Invalid Context object provided: 'Map' field is not supported when mocking a Context object");
        }
    }

    @Nested
    class Mocks {

        @Test
        void a_mocked_result_flows_through_result_selector_and_result_path() {
            StateTestResult r = StateTest.of(CHARGE).input("{\"id\":1}").mockResult("{\"Payload\":{\"paid\":true}}")
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).succeeded().goesTo("Ship").hasOutput("{\"id\":1,\"payment\":{\"paid\":true}}")
                    .hasInspectionData("afterParameters", "{\"FunctionName\":\"charge\",\"Payload\":{\"id\":1}}")
                    .hasInspectionData("result", "{\"Payload\":{\"paid\":true}}")
                    .hasInspectionData("afterResultSelector", "{\"paid\":true}");
        }

        @Test
        void a_mocked_error_is_caught_by_the_first_matching_catcher_with_its_index() {
            StateTestResult r = StateTest.of(CHARGE).mockError("Card.Declined", "no funds")
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).caughtError().hasError("Card.Declined", "no funds").goesTo("Refuse")
                    .hasInspectionData("errorDetails", "{\"catchIndex\":0}");
            assertThat(StateTest.of(CHARGE).mockError("Other", "?").run()).caughtError().goesTo("Alert");
        }

        @Test
        void field_validation_checks_a_mocked_result_against_the_apis_shape() {
            String start = """
                    {"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
                     "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:m"},"End":true}""";
            assertThatThrownBy(() -> StateTest.of(start).mockResult("{}").run())
                    .hasMessage("Mock result schema validation error: Required field 'ExecutionArn' is missing");
            assertThatThrownBy(() -> StateTest.of(start).mockResult("{\"ExecutionArn\":\"a\",\"StartDate\":1}").run())
                    .hasMessage("Mock result schema validation error: Field 'StartDate' must be a string");
            assertThat(StateTest.of(start).mockResult("{}").fieldValidationMode(FieldValidationMode.PRESENT).run())
                    .succeeded();
            assertThatThrownBy(() -> StateTest.of(start).mockResult("{\"StartDate\":true}")
                    .fieldValidationMode(FieldValidationMode.PRESENT).run())
                    .hasMessage("Mock result schema validation error: Field 'StartDate' must be a string");
            assertThat(StateTest.of(start).mockResult("{\"StartDate\":true}").fieldValidationMode(FieldValidationMode.NONE)
                    .run()).succeeded().hasOutput("{\"StartDate\":true}");
        }

        @Test
        void field_validation_knows_enums_ranges_lists_and_aws_sdk_integrations() {
            String getObject = """
                    {"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject",
                     "Parameters":{"Bucket":"b","Key":"k"},"End":true}""";
            assertThatThrownBy(() -> StateTest.of(getObject).mockResult("{\"StorageClass\":\"Papyrus\"}").run())
                    .hasMessage("Mock result schema validation error: Field 'StorageClass' is not an expected value");
            assertThatThrownBy(() -> StateTest.of(getObject).mockResult("{\"ContentLength\":\"9\"}").run())
                    .hasMessage("Mock result schema validation error: Field 'ContentLength' must be a number");
            assertThat(StateTest.of(getObject).mockResult("{\"ContentLength\":9,\"NotInTheApi\":[1]}").run()).succeeded();
            String putEvents = """
                    {"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[]},"End":true}""";
            assertThatThrownBy(() -> StateTest.of(putEvents).mockResult("{\"Entries\":[{\"EventId\":\"a\"},{\"EventId\":[1]}]}")
                    .run()).hasMessage("Mock result schema validation error: Field 'EventId' must be a string");
            String getFunction = """
                    {"Type":"Task","Resource":"arn:aws:states:::aws-sdk:lambda:getFunction",
                     "Parameters":{"FunctionName":"f"},"End":true}""";
            assertThatThrownBy(() -> StateTest.of(getFunction).mockResult("{\"Configuration\":{\"MemorySize\":127}}").run())
                    .hasMessage("Mock result schema validation error: Field 'MemorySize' is less than the minimum value");
        }

        @Test
        void lambda_invokes_payload_is_json_not_a_blob() {
            assertThat(StateTest.of(CHARGE).mockResult("{\"Payload\":{\"paid\":false},\"StatusCode\":200}").run())
                    .succeeded();
            assertThatThrownBy(() -> StateTest.of(CHARGE).mockResult("{\"StatusCode\":\"200\"}").run())
                    .hasMessage("Mock result schema validation error: Field 'StatusCode' must be a number");
        }

        @Test
        void aws_refuses_a_mock_on_a_state_that_calls_nothing_and_a_map_or_parallel_without_one() {
            for (String state : new String[] {"{\"Type\":\"Pass\",\"End\":true}", "{\"Type\":\"Succeed\"}",
                "{\"Type\":\"Fail\"}", "{\"Type\":\"Wait\",\"Seconds\":1,\"End\":true}"}) {
                String type = StateTest.parse(state, "state").get("Type").asText();
                assertThatThrownBy(() -> StateTest.of(state).mockResult("{}").run())
                        .hasMessage("State type '" + type + "' is not supported when a mock is specified");
                assertThatThrownBy(() -> StateTest.of(state).mockError("E", "C").run())
                        .hasMessage("State type '" + type + "' is not supported when a mock is specified");
            }
            assertThatThrownBy(() -> StateTest.of(PARALLEL).run()).hasMessage("TestState API does not support Map or "
                    + "Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
            assertThatThrownBy(() -> StateTest.of(MAP).run()).hasMessageStartingWith("TestState API does not support Map");
        }

        @Test
        void a_mock_result_that_is_not_json_is_refused_even_without_validation() {
            assertThatThrownBy(() -> StateTest.of(CHARGE).mockResult("not json").fieldValidationMode(FieldValidationMode.NONE)
                    .run()).hasMessage("Mocked result must be valid JSON");
        }

        @Test
        void reveal_secrets_is_refused_with_a_mock() {
            assertThatThrownBy(() -> StateTest.of(CHARGE).mockResult("{}").revealSecrets(true).run())
                    .hasMessage("TestState does not support RevealSecrets when a mock is specified.");
        }

        @Test
        void a_parallel_takes_one_mocked_result_per_branch() {
            StateTestResult r = StateTest.of(PARALLEL).input("{\"x\":1}").mockResult("[{\"a\":1},{\"b\":2}]")
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).succeeded().hasOutput("{\"first\":{\"a\":1}}")
                    .hasInspectionData("afterResultSelector", "{\"first\":{\"a\":1}}");
            assertThatThrownBy(() -> StateTest.of(PARALLEL).mockResult("{\"a\":1}").run())
                    .hasMessage("Mocked result must be an array.");
            assertThatThrownBy(() -> StateTest.of(PARALLEL).mockResult("[1]").run())
                    .hasMessage("Mocked result must contain the same number of items as number of Parallel branches.");
        }

        @Test
        void a_map_takes_its_mocked_result_as_what_its_iterations_returned() {
            StateTestResult r = StateTest.of(MAP).input("{\"items\":[1,2]}").mockResult("[10,20]")
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).succeeded().goesTo("Done").hasOutput("{\"items\":[1,2],\"results\":[10,20]}")
                    .hasInspectionData("afterItemsPath", "[1,2]").hasInspectionData("maxConcurrency", "2")
                    .hasInspectionData("toleratedFailureCount", "1");
            StateTestResult selected = StateTest.of("""
                    {"Type":"Map","ItemsPath":"$.items","ItemSelector":{"n.$":"$$.Map.Item.Value","at.$":"$$.Map.Item.Index",
                     "tag.$":"$.tag"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}""")
                    .input("{\"items\":[5,6],\"tag\":\"t\"}").mockResult("[1,2]").inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(selected).succeeded().hasInspectionData("afterItemSelector",
                    "[{\"n\":5,\"at\":0,\"tag\":\"t\"},{\"n\":6,\"at\":1,\"tag\":\"t\"}]");
            StateTestResult notArray = StateTest.of(MAP).input("{\"items\":{}}").mockResult("[]").run();
            assertThat(notArray).failed().hasError("States.Runtime", "Reference path \"$.items\" must point to array.");
        }

        @Test
        void a_task_handler_answers_when_there_is_no_mock() {
            StateTestResult r = StateTest.of(CHARGE).input("{}")
                    .taskHandler(call -> java.util.Optional.of(dev.aslunit.internal.engine.TaskOutcome.succeeded(
                            StateTest.parse("{\"Payload\":{\"paid\":\"by handler\"}}", "result")))).run();
            assertThat(r).succeeded().hasOutput("{\"payment\":{\"paid\":\"by handler\"}}");
        }
    }

    @Nested
    class State_configuration {

        @Test
        void a_retrier_with_attempts_left_makes_the_error_retriable_with_its_backoff() {
            StateTestResult first = StateTest.of(CHARGE).mockError("Lambda.TooManyRequestsException", "slow down")
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(first).isRetriable().hasError("Lambda.TooManyRequestsException", "slow down")
                    .hasInspectionData("errorDetails", "{\"retryIndex\":0,\"retryBackoffIntervalSeconds\":2}");
            assertThat(first.output()).isNull();
            assertThat(first.nextState()).isNull();

            StateTestResult third = StateTest.of(CHARGE).mockError("Lambda.TooManyRequestsException", "slow down")
                    .retrierRetryCount(2).inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(third).isRetriable().hasInspectionData("errorDetails",
                    "{\"retryIndex\":0,\"retryBackoffIntervalSeconds\":18}");
        }

        @Test
        void a_retrier_out_of_attempts_hands_the_error_to_the_catchers() {
            StateTestResult r = StateTest.of(CHARGE).input("{}").mockError("Lambda.TooManyRequestsException", "slow")
                    .retrierRetryCount(3).run();
            assertThat(r).caughtError().goesTo("Alert")
                    .hasOutput("{\"error\":{\"Error\":\"Lambda.TooManyRequestsException\",\"Cause\":\"slow\"}}");
        }

        @Test
        void the_retry_count_is_in_the_context_object() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f",
                     "Payload":{"try.$":"$$.State.RetryCount"}},"End":true}""").mockResult("{}").retrierRetryCount(4)
                    .inspectionLevel(InspectionLevel.DEBUG).run();
            assertThat(r).hasInspectionData("afterParameters", "{\"FunctionName\":\"f\",\"Payload\":{\"try\":4}}");
        }

        @Test
        void map_iteration_failures_beyond_the_tolerance_fail_the_map() {
            assertThat(StateTest.of(MAP).input("{\"items\":[1,2,3]}").mockResult("[1,0,1]").mapIterationFailureCount(1)
                    .run()).succeeded();
            assertThat(StateTest.of(MAP).input("{\"items\":[1,2,3]}").mockResult("[0,0,1]").mapIterationFailureCount(2)
                    .run()).caughtError().goesTo("TooManyFailed").hasError("States.ExceedToleratedFailureThreshold",
                            "The specified tolerated failure threshold was exceeded");
            assertThat(StateTest.of(MAP).input("{\"items\":[1,2,3]}").mockError("Work.Failed", "item 2")
                    .errorCausedByState("Work").mapIterationFailureCount(1).run()).failed().hasError("Work.Failed", "item 2");
            assertThat(StateTest.of(MAP).input("{\"items\":[1,2,3]}").mockError("Work.Failed", "items 1 and 2")
                    .errorCausedByState("Work").mapIterationFailureCount(2).run()).caughtError().goesTo("TooManyFailed")
                    .hasError("States.ExceedToleratedFailureThreshold");
            assertThatThrownBy(() -> StateTest.of(MAP).input("{\"items\":[1,2,3]}").mockResult("[0,0,0]")
                    .mapIterationFailureCount(4).run())
                    .hasMessage("Map iteration failure count must be less than or equal to the number of Map iterations");
        }

        @Test
        void map_item_reader_data_stands_for_what_the_item_reader_read() {
            String map = """
                    {"Type":"Map","ToleratedFailurePercentage":50,"End":true,
                     "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
                                   "Parameters":{"Bucket":"b","Key":"k"}},
                     "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                       "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}""";
            assertThat(StateTest.of(map).mapItemReaderData("[1,2,3,4]").mockResult("[1,1,1,1]")
                    .mapIterationFailureCount(2).run()).succeeded();
            assertThat(StateTest.of(map).mapItemReaderData("[1,2,3,4]").mockResult("[1,1,1,1]")
                    .mapIterationFailureCount(3).run()).failed().hasError("States.ExceedToleratedFailureThreshold");
        }

        @Test
        void csv_item_reader_data_counts_its_records_without_the_header_row() {
            String map = """
                    {"Type":"Map","ToleratedFailureCount":1,"End":true,
                     "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV",
                                   "CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"b","Key":"k.csv"}},
                     "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                       "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}""";
            assertThat(StateTest.of(map).mapItemReaderData("id,qty\n1,2\n3,4\n").mockResult("[1,1]")
                    .mapIterationFailureCount(1).run()).succeeded();
            assertThatThrownBy(() -> StateTest.of(MAP).mapItemReaderData("{\"not\":\"items\"}").mockResult("[]").run())
                    .hasMessageContaining("mapItemReaderData must be a JSON array");
        }

        @Test
        void error_caused_by_state_must_name_a_state_inside_the_map_or_parallel() {
            assertThat(StateTest.of(PARALLEL).mockError("E", "C").errorCausedByState("B").run()).failed().hasError("E");
            assertThatThrownBy(() -> StateTest.of(PARALLEL).mockError("E", "C").errorCausedByState("Nope").run())
                    .hasMessageContaining("'Nope'");
        }
    }
}
