package dev.aslunit.testfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.report.CoverageCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases run through the Java DSL and the AssertJ assertions: the outcome and message a Java test would get. */
class TestFileRunnerTest {

    @TempDir
    Path dir;

    @BeforeEach
    void definition() throws Exception {
        Files.writeString(dir.resolve("pay.asl.json"), """
                {"StartAt": "Pay", "States": {
                  "Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                          "Parameters": {"FunctionName": "pay", "Payload.$": "$"},
                          "Retry": [{"ErrorEquals": ["Busy"], "IntervalSeconds": 3, "MaxAttempts": 2}],
                          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Sorry"}],
                          "ResultSelector": {"id.$": "$.Payload.id"}, "ResultPath": "$.payment", "Next": "Done"},
                  "Sorry": {"Type": "Fail", "Error": "NotPaid", "Cause": "no payment"},
                  "Done": {"Type": "Succeed"}}}""");
    }

    private List<CaseResult> run(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("pay.aslunit.yaml"), "stateMachine: {definition: pay.asl.json}\n" + yaml);
        TestFileRunner runner = new TestFileRunner(null);
        return TestFileReader.read(file).cases().stream().map(runner::run).toList();
    }

    @Test
    void a_case_whose_expectations_hold_passes() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: busy twice, then paid
                    input: {amount: 5}
                    mocks:
                      Pay:
                        - {fails: Busy, times: 2}
                        - returns: {id: p-1}
                    expect:
                      status: SUCCEEDED
                      path: [Pay, Done]
                      output: {amount: 5, payment: {id: p-1}}
                      virtualTime: 9s
                      states: {Pay: {retried: 2, retryDelays: [3s, 6s], retryErrors: [Busy]}}
                      calls: {Pay: {times: 3, inputAt: {$.amount: 5}}}
                """);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.message()).isNull();
            assertThat(r.outcome()).isEqualTo(CaseResult.Outcome.PASSED);
            assertThat(r.execution().name()).isEqualTo("busy-twice-then-paid");
        });
    }

    @Test
    void a_failed_expectation_fails_the_case_at_its_line_with_the_assertions_message() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: caught
                    mocks:
                      Pay: {fails: {error: Declined, cause: card}}
                    expect:
                      error: NotPaid
                      states:
                        Pay: {caughtBy: Done}
                """);

        CaseResult result = results.get(0);
        assertThat(result.outcome()).isEqualTo(CaseResult.Outcome.FAILED);
        assertThat(result.message())
                .startsWith(shownFile() + ":9:15: Expecting state \"Pay\" of execution \"caught\" to have been caught by \"Done\"")
                .contains("Execution trace");
    }

    @Test
    void the_first_expectation_that_does_not_hold_is_reported() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: wrong output
                    mocks: {Pay: {returns: {id: p-2}}}
                    expect:
                      status: SUCCEEDED
                      outputAt: {$.payment.id: p-1}
                """);

        assertThat(results.get(0).outcome()).isEqualTo(CaseResult.Outcome.FAILED);
        assertThat(results.get(0).message()).startsWith(shownFile() + ":7:18: Expecting execution \"wrong-output\" to have output at \"$.payment.id\"").contains("p-1").contains("p-2");
    }

    @Test
    void a_state_name_the_definition_lacks_is_an_error_with_the_name_meant() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: typo
                    mocks: {Pya: {returns: {}}}
                    expect:
                      neverEntered: [Sory]
                """);

        assertThat(results.get(0).outcome()).isEqualTo(CaseResult.Outcome.ERROR);
        assertThat(results.get(0).message()).isEqualTo(
                shownFile() + ":4:13: the state machine has no state \"Pya\" to mock; did you mean \"Pay\"?\n"
                + shownFile() + ":6:22: the state machine has no state \"Sory\"; did you mean \"Sorry\"?");
    }

    @Test
    void a_mock_the_java_dsl_refuses_is_an_error_at_the_mocks_line() throws Exception {
        List<CaseResult> results = run("""
                cases:
                  - name: no callback here
                    mocks: {Pay: {waitsForCallback: true}}
                    expect: {status: SUCCEEDED}
                """);

        assertThat(results.get(0).outcome()).isEqualTo(CaseResult.Outcome.ERROR);
        assertThat(results.get(0).message()).startsWith(shownFile() + ":4:13: waitsForCallback() on mock(\"Pay\"): task"
                + " \"Pay\" uses arn:aws:states:::lambda:invoke, not a .waitForTaskToken resource");
    }

    @Test
    void an_invalid_definition_is_an_error_listing_its_diagnostics() throws Exception {
        Files.writeString(dir.resolve("pay.asl.json"), """
                {"StartAt": "Pay", "States": {"Pay": {"Type": "Pass", "Next": "Nowhere"}}}""");

        List<CaseResult> results = run("""
                cases:
                  - name: x
                    expect: {status: SUCCEEDED}
                """);

        assertThat(results.get(0).outcome()).isEqualTo(CaseResult.Outcome.ERROR);
        assertThat(results.get(0).message()).contains("the state machine is not valid:")
                .contains("MISSING_TRANSITION_TARGET");
    }

    @Test
    void answers_by_input_callbacks_and_latency_follow_the_java_dsl() throws Exception {
        Files.writeString(dir.resolve("pay.asl.json"), """
                {"StartAt": "Pay", "States": {
                  "Pay": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                          "Parameters": {"FunctionName": "pay", "Payload": {"token.$": "$$.Task.Token", "who.$": "$.who"}},
                          "TimeoutSeconds": 60, "End": true}}}""");

        List<CaseResult> results = run("""
                cases:
                  - name: vip answered in ten seconds
                    input: {who: vip}
                    mocks:
                      Pay:
                        byInput:
                          - {inputAt: $.who, is: vip, answers: {sendsSuccess: {ok: 1}, after: 10s}}
                        otherwise: {sendsFailure: {error: Nope}, after: 5s}
                    expect: {output: {ok: 1}, virtualTime: 10s}
                  - name: others refused after five seconds
                    input: {who: bob}
                    mocks:
                      Pay:
                        byInput:
                          - {inputAt: $.who, is: vip, answers: {sendsSuccess: {ok: 1}, after: 10s}}
                        otherwise: {sendsFailure: {error: Nope}, after: 5s}
                    expect: {error: Nope, virtualTime: 5s}
                  - name: nobody answers
                    input: {who: bob}
                    mocks: {Pay: {waitsForCallback: true}}
                    expect: {status: FAILED, error: States.Timeout, virtualTime: 1m}
                  - name: still waiting
                    input: {who: bob}
                    mocks: {Pay: {waitsForCallback: true}}
                    expect: {waitingForTaskTokenAt: Pay}
                """);

        assertThat(results).allSatisfy(r -> assertThat(r.message()).as(r.testCase().name()).isNull());
    }

    @Test
    void the_executions_count_in_the_coverage_report() throws Exception {
        CoverageCollector coverage = new CoverageCollector();
        Path file = Files.writeString(dir.resolve("pay.aslunit.yaml"), """
                stateMachine: {definition: pay.asl.json}
                cases:
                  - name: paid
                    mocks: {Pay: {returns: {id: 1}}}
                    expect: {status: SUCCEEDED}
                """);

        new TestFileRunner(coverage).run(TestFileReader.read(file).cases().get(0));

        assertThat(coverage.report().definitions()).singleElement()
                .satisfies(d -> assertThat(d.executions()).isEqualTo(1));
    }

    private String shownFile() {
        return Paths.shown(dir.resolve("pay.aslunit.yaml"));
    }
}
