package dev.aslunit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

class TestStateTest {

    static final String TASK = """
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
             "Parameters":{"FunctionName":"f","Payload.$":"$.order"},
             "ResultSelector":{"body.$":"$.Payload"},"ResultPath":"$.charge","Next":"Ship",
             "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"MaxAttempts":2}],
             "Catch":[{"ErrorEquals":["Card.Declined"],"ResultPath":"$.error","Next":"Refuse"}]}""";

    @Nested
    class Through_the_sdk {

        @RegisterExtension
        static final LocalServer local = new LocalServer();

        @Test
        void runs_a_pass_state_and_shows_each_step_at_debug() {
            TestStateResponse r = local.sfn().testState(b -> b.definition("""
                    {"Type":"Pass","Parameters":{"total.$":"$.a"},"Next":"Done"}""").input("{\"a\":1}")
                    .roleArn(MachineOperationsTest.ROLE).inspectionLevel(InspectionLevel.DEBUG));
            assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(r.output()).isEqualTo("{\"total\":1}");
            assertThat(r.nextState()).isEqualTo("Done");
            assertThat(r.inspectionData().input()).isEqualTo("{\"a\":1}");
            assertThat(r.inspectionData().afterInputPath()).isEqualTo("{\"a\":1}");
            assertThat(r.inspectionData().afterResultPath()).isEqualTo("{\"total\":1}");
        }

        @Test
        void runs_a_jsonata_state_with_its_inspection_data() {
            TestStateResponse r = local.sfn().testState(b -> b.definition("""
                    {"Type":"Pass","QueryLanguage":"JSONata","Output":{"sum":"{% $states.input.a + $b %}"},
                     "Assign":{"b":"{% $b * 10 %}"},"Next":"Done"}""").input("{\"a\":1}").variables("{\"b\":2}")
                    .roleArn(MachineOperationsTest.ROLE).inspectionLevel(InspectionLevel.DEBUG));
            assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(r.output()).isEqualTo("{\"sum\":3}");
            assertThat(r.inspectionData().input()).isEqualTo("{\"a\":1}");
            assertThat(r.inspectionData().variables()).isEqualTo("{\"b\":20}");
            assertThat(r.inspectionData().afterInputPath()).isNull();
        }

        @Test
        void answers_a_task_from_the_mock_and_reports_the_data_flow() {
            TestStateResponse r = local.sfn().testState(b -> b.definition(TASK).input("{\"order\":{\"id\":7}}")
                    .inspectionLevel(InspectionLevel.DEBUG)
                    .mock(m -> m.result("{\"Payload\":{\"ok\":true},\"StatusCode\":200}")));
            assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(r.nextState()).isEqualTo("Ship");
            assertThat(r.output()).isEqualTo("{\"order\":{\"id\":7},\"charge\":{\"body\":{\"ok\":true}}}");
            assertThat(r.inspectionData().afterParameters()).isEqualTo("{\"FunctionName\":\"f\",\"Payload\":{\"id\":7}}");
            assertThat(r.inspectionData().result()).isEqualTo("{\"Payload\":{\"ok\":true},\"StatusCode\":200}");
            assertThat(r.inspectionData().afterResultSelector()).isEqualTo("{\"body\":{\"ok\":true}}");
            assertThat(r.inspectionData().afterResultPath()).isEqualTo(r.output());
        }

        @Test
        void shows_each_processing_step_of_a_task_with_every_path_field() {
            TestStateResponse r = local.sfn().testState(b -> b.definition("""
                    {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.order",
                     "Parameters":{"FunctionName":"f","Payload.$":"$"},"ResultSelector":{"ok.$":"$.Payload.ok"},
                     "ResultPath":"$.res","OutputPath":"$.res","End":true}""")
                    .input("{\"order\":{\"id\":1},\"x\":2}").inspectionLevel(InspectionLevel.TRACE)
                    .mock(m -> m.result("{\"Payload\":{\"ok\":true}}")));
            assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(r.output()).isEqualTo("{\"ok\":true}");
            assertThat(r.nextState()).isNull();
            assertThat(r.inspectionData().afterInputPath()).isEqualTo("{\"id\":1}");
            assertThat(r.inspectionData().afterParameters()).isEqualTo("{\"FunctionName\":\"f\",\"Payload\":{\"id\":1}}");
            assertThat(r.inspectionData().afterResultSelector()).isEqualTo("{\"ok\":true}");
            assertThat(r.inspectionData().afterResultPath()).isEqualTo("{\"order\":{\"id\":1},\"x\":2,\"res\":{\"ok\":true}}");
        }

