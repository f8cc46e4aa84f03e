@order-processing
Feature: Order processing
  Orders are validated, large orders wait for a manager, a throttled payment is
  retried with backoff, a hanging payment times out, and the order ships.

  Background:
    Given the state machine "examples/order-processing/order-processing.asl.json"
    And the clock starts at "2026-01-05T09:00:00Z"
    And the task "ValidateOrder" returns:
      """json
      {"valid": true}
      """
    And the task "ShipOrder" responds with HTTP 201:
      """json
      {"trackingId": "TRK-9"}
      """

  Scenario: a small order is charged and ships
    Given the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-0"}
      """
    When the execution starts with:
      """json
      {"orderId": "o-16", "total": 250}
      """
    Then the execution succeeds
    And the path is exactly:
      | ValidateOrder |
      | NeedsApproval |
      | ChargePayment |
      | ShipOrder     |
      | Done          |
    And the state "NeedsApproval" chose "ChargePayment"
    And the state "ChargePayment" was not retried
    And the output at "$.payment.paymentId" is "pay-0"
    And the output at "$.validation.valid" is true
    And the output at "$.total" is 250
    And the output contains:
      """json
      {"orderId": "o-16", "shipment": {"trackingId": "TRK-9"}}
      """
    And the execution took 0 seconds of virtual time

  Scenario: a throttled payment is retried with backoff and the order ships
    Given the task "ChargePayment" fails 2 times with "Lambda.TooManyRequestsException" and then returns:
      """json
      {"paymentId": "pay-1"}
      """
    When the execution starts with:
      """json
      {"orderId": "o-17", "total": 250}
      """
    Then the execution succeeds
    And the state "ChargePayment" was retried 2 times, after 2 seconds and 4 seconds
    And the output at "$.shipment.trackingId" is "TRK-9"
    And the execution took 6 seconds of virtual time
    And the task "ChargePayment" was called 3 times with input where:
      | $.orderId | o-17 |
      | $.total   | 250  |

  Scenario: a payment that hangs past its timeout is caught and the customer is told
    Given the task "ChargePayment" returns after 45 seconds:
      """json
      {"paymentId": "too-late"}
      """
    And the task "NotifyCustomer" returns:
      """json
      {}
      """
    When the execution starts with:
      """json
      {"orderId": "o-17", "total": 250}
      """
    Then the execution fails with "PaymentFailed" and cause "Payment could not be charged"
    And the state "ChargePayment" timed out
    And the error "States.Timeout" from "ChargePayment" was caught by "NotifyCustomer"
    And the state "ShipOrder" was never entered
    And the task "NotifyCustomer" was called 1 time with input where:
      | $.error.Error | States.Timeout |

  Scenario: a carrier that stays unavailable is retried twice with backoff, then the order fails
    Given the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-5"}
      """
    And the task "ShipOrder" fails with "States.Http.StatusCode.503" and cause "Service Unavailable"
    When the execution starts with:
      """json
      {"orderId": "o-23", "total": 250}
      """
    Then the execution fails with "States.Http.StatusCode.503"
    And the state "ShipOrder" was retried 2 times, after 1 second and 2 seconds

  Scenario: a card that is declined for good is caught
    Given the task "ChargePayment" fails with "Payment.Declined" and cause "card expired"
    And the task "NotifyCustomer" returns:
      """json
      {}
      """
    When the execution starts with the fields:
      | orderId | o-30 |
      | total   | 99   |
    Then the execution fails with "PaymentFailed"
    And the error "Payment.Declined" from "ChargePayment" was caught by "NotifyCustomer"
    And the path passes, in order, through:
      | ChargePayment  |
      | NotifyCustomer |
      | PaymentFailed  |

  Scenario: a large order continues when the manager approves three hours later
    Given the task "AwaitApproval" waits for a callback
    And the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-2"}
      """
    When the execution starts with:
      """json
      {"orderId": "o-18", "total": 5000}
      """
    Then the execution is waiting for a task token at "AwaitApproval"
    When 3 hours pass
    And the task "AwaitApproval" is sent a heartbeat
    And the task "AwaitApproval" is sent success:
      """json
      {"approvedBy": "maria"}
      """
    Then the execution succeeds
    And the path passes, in order, through:
      | NeedsApproval |
      | AwaitApproval |
      | ChargePayment |
    And the output at "$.approval.approvedBy" is "maria"
    And the execution took 3 hours of virtual time

  Scenario: the manager rejects the order
    Given the task "AwaitApproval" waits for a callback
    When the execution starts with:
      """json
      {"orderId": "o-22", "total": 5000}
      """
    And 1 hour and 30 minutes pass
    And the task "AwaitApproval" is sent failure "Approval.Rejected" with cause "too expensive"
    Then the execution fails with "Approval.Rejected" and cause "too expensive"
    And the state "ChargePayment" was never entered

  Scenario: nobody approves within a day, so the order expires
    Given the task "AwaitApproval" waits for a callback
    When the execution starts with:
      """json
      {"orderId": "o-19", "total": 5000}
      """
    And 25 hours pass
    Then the execution fails with "ApprovalExpired"
    And the execution took 1 day of virtual time
    And the error "States.Timeout" from "AwaitApproval" was caught by "ApprovalExpired"

  Scenario Outline: only orders above 1000 wait for a manager
    Given the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-3"}
      """
    And the task "AwaitApproval" sends success after 1 hour:
      """json
      {"approvedBy": "auto"}
      """
    When the execution starts with:
      """json
      {"orderId": "<order>", "total": <total>}
      """
    Then the execution succeeds
    And the state "AwaitApproval" was <entered>

    Examples:
      | order | total | entered       |
      | o-20  | 1000  | never entered |
      | o-21  | 1001  | entered once  |

  Scenario: the charge on its own: a throttled payment is retried while attempts remain, then caught
    Given the task "ChargePayment" fails with "Lambda.TooManyRequestsException" and cause "Rate exceeded"
    When the state "ChargePayment" is tested on its own with:
      """json
      {"orderId": "o-19", "total": 250}
      """
    Then the tested state would retry "Lambda.TooManyRequestsException"
    When the state "ChargePayment" is tested on its own after 2 retries with:
      """json
      {"orderId": "o-19", "total": 250}
      """
    Then the tested state would retry "Lambda.TooManyRequestsException"
    When the state "ChargePayment" is tested on its own after 3 retries with:
      """json
      {"orderId": "o-19", "total": 250}
      """
    Then the tested state catches "Lambda.TooManyRequestsException" and goes to "NotifyCustomer"
    And the tested state's output is:
      """json
      {"orderId": "o-19", "total": 250,
       "error": {"Error": "Lambda.TooManyRequestsException", "Cause": "Rate exceeded"}}
      """

  Scenario: the charge on its own keeps only the payment id
    Given the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-7", "fee": 3}
      """
    When the state "ChargePayment" is tested on its own with:
      """json
      {"orderId": "o-20", "total": 250}
      """
    Then the tested state succeeds
    And the tested state goes to "ShipOrder"
    And the tested state's output is:
      """json
      {"orderId": "o-20", "total": 250, "payment": {"paymentId": "pay-7"}}
      """
