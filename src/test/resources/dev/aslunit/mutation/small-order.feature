Feature: A small order, and nothing else
  What MutationTestingTest runs against the mutants of orders.asl.json: only the small order's
  path is checked, so the large-order branch and the payment's Retry and Catch go untested.

  Scenario: a small order ships
    Given the state machine "dev/aslunit/orders.asl.json"
    And the task "ValidateOrder" returns:
      """json
      {"valid": true}
      """
    And the task "ChargePayment" returns:
      """json
      {"paymentId": "pay-1"}
      """
    And the task "ShipOrder" returns:
      """json
      {"trackingId": "TRK-9"}
      """
    When the execution starts with:
      """json
      {"orderId": "o-1", "total": 250}
      """
    Then the path is exactly:
      | ValidateOrder |
      | NeedsApproval |
      | ChargePayment |
      | ShipOrder     |
      | Done          |

  Scenario: an approval that nobody gives, in another workflow
    Given the state machine "dev/aslunit/approval.asl.json"
    And the task "AwaitApproval" waits for a callback
    When the execution starts with:
      """json
      {}
      """
    Then the execution is waiting for a task token at "AwaitApproval"
