package dev.aslunit.internal.sfnlocal;

import static dev.aslunit.internal.json.JsonText.json;
import static dev.aslunit.mock.Invocations.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockConfigFileTest {

    static final String AWS_EXAMPLE = "dev/aslunit/internal/sfnlocal/MockConfigFile.json";

    static TaskOutcome answer(TaskHandler handler, String state, int invocation) {
        return handler.answer(call(state, invocation)).orElseThrow();
    }

    @Nested
    class Reading {

        @Test
        void the_aws_example_file_lists_its_machines_and_test_cases() {
            MockConfigFile file = MockConfigFile.fromClasspath(AWS_EXAMPLE);

            assertThat(file.source()).isEqualTo("classpath:" + AWS_EXAMPLE);
            assertThat(file.stateMachineNames()).containsExactly("LambdaSQSIntegration");
            assertThat(file.testCaseNames("LambdaSQSIntegration")).containsExactly("HappyPath", "RetryPath", "HybridPath");
        }

        @Test
        void a_return_is_the_whole_raw_result_as_written() {
            TaskHandler handler = MockConfigFile.fromClasspath(AWS_EXAMPLE).handlerFor("LambdaSQSIntegration", "HappyPath");

            assertThat(answer(handler, "LambdaState", 0)).isEqualTo(new TaskOutcome.Succeeded(json("""
                    {"StatusCode": 200, "Payload": {"StatusCode": 200, "body": "Hello from Lambda!"}}"""),
                    java.time.Duration.ZERO));
            assertThat(answer(handler, "SQSState", 0)).isEqualTo(TaskOutcome.succeeded(json("""
                    {"MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
                     "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}""")));
        }

        @Test
        void invocations_pick_their_entry_by_the_per_state_counter_including_ranges() {
            TaskHandler handler = MockConfigFile.fromClasspath(AWS_EXAMPLE).handlerFor("LambdaSQSIntegration", "RetryPath");

            assertThat(answer(handler, "LambdaState", 0))
                    .isEqualTo(TaskOutcome.failed("Lambda.ResourceNotReadyException", "Lambda resource is not ready."));
            assertThat(answer(handler, "LambdaState", 1)).isEqualTo(TaskOutcome.failed("Lambda.TimeoutException", "Lambda timed out."));
            assertThat(answer(handler, "LambdaState", 2)).isEqualTo(TaskOutcome.failed("Lambda.TimeoutException", "Lambda timed out."));
            assertThat(answer(handler, "LambdaState", 3)).isInstanceOf(TaskOutcome.Succeeded.class);
        }

        @Test
        void one_handler_serves_many_executions_each_counting_from_its_own_first_call() {
            // a test's sandbox answers all its executions with one handler; the engine counts per execution
            TaskHandler handler = MockConfigFile.fromClasspath(AWS_EXAMPLE).handlerFor("LambdaSQSIntegration", "RetryPath");
            TaskOutcome first = TaskOutcome.failed("Lambda.ResourceNotReadyException", "Lambda resource is not ready.");

            assertThat(answer(handler, "LambdaState", 0)).isEqualTo(first);
            assertThat(answer(handler, "LambdaState", 1)).isEqualTo(TaskOutcome.failed("Lambda.TimeoutException", "Lambda timed out."));
            assertThat(answer(handler, "LambdaState", 0)).isEqualTo(first);
            assertThat(answer(handler, "LambdaState", 3)).isInstanceOf(TaskOutcome.Succeeded.class);
            assertThat(answer(handler, "LambdaState", 0)).isEqualTo(first);
        }

        @Test
        void states_the_test_case_does_not_name_get_no_answer() {
            TaskHandler handler = MockConfigFile.fromClasspath(AWS_EXAMPLE).handlerFor("LambdaSQSIntegration", "HybridPath");

            assertThat(handler.answer(call("SQSState", 0))).isEmpty();
            assertThat(handler.answer(call("LambdaState", 0))).isPresent();
        }

        @Test
        void one_handler_serves_many_executions_because_the_engine_counts() {
            TaskHandler handler = MockConfigFile.fromClasspath(AWS_EXAMPLE).handlerFor("LambdaSQSIntegration", "RetryPath");

            assertThat(answer(handler, "LambdaState", 0)).isEqualTo(answer(handler, "LambdaState", 0));
        }

        @Test
        void a_throw_without_cause_or_with_an_empty_one_has_no_cause_and_return_may_be_any_json() {
            TaskHandler handler = MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "R", "B": "S"}}}},
                     "MockedResponses": {"R": {"0": {"Throw": {"Error": "Boom"}}, "1": {"Throw": {"Error": "States.Timeout", "Cause": ""}}},
                                         "S": {"0": {"Return": "text"}, "1": {"Return": null}, "2": {"Return": [1, 2]}}}}""",
                    "inline").handlerFor("M", "T");

            assertThat(answer(handler, "A", 0)).isEqualTo(TaskOutcome.failed("Boom", null));
            assertThat(answer(handler, "A", 1)).isEqualTo(TaskOutcome.failed("States.Timeout", null));
            assertThat(answer(handler, "B", 0)).isEqualTo(TaskOutcome.succeeded(json("\"text\"")));
            assertThat(answer(handler, "B", 1)).isEqualTo(TaskOutcome.succeeded(json("null")));
            assertThat(answer(handler, "B", 2)).isEqualTo(TaskOutcome.succeeded(json("[1, 2]")));
        }

        @Test
        void a_file_and_a_tree_read_the_same(@TempDir Path dir) throws Exception {
            Path path = dir.resolve("MockConfigFile.json");
            Files.writeString(path, """
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "R"}}}},
                     "MockedResponses": {"R": {"0": {"Return": {"ok": true}}}}}""");

            TaskHandler fromFile = MockConfigFile.parse(path).handlerFor("M", "T");
            TaskHandler fromTree = MockConfigFile.parse(json(Files.readString(path)), "tree").handlerFor("M", "T");

            assertThat(answer(fromFile, "A", 0)).isEqualTo(answer(fromTree, "A", 0))
                    .isEqualTo(TaskOutcome.succeeded(json("{\"ok\": true}")));
        }

        @Test
        void an_entry_no_selected_test_case_uses_is_not_read_as_in_step_functions_local() {
            MockConfigFile file = MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "R"}}}},
                     "MockedResponses": {"R": {"0": {"Return": 1}}, "Unused": {}}}""", "inline");

            assertThat(answer(file.handlerFor("M", "T"), "A", 0)).isEqualTo(TaskOutcome.succeeded(json("1")));
        }
    }

    @Test
    void thousands_of_ranges_each_answer_their_own_invocations() {
        StringBuilder entries = new StringBuilder();
        for (int k = 0; k < 3000; k++) {
            entries.append(k == 0 ? "" : ",").append('"').append(2 * k).append('-').append(2 * k + 1)
                    .append("\": {\"Return\": ").append(k).append('}');
        }
        TaskHandler handler = MockConfigFile.parse("{\"StateMachines\": {\"M\": {\"TestCases\": {\"T\": {\"A\": \"R\"}}}},"
                + " \"MockedResponses\": {\"R\": {" + entries + "}}}", "inline").handlerFor("M", "T");

        for (int invocation : new int[] {0, 1, 2, 2999, 3000, 5998, 5999}) {
            assertThat(answer(handler, "A", invocation)).isEqualTo(TaskOutcome.succeeded(json(String.valueOf(invocation / 2))));
        }
        assertThatThrownBy(() -> handler.answer(call("A", 6000))).isInstanceOf(MockConfigException.class)
                .hasMessageContaining("answers only invocations 0-5999");
    }

    @Nested
    class Mistakes {

        @Test
        void more_calls_than_responses_names_the_state_the_response_and_the_fix() {
            TaskHandler handler = MockConfigFile.fromClasspath(AWS_EXAMPLE).handlerFor("LambdaSQSIntegration", "RetryPath");

            assertThatThrownBy(() -> handler.answer(call("LambdaState", 4)))
                    .isInstanceOf(MockConfigException.class)
                    .hasMessage("State \"LambdaState\" was invoked 5 times in this execution (Step Functions Local counts"
                            + " every call of a state, retries and Map iterations included), but mocked response"
                            + " \"MockedLambdaRetry\" at classpath:" + AWS_EXAMPLE + ":47:5 (/MockedResponses/MockedLambdaRetry)"
                            + " answers only invocations 0-3.\n"
                            + "Fix: add \"4\": {\"Return\": ...} (or {\"Throw\": ...}), or widen the last key \"3\" to \"3-4\".");
        }

        @Test
        void not_json_names_the_line_and_column() {
            assertThatThrownBy(() -> MockConfigFile.parse("{\n  \"StateMachines\": {,}\n}", "bad.json"))
                    .isInstanceOf(MockConfigException.class)
                    .hasMessageStartingWith("Mock config bad.json:2:21 is not valid JSON: Unexpected character (',' (code 44))");
        }

        @Test
        void a_missing_file_says_where_it_was_looked_for(@TempDir Path dir) {
            assertThatThrownBy(() -> MockConfigFile.parse(dir.resolve("nope.json")))
                    .hasMessageStartingWith("Mock config file " + dir.resolve("nope.json") + " does not exist");
            assertThatThrownBy(() -> MockConfigFile.fromClasspath("nope.json"))
                    .hasMessage("Mock config \"nope.json\" is not on the classpath.\n"
                            + "Fix: put it under src/test/resources/nope.json (or give its path from the classpath root).");
        }

        @Test
        void structure_problems_are_all_reported_at_once_with_lines() {
            assertThatThrownBy(() -> MockConfigFile.parse("""
                    {
                      "StateMachines": {
                        "M": {"TestCases": {"T": {"A": 7}}, "Tests": {}}
                      },
                      "MockedResponse": {}
                    }""", "mocks.json"))
                    .isInstanceOf(MockConfigException.class)
                    .hasMessage("""
                            Invalid Step Functions Local mock config mocks.json (3 problems):
                              - mocks.json:5:3 (/MockedResponse): unknown field "MockedResponse"; did you mean "MockedResponses"?
                                Fix: a mock config has "StateMachines" and "MockedResponses" only.
                              - mocks.json:3:41 (/StateMachines/M/Tests): unknown field "Tests"
                                Fix: a state machine entry has "TestCases" only.
                              - mocks.json:3:31 (/StateMachines/M/TestCases/T/A): state "A" must name a mocked response (a string), found the number 7.
                                Fix: "A": "MyResponse", with "MyResponse" defined under MockedResponses.""");
        }

        @Test
        void a_missing_state_machines_object_shows_the_shape() {
            assertThatThrownBy(() -> MockConfigFile.parse("{\"MockedResponses\": {}}", "m.json"))
                    .hasMessageContaining("m.json:1:1 (/): \"StateMachines\" must be an object of state machine names, but is missing.");
            assertThatThrownBy(() -> MockConfigFile.parse("[]", "m.json"))
                    .hasMessageContaining("m.json:1:1 (/): expected an object with \"StateMachines\" and \"MockedResponses\", found an empty array");
        }

        @Test
        void a_key_given_twice_is_shown_where_the_second_one_is() {
            assertThatThrownBy(() -> MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "R"}}}},
                     "MockedResponses": {"R": {"0": {"Return": 1}, "0": {"Return": 2}}}}""", "m.json"))
                    .hasMessage("""
                            Invalid Step Functions Local mock config m.json:
                              - m.json:2:48 (/MockedResponses/R/0): "0" appears more than once in this object; only the first is used.
                                Fix: merge the two or rename one.""");
        }

        @Test
        void an_empty_file_says_so() {
            assertThatThrownBy(() -> MockConfigFile.parse("  ", "m.json"))
                    .hasMessageContaining("m.json (/): expected an object with \"StateMachines\" and \"MockedResponses\","
                            + " but the file is empty.");
        }

        @Test
        void unknown_state_machine_and_test_case_suggest_the_closest() {
            MockConfigFile file = MockConfigFile.fromClasspath(AWS_EXAMPLE);

            assertThatThrownBy(() -> file.handlerFor("LambdaSQSIntegratoin", "HappyPath"))
                    .hasMessageStartingWith("No state machine \"LambdaSQSIntegratoin\" in mock config classpath:" + AWS_EXAMPLE
                            + "; did you mean \"LambdaSQSIntegration\"?\nState machines: LambdaSQSIntegration\n");
            assertThatThrownBy(() -> file.handlerFor("LambdaSQSIntegration", "HapyPath"))
                    .hasMessage("No test case \"HapyPath\" for state machine \"LambdaSQSIntegration\" in mock config classpath:"
                            + AWS_EXAMPLE + ":4:7 (/StateMachines/LambdaSQSIntegration/TestCases); did you mean \"HappyPath\"?\n"
                            + "Test cases: HappyPath, RetryPath, HybridPath");
        }

        @Test
        void an_unknown_response_name_suggests_the_closest() {
            assertThatThrownBy(() -> MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "MockedLambdaSucess"}}}},
                     "MockedResponses": {"MockedLambdaSuccess": {"0": {"Return": 1}}}}""", "m.json").handlerFor("M", "T"))
                    .hasMessage("""
                            Test case "T" of state machine "M" in mock config m.json cannot be used:
                              - m.json:1:46 (/StateMachines/M/TestCases/T/A): state "A" uses mocked response "MockedLambdaSucess", \
                            which is not in MockedResponses; did you mean "MockedLambdaSuccess"?
                                Fix: add "MockedLambdaSucess": {"0": {"Return": ...}} under MockedResponses, or name one of: \
                            MockedLambdaSuccess""");
        }

        @Test
        void gaps_overlaps_bad_keys_and_bad_entries_are_each_named() {
            assertThatThrownBy(() -> MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "R", "B": "S", "C": "U", "D": "E"}}}},
                     "MockedResponses": {
                       "R": {"0": {"Return": 1}, "3-4": {"Return": 2}},
                       "S": {"0-2": {"Return": 1}, "1": {"Return": 2}},
                       "U": {"first": {"Return": 1}, "2-1": {"Return": 1}},
                       "E": {"0": {"Return": 1, "Throw": {"Error": "X"}}, "1": {"Returns": 1}, "2": {"Throw": {"Cause": {}}},
                             "3": {"Throw": "X"}, "4": 5}
                     }}""", "m.json").handlerFor("M", "T"))
                    .hasMessage("""
                            Test case "T" of state machine "M" in mock config m.json cannot be used (11 problems):
                              - m.json:3:30 (/MockedResponses/R/3-4): mocked response "R" has no entries for invocations 1-2 \
                            (keys count calls from 0, with no gaps).
                                Fix: add "1-2", or renumber "3-4".
                              - m.json:4:32 (/MockedResponses/S/1): key "1" of mocked response "S" overlaps invocation 1, \
                            already answered by an earlier key.
                                Fix: give each invocation exactly one entry.
                              - m.json:5:10 (/MockedResponses/U/first): "first" is not an invocation key.
                                Fix: use "0" for one invocation or "1-2" for invocations 1 to 2 (0-based, inclusive).
                              - m.json:5:34 (/MockedResponses/U/2-1): range "2-1" ends before it starts.
                                Fix: write it as "1-2".
                              - m.json:6:10 (/MockedResponses/E/0): both "Return" and "Throw"
                                Fix: an entry has exactly one of "Return" (the task's result) or "Throw" (its error).
                              - m.json:6:61 (/MockedResponses/E/1/Returns): unknown field "Returns"; did you mean "Return"?
                                Fix: an entry has exactly one of "Return" (the task's result) or "Throw" (its error).
                              - m.json:6:55 (/MockedResponses/E/1): neither "Return" nor "Throw"
                                Fix: an entry has exactly one of "Return" (the task's result) or "Throw" (its error).
                              - m.json:6:82 (/MockedResponses/E/2/Throw): "Throw" needs "Error" as a string (the error name \
                            that Retry and Catch match), but has none.
                              - m.json:6:92 (/MockedResponses/E/2/Throw/Cause): "Cause" must be a string, found an object.
                                Fix: write a JSON cause as a string, e.g. "{\\"errorMessage\\": \\"...\\"}".
                              - m.json:7:16 (/MockedResponses/E/3/Throw): "Throw" must be an object such as \
                            {"Error": "Lambda.ServiceException", "Cause": "..."}, found the string "X".
                              - m.json:7:31 (/MockedResponses/E/4): expected an object with "Return" or "Throw", found the number 5.""");
        }

        @Test
        void an_empty_response_asks_for_the_first_entry() {
            assertThatThrownBy(() -> MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"A": "R"}}}}, "MockedResponses": {"R": {}}}""", "m.json")
                    .handlerFor("M", "T"))
                    .hasMessageEndingWith("""
                            (/MockedResponses/R): mocked response "R" has no entries.
                                Fix: add "0": {"Return": ...} for the first invocation.""");
        }

        @Test
        void with_the_definition_states_that_are_not_tasks_are_caught() {
            StateMachineDefinition definition = DefinitionReader.read(json("""
                    {"StartAt": "P", "States": {
                      "P": {"Type": "Parallel", "Branches": [{"StartAt": "ShipOrder", "States": {
                        "ShipOrder": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}],
                        "Next": "Done"},
                      "Done": {"Type": "Succeed"}}}"""));
            MockConfigFile file = MockConfigFile.parse("""
                    {"StateMachines": {"M": {"TestCases": {"T": {"ShipOrder": "R", "ShipOrdr": "R", "Done": "R"}}}},
                     "MockedResponses": {"R": {"0": {"Return": 1}}}}""", "m.json");

            assertThatThrownBy(() -> file.handlerFor("M", "T", definition))
                    .hasMessage("""
                            Test case "T" of state machine "M" in mock config m.json cannot be used (2 problems):
                              - m.json:1:64 (/StateMachines/M/TestCases/T/ShipOrdr): no Task state named "ShipOrdr" in the \
                            state machine; did you mean "ShipOrder"?
                                Task states: ShipOrder
                              - m.json:1:81 (/StateMachines/M/TestCases/T/Done): "Done" is a Succeed state; only Task states \
                            call services, so only they can be mocked.
                                Task states: ShipOrder""");
        }
    }

    @Nested
    class NamingATestCase {

        private final MockConfigFile two = MockConfigFile.parse("""
                {"StateMachines": {"Orders": {"TestCases": {"Happy": {}}}, "Refunds": {"TestCases": {"Happy": {}}}},
                 "MockedResponses": {}}""", "two.json");

        @Test
        void machine_hash_case_names_both() {
            assertThat(two.testCase("Refunds#Happy", "Orders"))
                    .isEqualTo(new MockConfigFile.TestCaseName("Refunds", "Happy"));
        }

        @Test
        void a_bare_case_is_the_only_machines_or_the_definitions() {
            MockConfigFile one = MockConfigFile.parse("""
                    {"StateMachines": {"Orders": {"TestCases": {"Happy": {}}}}, "MockedResponses": {}}""", "one.json");
            assertThat(one.testCase("Happy", "Anything")).isEqualTo(new MockConfigFile.TestCaseName("Orders", "Happy"));
            assertThat(two.testCase("Happy", "Refunds")).isEqualTo(new MockConfigFile.TestCaseName("Refunds", "Happy"));
        }

        @Test
        void a_bare_case_among_several_machines_says_how_to_name_one() {
            assertThatThrownBy(() -> two.testCase("Happy", "Payments"))
                    .isInstanceOf(MockConfigException.class)
                    .hasMessage("The mock config two.json has 2 state machines (Orders, Refunds); say which: \"Orders#Happy\"");
        }
    }
}
