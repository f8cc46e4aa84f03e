@batch-payments
Feature: Batch payments from S3
  A Distributed Map reads the invoices of a batch from a CSV object in S3, charges them two at a
  time, and writes the charges back to S3 for the accounting team.

  Background:
    Given the state machine "examples/batch-payments/batch-payments-from-s3.asl.json"
    And the task "Charge" returns:
      """json
      {"invoiceId": "inv", "paymentId": "pay"}
      """

  Scenario: every invoice in the CSV is charged and the charges are written to S3
    Given the S3 object "invoices/2026-01/b-7.csv" contains:
      """csv
      id,customer,amount
      inv-1,c-1,120.00
      inv-2,c-2,80.50
      """
    When the execution starts with:
      """json
      {"batchId": "b-7", "bucket": "invoices", "key": "2026-01/b-7.csv"}
      """
    Then the execution succeeds
    And the task "Charge" was called 2 times with input where:
      | $.batchId        | b-7   |
      | $.invoice.amount | "80.50" |
    And the S3 object "accounting/charges/*/manifest.json" exists
    And the S3 object "accounting/charges/*/SUCCEEDED_0.json" includes:
      """json
      [{"Status": "SUCCEEDED", "Output": "{\"invoiceId\":\"inv\",\"paymentId\":\"pay\"}",
        "Input": "{\"batchId\":\"b-7\",\"invoice\":{\"id\":\"inv-1\",\"customer\":\"c-1\",\"amount\":\"120.00\"}}"},
       {"Status": "SUCCEEDED", "Output": "{\"invoiceId\":\"inv\",\"paymentId\":\"pay\"}",
        "Input": "{\"batchId\":\"b-7\",\"invoice\":{\"id\":\"inv-2\",\"customer\":\"c-2\",\"amount\":\"80.50\"}}"}]
      """

  Scenario: the batch comes from a file
    Given the S3 object "invoices/2026-01/b-7.csv" contains the file "examples/batch-payments/invoices-b-7.csv"
    When the execution starts with:
      """json
      {"batchId": "b-7", "bucket": "invoices", "key": "2026-01/b-7.csv"}
      """
    Then the execution succeeds
    And the task "Charge" was called 3 times
    And the S3 object "invoices/2026-01/b-7.csv" is:
      """csv
      id,customer,amount
      inv-1,c-1,120.00
      inv-2,c-2,80.50
      inv-3,c-3,42.00
      """

  Scenario: a batch that is not in S3 fails the item reader
    When the execution starts with:
      """json
      {"batchId": "b-8", "bucket": "invoices", "key": "2026-01/b-8.csv"}
      """
    Then the execution fails with "States.ItemReaderFailed" and cause "The specified key does not exist. (Bucket: invoices, Key: 2026-01/b-8.csv)"
