package dev.aslunit.internal.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A state without its own QueryLanguage takes the state machine's, also inside a Parallel or Map whose
 * own QueryLanguage differs (the CDK's QueryLanguage docs: "If the state does not contain a
 * queryLanguage field, then it will use the query language specified in the top-level queryLanguage
 * field"; floci-io/floci#2968, measured on AWS).
 */
class NestedQueryLanguageTest {

    private static StateMachineDefinition read(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        return DefinitionReader.read(root);
    }

    @Test
    void the_item_processor_of_a_jsonata_map_in_a_jsonpath_machine_is_jsonpath() throws Exception {
        StateMachineDefinition machine = read("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata",
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true},
                    "Q": {"Type": "Pass", "QueryLanguage": "JSONata", "End": true}}}, "End": true}}}""");

        MapState map = (MapState) machine.states().get("M");
        assertThat(map.queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
        assertThat(map.itemProcessor().states().get("P").queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
        assertThat(map.itemProcessor().states().get("Q").queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    }

    @Test
    void the_branches_of_a_jsonata_parallel_in_a_jsonpath_machine_are_jsonpath() throws Exception {
        StateMachineDefinition machine = read("""
                {"StartAt": "A", "States": {"A": {"Type": "Parallel", "QueryLanguage": "JSONata",
                  "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}], "End": true}}}""");

        ParallelState parallel = (ParallelState) machine.states().get("A");
        assertThat(parallel.branches().get(0).states().get("B").queryLanguage()).isEqualTo(QueryLanguage.JSONPATH);
    }

    @Test
    void in_a_jsonata_machine_nested_states_are_jsonata() throws Exception {
        StateMachineDefinition machine = read("""
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Parallel",
                  "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}], "End": true}}}""");

        ParallelState parallel = (ParallelState) machine.states().get("A");
        assertThat(parallel.branches().get(0).states().get("B").queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
    }
}
