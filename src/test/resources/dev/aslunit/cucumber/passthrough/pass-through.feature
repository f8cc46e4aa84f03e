Feature: Tasks that call the real service

  Scenario: the charge calls the real function and the reservation stays mocked
    Given the state machine "passthrough/mixed.asl.json"
    And the task "Reserve" returns:
      """json
      {"reserved": true}
      """
    And the task "Charge" calls the real service
    When the execution starts
    Then the execution succeeds
    And the output is:
      """json
      {"charged": true}
      """
    And the path is exactly:
      | Reserve |
      | Charge  |

  Scenario: every Task of a resource calls the real service
    Given the state machine "passthrough/mixed.asl.json"
    And the resource "arn:aws:lambda:*:*:function:*" calls the real service
    When the execution starts
    Then the execution succeeds

  Scenario: without the step nothing leaves the machine
    Given the state machine "passthrough/mixed.asl.json"
    And the task "Reserve" returns:
      """json
      {"reserved": true}
      """
    When the execution starts
    Then the execution succeeds
