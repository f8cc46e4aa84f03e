@batch-payments
Feature: Batch payments
  A Distributed Map charges every invoice of a batch, two at a time, and tolerates one
  declined card; then every customer gets a receipt and the batch is reported.

  Background:
    Given the state machine "examples/batch-payments/batch-payments.asl.json"
    And the task "SendReceipt" returns after 2 seconds:
      """json
      {"sent": true}
      """
    And the task "ReportBatch" returns:
      """json
      {"reportUrl": "s3://reports/b-7.csv"}
      """

  Scenario: every invoice is charged and every customer gets a receipt
    Given the task "Charge" returns:
      """json
      {"invoiceId": "inv", "paymentId": "pay"}
      """
    When the execution starts with the file "examples/batch-payments/batch-of-four.json"
    Then the execution succeeds
    And the state "SendReceipts" ran 4 iterations
    And the task "Charge" was called 4 times with input where:
      | $.batchId | b-7 |
    And the output at "$.report.reportUrl" is "s3://reports/b-7.csv"
    And the execution took 4 seconds of virtual time

  Scenario: one declined card is tolerated
    Given the task "Charge" answers depending on its input:
      | input at     | is    | returns                                   |
      | $.invoice.id | inv-2 | {"invoiceId": "inv-2", "declined": true}  |
      | otherwise    |       | {"invoiceId": "inv", "paymentId": "pay"}  |
    When the execution starts with the file "examples/batch-payments/batch-of-four.json"
    Then the execution succeeds
    And the state "BatchRejected" was never entered

  Scenario: a throttled charge is retried inside the map
    Given the task "Charge" fails 1 time with "Lambda.TooManyRequestsException" and then returns:
      """json
      {"invoiceId": "inv", "paymentId": "pay"}
      """
    When the execution starts with the file "examples/batch-payments/batch-of-four.json"
    Then the execution succeeds
    And the task "Charge" was called 5 times
