package dev.aslunit.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.json.Json;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MutatorTest {

    static final String ORDERS = """
        {
          "StartAt": "Charge",
          "States": {
            "Charge": {
              "Type": "Task", "Resource": "arn:aws:lambda:eu-west-1:123456789012:function:charge",
              "ResultPath": "$.payment", "TimeoutSeconds": 30,
              "Retry": [
                { "ErrorEquals": ["Busy", "Throttled"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2.0 },
                { "ErrorEquals": ["Throttled"], "MaxAttempts": 5 },
                { "ErrorEquals": ["Other"], "MaxAttempts": 0, "IntervalSeconds": 4 }
              ],
              "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Failed" } ],
              "Next": "Big"
            },
            "Big": {
              "Type": "Choice",
              "Choices": [
                { "Variable": "$.total", "NumericGreaterThan": 1000, "Next": "Approve" },
                { "Variable": "$.total", "NumericLessThan": 0, "Next": "Failed" }
              ],
              "Default": "Done"
            },
            "Approve": { "Type": "Pass", "End": true },
            "Failed": { "Type": "Fail", "Error": "PaymentFailed" },
            "Done": { "Type": "Succeed" }
          }
        }""";

    static Map<String, Mutant> mutants(String definition) throws Exception {
        JsonNode json = Json.parse(definition);
        return Mutator.mutate(json, StateMachineType.STANDARD, "orders.asl.json").mutants().stream()
                .collect(Collectors.toMap(Mutant::id, Function.identity()));
    }

    @Test
    void every_operator_that_fits_makes_a_mutant_with_a_stable_id_and_pointer() throws Exception {
        Map<String, Mutant> m = mutants(ORDERS);

        assertThat(m).containsKeys(
                "retry-remove@/States/Charge/Retry/0",
                "retry-error-remove@/States/Charge/Retry/0/ErrorEquals/1",
                "retry-max-attempts@/States/Charge/Retry/0/MaxAttempts=2",
                "retry-max-attempts@/States/Charge/Retry/0/MaxAttempts=4",
                "retry-interval@/States/Charge/Retry/0/IntervalSeconds=1",
                "retry-backoff-rate@/States/Charge/Retry/0/BackoffRate=1.0",
                "catch-remove@/States/Charge/Catch/0",
                "catch-retarget@/States/Charge/Catch/0/Next=Big",
                "choice-swap@/States/Big/Choices/0/Next=Default",
                "choice-swap@/States/Big/Choices/0/Next=rule2",
                "choice-negate@/States/Big/Choices/0",
                "choice-operator@/States/Big/Choices/0/NumericGreaterThan=NumericGreaterThanEquals",
                "choice-constant@/States/Big/Choices/0/NumericGreaterThan=999",
                "choice-constant@/States/Big/Choices/0/NumericGreaterThan=1001",
                "timeout@/States/Charge/TimeoutSeconds=removed",
                "timeout@/States/Charge/TimeoutSeconds=60",
                "result-path@/States/Charge/ResultPath=$",
                "result-path@/States/Charge/ResultPath=null",
                "end-reroute@/States/Approve/End=Failed");
        assertThat(m.get("choice-negate@/States/Big/Choices/0").definition()).contains("\"Not\"");
        assertThat(m.get("choice-constant@/States/Big/Choices/0/NumericGreaterThan=1001").diff())
                .contains("-        \"NumericGreaterThan\" : 1000,")
                .contains("+        \"NumericGreaterThan\" : 1001,")
                .startsWith("--- orders.asl.json\n+++ orders.asl.json (choice-constant@");
    }

    @Test
    void a_mutant_aws_would_reject_is_not_kept() throws Exception {
        Mutator.Mutants all = Mutator.mutate(Json.parse(ORDERS), StateMachineType.STANDARD, "orders.asl.json");

        // only the Default reaches Done: without it, Done is unreachable, which AWS rejects
        assertThat(all.invalid()).contains("choice-default-remove@/States/Big/Default: State \"Done\" is not reachable:"
                + " no StartAt, Next, Default or Catch leads to it");
        assertThat(all.mutants()).extracting(Mutant::id).doesNotContain("choice-default-remove@/States/Big/Default");
        assertThat(all.mutants()).allSatisfy(mutant -> assertThat(dev.aslunit.internal.validation.DefinitionValidator.isValid(
                dev.aslunit.internal.validation.DefinitionValidator.validate(Json.parse(mutant.definition()),
                        dev.aslunit.internal.definition.SourceLocator.none(), StateMachineType.STANDARD))).isTrue());
    }

    @Test
    void equivalent_mutants_are_those_that_provably_cannot_change_behaviour() throws Exception {
        Map<String, Mutant> m = mutants(ORDERS);

        assertThat(m.get("retry-remove@/States/Charge/Retry/1").equivalence()).startsWith("shadowed rule");
        assertThat(m.get("retry-max-attempts@/States/Charge/Retry/1/MaxAttempts=6").equivalence()).startsWith("shadowed rule");
        assertThat(m.get("retry-interval@/States/Charge/Retry/2/IntervalSeconds=5").equivalence())
                .startsWith("timing never used");
        assertThat(m.get("retry-backoff-rate@/States/Charge/Retry/2/BackoffRate=1.0").equivalence())
                .startsWith("timing never used");
        assertThat(m.get("retry-error-remove@/States/Charge/Retry/0/ErrorEquals/1").equivalence()).isNull();
        assertThat(m.get("retry-remove@/States/Charge/Retry/0").equivalence()).isNull();
        assertThat(m.get("choice-constant@/States/Big/Choices/0/NumericGreaterThan=1001").equivalence()).isNull();
    }

    @Test
    void a_change_that_reads_to_the_same_model_is_equivalent() throws Exception {
        // ResultPath "$" written out is AWS's default: nothing to change, so no mutant claims to change it
        Map<String, Mutant> m = mutants(ORDERS.replace("\"Type\": \"Pass\", \"End\": true",
                "\"Type\": \"Pass\", \"ResultPath\": \"$\", \"End\": true"));

        assertThat(m).doesNotContainKey("result-path@/States/Approve/ResultPath=$");
        // BackoffRate 2.0 is the default: a rule without it changed to 2.0 reads the same
        Map<String, Mutant> rate = mutants(ORDERS.replace("\"BackoffRate\": 2.0", "\"BackoffRate\": 1.0"));
        assertThat(rate.get("retry-backoff-rate@/States/Charge/Retry/0/BackoffRate=2.0").equivalence()).isNull();
    }
}
