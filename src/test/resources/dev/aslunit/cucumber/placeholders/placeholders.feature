Feature: Placeholders nobody gives a value

  Scenario: opaque placeholders let a mocked task run
    Given the state machine "src/test/resources/dev/aslunit/cucumber/placeholders/pay.asl.json"
    And placeholders without a value stay opaque
    And the task "Pay" returns:
      """json
      {"paid": true}
      """
    When the execution starts with:
      """json
      {}
      """
    Then the execution succeeds

  Scenario: without them the definition is refused with the Cucumber fix
    Given the state machine "src/test/resources/dev/aslunit/cucumber/placeholders/pay.asl.json"
    And the task "Pay" returns:
      """json
      {"paid": true}
      """
    When the execution starts with:
      """json
      {}
      """
    Then the execution succeeds
