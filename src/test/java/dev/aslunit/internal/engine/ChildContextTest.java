package dev.aslunit.internal.engine;

import static dev.aslunit.internal.engine.Runs.fieldNames;
import static dev.aslunit.internal.engine.Runs.json;
import static dev.aslunit.internal.engine.Runs.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The context object inside a Distributed Map's child execution: the child is an execution of its
 * own ("Distributed Map state"), so {@code $$.Execution} and {@code $$.StateMachine} name the child
 * and the Map Run's state machine {@code <machine>/<label>}, while an inline Map's iterations share
 * the parent's.
 */
class ChildContextTest {

    private static final String ARN = "arn:aws:states:us-east-1:111111111111:";
    private static final String ROLE = "arn:aws:iam::111111111111:role/aslunit-execution-role";

    /**
     * After a 10 s wait, a Distributed Map labelled L runs one child at a time; each child waits 2 s,
     * then outputs its context object; the state after the Map outputs the parent's.
     */
    private static final String DISTRIBUTED = """
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"M"},
             "M":{"Type":"Map","Label":"L","MaxConcurrency":1,"ItemsPath":"$.items",
               "ItemSelector":{"n.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},
               "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"CW",
                 "States":{"CW":{"Type":"Wait","Seconds":2,"Next":"Ctx"},
                   "Ctx":{"Type":"Pass","Parameters":{"c.$":"$$"},"End":true}}},
               %s
               "ResultPath":"$.children","Next":"After"},
             "After":{"Type":"Pass","Parameters":{"c.$":"$$","children.$":"$.children"},"End":true}}}""";

    private static final String ITEMS = "{\"items\":[\"a\",\"b\"]}";

