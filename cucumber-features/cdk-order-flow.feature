@cdk
Feature: An order flow from a CDK app
  The state machine is read straight from the app's synthesized cdk.out, and the Lambda
  function is mocked by its construct path, so nothing is copied from the CDK code.

  Background:
    Given the state machine "OrdersStack/OrderFlow" from "examples/cdk-app/cdk.out"
    And the task "SaveOrder" returns:
      """json
      {}
      """

  Scenario: a paid order is queued for shipping
    Given the resource "OrdersStack/ChargeCard" returns:
      """json
      {"chargeId": "ch-1"}
      """
    And the task "ShipOrder" returns:
      """json
      {"MessageId": "m-1"}
      """
    When the execution starts with:
      """json
      {"orderId": "o-1", "total": 42}
      """
    Then the execution succeeds
    And the task "ShipOrder" was called 1 time with input where:
      | $.MessageBody.chargeId | ch-1 |
    And the task "ChargeCard" was called 1 time with input where:
      | $.orderId | o-1 |

  Scenario: a declined card alerts the shared topic
    Given the resource "OrdersStack/ChargeCard" fails with "CardDeclined" and cause "insufficient funds"
    And the task "MarkFailed" returns:
      """json
      {}
      """
    And the task "AlertPaymentFailed" returns:
      """json
      {"MessageId": "m-2"}
      """
    When the execution starts with:
      """json
      {"orderId": "o-2", "total": 42}
      """
    Then the execution fails with "PaymentFailed"
    And the task "AlertPaymentFailed" was called 1 time