        @Test
        void reports_caught_retriable_and_uncaught_errors() {
            TestStateResponse caught = local.sfn().testState(b -> b.definition(TASK).input("{\"order\":{}}")
                    .mock(m -> m.errorOutput(e -> e.error("Card.Declined").cause("no funds"))));
            assertThat(caught.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
            assertThat(caught.nextState()).isEqualTo("Refuse");
            assertThat(caught.error()).isEqualTo("Card.Declined");
            assertThat(caught.output()).isEqualTo("{\"order\":{},\"error\":{\"Error\":\"Card.Declined\","
                    + "\"Cause\":\"no funds\"}}");

            TestStateResponse retriable = local.sfn().testState(b -> b.definition(TASK).input("{\"order\":{}}")
                    .mock(m -> m.errorOutput(e -> e.error("Lambda.TooManyRequestsException").cause("slow down"))));
            assertThat(retriable.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
            assertThat(retriable.error()).isEqualTo("Lambda.TooManyRequestsException");
            assertThat(retriable.nextState()).isNull();

            TestStateResponse failed = local.sfn().testState(b -> b.definition("""
                    {"Type":"Fail","Error":"Boom","Cause":"on purpose"}"""));
            assertThat(failed.status()).isEqualTo(TestExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("Boom");
            assertThat(failed.cause()).isEqualTo("on purpose");
        }

        @Test
        void picks_a_choice_and_tests_a_state_of_a_whole_machine() {
            String machine = """
                    {"StartAt":"Route","States":{
                      "Route":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"}],
                               "Default":"Small"},
                      "Big":{"Type":"Succeed"},"Small":{"Type":"Succeed"}}}""";
            TestStateResponse r = local.sfn().testState(b -> b.definition(machine).stateName("Route").input("{\"n\":11}"));
            assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
            assertThat(r.nextState()).isEqualTo("Big");
            assertThat(r.output()).isEqualTo("{\"n\":11}");
        }

        @Test
        void refuses_an_invalid_state() {
            assertThatThrownBy(() -> local.sfn().testState(b -> b.definition("{\"Type\":\"Pass\"}")))
                    .isInstanceOf(InvalidDefinitionException.class)
                    .hasMessageContaining("Invalid State Machine Definition");
        }
    }

    @Nested
    class In_java {

        @Test
        void tests_a_state_with_variables() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Pass","Parameters":{"greeting.$":"$greeting","who.$":"$.who"},"End":true}""")
                    .input("{\"who\":\"you\"}").variables("{\"greeting\":\"hi\"}").run();
            assertThat(r.status()).isEqualTo("SUCCEEDED");
            assertThat(r.output()).isEqualTo("{\"greeting\":\"hi\",\"who\":\"you\"}");
            assertThat(r.nextState()).isNull();
            assertThat(r.inspectionData()).isEmpty();
        }

        @Test
        void runs_a_jsonata_task_and_reports_arguments_result_and_variables() {
            StateTestResult r = StateTest.of("""
                    {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke",
                     "Arguments":{"FunctionName":"f","Payload":{"id":"{% $states.input.order.id %}","by":"{% $who %}"}},
                     "Output":{"total":"{% $states.result.Payload.total %}"},
                     "Assign":{"lastTotal":"{% $states.result.Payload.total %}"},"Next":"Ship"}""")
                    .input("{\"order\":{\"id\":7}}").variables("{\"who\":\"me\"}")
                    .mockResult("{\"Payload\":{\"total\":42},\"StatusCode\":200}")
                    .inspectionLevel(dev.aslunit.server.InspectionLevel.DEBUG).run();
            assertThat(r.status()).isEqualTo("SUCCEEDED");
            assertThat(r.output()).isEqualTo("{\"total\":42}");
            assertThat(r.nextState()).isEqualTo("Ship");
            assertThat(r.inspectionData()).containsOnly(
                    entry("input", "{\"order\":{\"id\":7}}"),
                    entry("afterArguments", "{\"FunctionName\":\"f\",\"Payload\":{\"id\":7,\"by\":\"me\"}}"),
                    entry("result", "{\"Payload\":{\"total\":42},\"StatusCode\":200}"),
                    entry("variables", "{\"who\":\"me\",\"lastTotal\":42}"));
        }

        @Test
        void runs_a_jsonata_state_of_a_jsonata_machine_and_catches_its_error() {
            String machine = """
                    {"QueryLanguage":"JSONata","StartAt":"Charge","States":{
                      "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                        "Arguments":{"FunctionName":"f"},
                        "Catch":[{"ErrorEquals":["Card.Declined"],"Output":{"why":"{% $states.errorOutput.Cause %}"},
                                  "Next":"Refuse"}],"End":true},
                      "Refuse":{"Type":"Fail"}}}""";
            StateTestResult r = StateTest.of(machine, "Charge").mockError("Card.Declined", "no funds")
                    .inspectionLevel(dev.aslunit.server.InspectionLevel.DEBUG).run();
            assertThat(r.status()).isEqualTo("CAUGHT_ERROR");
            assertThat(r.output()).isEqualTo("{\"why\":\"no funds\"}");
            assertThat(r.nextState()).isEqualTo("Refuse");
            assertThat(r.error()).isEqualTo("Card.Declined");
            assertThat(r.inspectionData()).containsEntry("afterArguments", "{\"FunctionName\":\"f\"}")
                    .doesNotContainKeys("afterInputPath", "afterParameters", "result", "variables");

            StateTestResult pass = StateTest.of("""
                    {"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.a + 1 %}","End":true}""")
                    .input("{\"a\":1}").run();
            assertThat(pass.status()).isEqualTo("SUCCEEDED");
            assertThat(pass.output()).isEqualTo("2");
        }

        @Test
        void explains_what_is_wrong_with_its_arguments() {
            assertThatThrownBy(() -> StateTest.of("{\"Type\":"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("The state definition is not valid JSON");
            assertThatThrownBy(() -> StateTest.of("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", "B"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("State not found in definition: there is no state \"B\" (its top-level states are A)");
        }
    }
}
