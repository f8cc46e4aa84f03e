package dev.aslunit.cucumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The Then steps must fail when the execution disagrees, with a message a reader of the CI log
 * understands: runs {@code failing/failing-steps.feature} on the Cucumber engine and checks every
 * scenario failed, and how.
 */
class StepFailureMessagesTest {

    private static final Map<String, String> failures = new LinkedHashMap<>();

    @BeforeAll
    static void runTheFailingFeature() {
        FeatureRuns.run("dev/aslunit/cucumber/failing/failing-steps.feature").forEach((scenario, result) ->
                failures.put(scenario, result.getStatus() == TestExecutionResult.Status.FAILED
                        ? result.getThrowable().map(Throwable::getMessage).orElse("(no message)") : "(passed)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a wrong path                                 | Expecting execution
        a wrong path                                 | to have taken exactly the path
        a wrong path                                 | ["ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done"]
        a wrong output value                         | $.shipment.trackingId
        a wrong output value                         | "TRK-10"
        an expected failure that did not happen      | PaymentFailed
        an expected failure that did not happen      | but it succeeded
        retries that did not happen                  | ChargePayment
        retries that did not happen                  | retried
        a callback nobody sends times out            | ApprovalExpired
        a callback nobody sends times out            | States.Timeout
        a DocString that is not JSON                 | is not valid JSON
        a DocString that is not JSON                 | failing-steps.feature
        a duration of virtual time that differs      | 1h of virtual time
        a task called fewer times than expected      | ChargePayment
        a typo in a task name                        | did you mean "ShipOrder"
        an S3 object with other JSON                 | Expecting S3 object s3://reports/r.json to be:
        an S3 object with other JSON                 | $.total: expected 250 but was 200
        an S3 object without the text                | to contain the text:
        an S3 object without the text                | inv-9,120
        an S3 object nobody wrote                    | No S3 object s3://accounting/charges/*/manifest.json: there is no bucket "accounting"
        an S3 object named without its bucket        | "b-7.csv" in
        an S3 object named without its bucket        | write the bucket, a slash and the key
        """)
    void the_scenario_fails_with_a_message_that_says_why(String scenario, String expectedInMessage) {
        assertThat(failures).containsKey(scenario);
        assertThat(failures.get(scenario)).isNotEqualTo("(passed)").contains(expectedInMessage);
    }

    @org.junit.jupiter.api.Test
    void every_scenario_of_the_feature_failed() {
        assertThat(failures).hasSize(13).doesNotContainValue("(passed)");
    }
}
