# Scenarios whose last step must fail: StepFailureMessagesTest checks that each does, with its message.
Feature: Steps that fail say why

  Background:
    Given the state machine "examples/order-processing/order-processing.asl.json"
    And the task "ValidateOrder" returns:
      """json
      {"valid": true}
      """
    And the task "ShipOrder" responds with HTTP 201:
      """json
      {"trackingId": "TRK-9"}
      """
    And the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-1"}
      """

  Scenario: a wrong path
    When the execution starts with:
      """json
      {"orderId": "o-1", "total": 10}
      """
    Then the path is exactly:
      | ValidateOrder |
      | ChargePayment |

  Scenario: a wrong output value
    When the execution starts with:
      """json
      {"orderId": "o-2", "total": 10}
      """
    Then the output at "$.shipment.trackingId" is "TRK-10"

  Scenario: an expected failure that did not happen
    When the execution starts with:
      """json
      {"orderId": "o-3", "total": 10}
      """
    Then the execution fails with "PaymentFailed"

  Scenario: retries that did not happen
    When the execution starts with:
      """json
      {"orderId": "o-4", "total": 10}
      """
    Then the state "ChargePayment" was retried 2 times

  Scenario: a callback nobody sends times out
    Given the task "AwaitApproval" waits for a callback
    When the execution starts with:
      """json
      {"orderId": "o-5", "total": 5000}
      """
    Then the execution succeeds

  Scenario: a DocString that is not JSON
    When the execution starts with:
      """json
      {"orderId": "o-6", "total": }
      """

  Scenario: a duration of virtual time that differs
    When the execution starts with:
      """json
      {"orderId": "o-7", "total": 10}
      """
    Then the execution took 1 hour of virtual time

  Scenario: a task called fewer times than expected
    When the execution starts with:
      """json
      {"orderId": "o-8", "total": 10}
      """
    Then the task "ChargePayment" was called 2 times

  Scenario: a typo in a task name
    Given the task "ShipOrdr" returns:
      """json
      {}
      """

  Scenario: an S3 object with other JSON
    Given the S3 object "reports/r.json" contains:
      """json
      {"total": 200}
      """
    When the execution starts with:
      """json
      {"orderId": "o-9", "total": 10}
      """
    Then the S3 object "reports/r.json" is:
      """json
      {"total": 250}
      """

  Scenario: an S3 object without the text
    Given the S3 object "invoices/2026-01/b-7.csv" contains:
      """csv
      id,amount
      inv-1,120
      """
    When the execution starts with:
      """json
      {"orderId": "o-10", "total": 10}
      """
    Then the S3 object "invoices/2026-01/b-7.csv" includes:
      """csv
      inv-9,120
      """

  Scenario: an S3 object nobody wrote
    When the execution starts with:
      """json
      {"orderId": "o-11", "total": 10}
      """
    Then the S3 object "accounting/charges/*/manifest.json" exists

  Scenario: an S3 object named without its bucket
    Given the S3 object "b-7.csv" contains:
      """csv
      id,amount
      """