    @Test
    void a_child_sees_its_own_execution_and_the_map_runs_state_machine() {
        ExecutionRun r = run(DISTRIBUTED.formatted(""),
                ExecutionOptions.builder().input(json(ITEMS)).executionName("parent").build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode first = r.output().at("/children/0/c");
        JsonNode second = r.output().at("/children/1/c");
        JsonNode execution = first.get("Execution");
        assertThat(fieldNames(execution)).containsExactly("Id", "Input", "Name", "RoleArn", "StartTime",
                "RedriveCount");
        String name = execution.get("Name").asText();
        assertThat(name).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(execution.get("Id").asText()).isEqualTo(ARN + "execution:Machine/L:" + name);
        assertThat(execution.get("Input")).isEqualTo(json("{\"n\":\"a\",\"i\":0}"));
        assertThat(execution.get("RoleArn").asText()).isEqualTo(ROLE);
        assertThat(execution.get("StartTime").asText()).isEqualTo("2025-01-01T00:00:10.000Z");
        assertThat(execution.get("RedriveCount").intValue()).isZero();
        assertThat(first.get("StateMachine")).isEqualTo(
                json("{\"Id\":\"" + ARN + "stateMachine:Machine/L\",\"Name\":\"Machine/L\"}"));
        assertThat(first.get("State").get("Name").asText()).isEqualTo("Ctx");
        assertThat(first.has("Map")).isFalse();

        JsonNode secondExecution = second.get("Execution");
        assertThat(secondExecution.get("Name").asText()).isNotEqualTo(name);
        assertThat(secondExecution.get("Input")).isEqualTo(json("{\"n\":\"b\",\"i\":1}"));
        // one child at a time: the second starts when the first ends, 2 s later
        assertThat(secondExecution.get("StartTime").asText()).isEqualTo("2025-01-01T00:00:12.000Z");

        JsonNode parent = r.output().at("/c/Execution");
        assertThat(parent.get("Id").asText()).isEqualTo(ARN + "execution:Machine:parent");
        assertThat(parent.get("Input")).isEqualTo(json(ITEMS));
        assertThat(r.output().at("/c/StateMachine/Name").asText()).isEqualTo("Machine");
    }

    @Test
    void a_child_is_named_in_its_context_as_in_the_result_writers_entry() {
        S3ObjectStore s3 = new S3ObjectStore();
        ExecutionRun r = run(DISTRIBUTED.formatted("""
                "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}},"""),
                ExecutionOptions.builder().input(json(ITEMS)).s3(s3).build());

        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        List<String> keys = s3.list("out", "runs/");
        String file = keys.stream().filter(k -> k.endsWith("/SUCCEEDED_0.json")).findFirst().orElseThrow();
        JsonNode entries = json(s3.get("out", file));
        assertThat(entries).hasSize(2);
        for (JsonNode entry : entries) {
            JsonNode context = json(entry.get("Output").asText()).get("c");
            JsonNode execution = context.get("Execution");
            assertThat(execution.get("Name").asText()).isEqualTo(entry.get("Name").asText());
            assertThat(execution.get("Id").asText()).isEqualTo(entry.get("ExecutionArn").asText());
            assertThat(execution.get("Input")).isEqualTo(json(entry.get("Input").asText()));
            assertThat(execution.get("StartTime").asText()).isEqualTo(entry.get("StartDate").asText());
            assertThat(context.at("/StateMachine/Id").asText()).isEqualTo(entry.get("StateMachineArn").asText());
        }
    }

    @Test
    void without_a_label_the_childs_state_machine_is_named_after_the_map_state() {
        ExecutionRun r = run(DISTRIBUTED.formatted("").replace("\"Label\":\"L\",", ""), "{\"items\":[\"a\"]}");

        JsonNode context = r.output().at("/children/0/c");
        assertThat(context.at("/Execution/Id").asText())
                .startsWith(ARN + "execution:Machine/M:").endsWith(context.at("/Execution/Name").asText());
        assertThat(context.at("/StateMachine/Name").asText()).isEqualTo("Machine/M");
    }

    @Test
    void a_batched_childs_input_is_its_batch() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Ctx",
                    "States":{"Ctx":{"Type":"Pass","Parameters":{"in.$":"$$.Execution.Input"},"End":true}}},
                  "End":true}}}""", "[1,2,3]");

        assertThat(r.output()).isEqualTo(json("""
                [{"in":{"Items":[1,2]}},{"in":{"Items":[3]}}]"""));
    }

    @Test
    void jsonata_states_context_shows_the_child_as_the_context_object_does() {
        ExecutionRun r = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Label":"L",
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Ctx",
                    "States":{"Ctx":{"Type":"Pass","Output":"{% $states.context %}","End":true}}},
                  "End":true}}}""", "[{\"k\":1}]");

        JsonNode context = r.output().get(0);
        assertThat(context.at("/Execution/Id").asText()).startsWith(ARN + "execution:Machine/L:");
        assertThat(context.at("/Execution/Input")).isEqualTo(json("{\"k\":1}"));
        assertThat(context.at("/StateMachine/Name").asText()).isEqualTo("Machine/L");
        assertThat(context.has("Map")).isFalse();
    }

    @Test
    void an_inline_maps_iterations_share_the_parents_execution() {
        ExecutionRun r = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map",
                  "ItemProcessor":{"StartAt":"Ctx",
                    "States":{"Ctx":{"Type":"Pass","Parameters":{"c.$":"$$"},"End":true}}},
                  "End":true}}}""", ExecutionOptions.builder().input(json("[\"a\"]")).executionName("parent").build());

        JsonNode context = r.output().get(0).get("c");
        assertThat(context.at("/Execution/Id").asText()).isEqualTo(ARN + "execution:Machine:parent");
        assertThat(context.at("/Execution/Input")).isEqualTo(json("[\"a\"]"));
        assertThat(context.at("/StateMachine/Name").asText()).isEqualTo("Machine");
        assertThat(context.at("/Map/Item")).isEqualTo(json("{\"Index\":0,\"Value\":\"a\"}"));
    }

    @Test
    void an_inline_map_inside_a_child_shows_its_own_item_and_the_childs_execution() {
        ExecutionRun r = run("""
                {"StartAt":"D","States":{"D":{"Type":"Map","Label":"L",
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"I",
                    "States":{"I":{"Type":"Map","ItemsPath":"$.inner",
                      "ItemProcessor":{"StartAt":"Ctx","States":{"Ctx":{"Type":"Pass",
                        "Parameters":{"item.$":"$$.Map.Item","id.$":"$$.Execution.Id"},"End":true}}},
                      "End":true}}},
                  "End":true}}}""", "[{\"inner\":[\"x\"]}]");

        JsonNode inner = r.output().get(0).get(0);
        assertThat(inner.get("item")).isEqualTo(json("{\"Index\":0,\"Value\":\"x\"}"));
        assertThat(inner.get("id").asText()).startsWith(ARN + "execution:Machine/L:");
    }
}
