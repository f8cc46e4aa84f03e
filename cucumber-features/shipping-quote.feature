@shipping-quote
Feature: Shipping quote
  A JSONata workflow from a SAM template: the parcels are weighed into variables, heavy
  orders are refused, and the carrier's price is asked for with retries and a timeout.

  Background:
    Given the state machine "ShippingQuoteStateMachine" in the template "examples/shipping-quote/template.yaml"
    And the substitutions:
      | MaxWeightKg | 30 |

  Scenario: light parcels are quoted
    Given the task "Quote" returns:
      """json
      {"price": 12.5}
      """
    When the execution starts with:
      """json
      {"customer": "c-1", "parcels": [{"kg": 2}, {"kg": 5}]}
      """
    Then the execution succeeds
    And the output is:
      """json
      {"customer": "c-1", "weight": 7, "price": 12.5}
      """
    And the variable "weight" after "Weigh" is 7
    And the variable "price" is 12.5
    And the variable "customer" is "c-1"
    And the task "Quote" was called 1 time with input where:
      | $.weight   | 7   |
      | $.customer | c-1 |

  Scenario: the carrier's price list answers from a file
    Given the task "Quote" returns the file "examples/shipping-quote/quote.json"
    When the execution starts with:
      """json
      {"customer": "c-2", "parcels": [{"kg": 1}]}
      """
    Then the output at "$.price" is 9.9

  Scenario: heavy parcels are refused
    When the execution starts with:
      """json
      {"customer": "c-3", "parcels": [{"kg": 20}, {"kg": 22}]}
      """
    Then the execution fails with "TooHeavy" and cause "The parcels weigh 42 kg"
    And the state "CheckWeight" chose "TooHeavy"
    And the state "Quote" was never entered

  Scenario: a carrier that keeps failing exhausts the retries
    Given the task "Quote" fails with "Lambda.ServiceException"
    When the execution starts with:
      """json
      {"customer": "c-4", "parcels": [{"kg": 3}]}
      """
    Then the execution fails with "Lambda.ServiceException"
    And the state "Quote" was retried 2 times, after 1 second and 2 seconds
    And the task "Quote" was called 3 times

  Scenario: a carrier that never answers runs into the workflow's timeout
    Given the task "Quote" never answers
    When the execution starts with:
      """json
      {"customer": "c-5", "parcels": [{"kg": 3}]}
      """
    Then the execution times out
    And the execution took 45 seconds of virtual time

  Scenario: an express workflow with a fixed seed quotes as well
    Given the workflow type is EXPRESS
    And the random seed is 7
    And the task "Quote" returns:
      """json
      {"price": 3}
      """
    When the execution starts with:
      """json
      {"customer": "c-6", "parcels": [{"kg": 1}]}
      """
    Then the execution succeeds
    And the state "Weigh" was entered once

  Scenario Outline: the Step Functions Local mock file answers unchanged
    Given the Step Functions Local mock file "examples/shipping-quote/MockConfigFile.json" with test case "<test case>"
    When the execution starts with:
      """json
      {"customer": "c-7", "parcels": [{"kg": 4}]}
      """
    Then the execution succeeds
    And the output at "$.price" is <price>
    And the state "Quote" was retried <retries> times

    Examples:
      | test case | price | retries |
      | HappyPath | 12.5  | 0       |
      | Throttled | 14    | 1       |
