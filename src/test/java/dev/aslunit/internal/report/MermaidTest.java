package dev.aslunit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.definition.DefinitionReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidTest {

    /** Every state plain, every arrow labelled with its kind. */
    static final Paint PLAIN = new Paint() {
        @Override
        public String stateClass(String state) {
            return state.startsWith("Ask") ? "covered" : "uncovered";
        }

        @Override
        public List<String> notes(String state) {
            return List.of("at +1m: \"soon\"; maybe");
        }

        @Override
        public String edgeClass(WorkflowGraph.Edge edge) {
            return "taken";
        }

        @Override
        public String edgeLabel(WorkflowGraph.Edge edge) {
            return edge.label();
        }
    };

    @Test
    void names_with_quotes_colons_and_semicolons_become_entity_codes_and_ids_stay_plain() throws Exception {
        WorkflowGraph graph = new WorkflowGraph(DefinitionReader.read(new ObjectMapper().readTree("""
            {"StartAt": "Ask: \\"why\\"", "States": {
              "Ask: \\"why\\"": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Give up; now"}], "End": true},
              "Give up; now": {"Type": "Fail"}}}""")));

        String mermaid = Mermaid.render(graph, PLAIN);

        assertThat(mermaid).contains(
                "    state \"Ask#58; #34;why#34;<br/><small>at +1m#58; #34;soon#34;#59; maybe</small>\" as s0\n",
                "    state \"Give up#59; now<br/><small>at +1m#58; #34;soon#34;#59; maybe</small>\" as s1\n",
                "    [*] --> s0\n",
                "    s0 --> s1 : Catch States.ALL\n",
                "    s0 --> [*]\n",
                "    s1 --> [*]\n",
                "    class s0 covered\n",
                "    class s1 uncovered\n");
    }
}
