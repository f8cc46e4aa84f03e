package dev.aslunit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** YAML anchors, aliases and merge keys, as Serverless Framework and SAM definitions share blocks with them. */
class YamlReferencesTest {

    private static final String SHARED = """
            StartAt: A
            States:
              A:
                Type: Task
                Resource: arn:aws:states:::lambda:invoke
                Parameters: &invoke
                  FunctionName: orders
                  Payload.$: $
                Retry: &retry
                  - ErrorEquals: [Lambda.TooManyRequestsException]
                    IntervalSeconds: 2
                Next: B
              B:
                Type: Task
                Resource: arn:aws:states:::lambda:invoke
                Parameters:
                  <<: *invoke
                  FunctionName: invoices
                Retry: *retry
                End: true
            """;

    @Test
    void an_alias_is_a_copy_of_what_its_anchor_holds() throws Exception {
        JsonNode root = SourceDocument.parse(SHARED, SourceDocument.Format.YAML, "m.asl.yaml").root();

        assertThat(root.at("/States/B/Retry")).isEqualTo(root.at("/States/A/Retry"));
        assertThat(root.at("/States/B/Retry/0/IntervalSeconds").asInt()).isEqualTo(2);
    }

    @Test
    void a_merge_key_adds_the_fields_the_mapping_does_not_set_itself() throws Exception {
        SourceDocument doc = SourceDocument.parse(SHARED, SourceDocument.Format.YAML, "m.asl.yaml");

        assertThat(doc.root().at("/States/B/Parameters")).isEqualTo(Json.nodes().objectNode()
                .put("FunctionName", "invoices").put("Payload.$", "$"));
        assertThat(doc.root().at("/States/A/Parameters/FunctionName").asText()).isEqualTo("orders");
        assertThat(doc.locate("/States/B/Parameters/FunctionName").line()).isEqualTo(18);
    }

    @Test
    void merge_keys_listing_several_mappings_take_the_first_one_that_sets_a_field() throws Exception {
        String yaml = """
                a: &a {x: 1, y: 1}
                b: &b {y: 2, z: 2}
                c:
                  <<: [*a, *b]
                  z: 3
                """;

        JsonNode c = SourceDocument.parse(yaml, SourceDocument.Format.YAML, "m.yaml").root().get("c");

        assertThat(c).isEqualTo(Json.nodes().objectNode().put("z", 3).put("x", 1).put("y", 1));
    }

    @Test
    void an_alias_without_its_anchor_is_a_syntax_error_at_the_alias() {
        assertThatThrownBy(() -> SourceDocument.parse("a: 1\nb: *nowhere\n", SourceDocument.Format.YAML, "m.yaml"))
                .isInstanceOf(SourceSyntaxException.class)
                .hasMessage("The alias *nowhere refers to no anchor &nowhere before it (line 2, column 4)");
    }

    @Test
    void aliases_of_aliases_cannot_grow_a_small_file_without_bound() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            yaml.append(("*l" + (i - 1) + ", ").repeat(9)).append("*l").append(i - 1).append("]\n");
        }

        assertThatThrownBy(() -> SourceDocument.parse(yaml.toString(), SourceDocument.Format.YAML, "laughs.yaml"))
                .isInstanceOf(SourceSyntaxException.class)
                .hasMessageStartingWith("Aliases expand this document to more than 100000 values");
    }

    @Test
    void a_byte_order_mark_before_json_is_ignored_and_columns_stay_those_of_the_file() throws Exception {
        SourceDocument doc = SourceDocument.parse("\uFEFF{\"StartAt\": \"A\", \"States\": {}}", SourceDocument.Format.JSON,
                "bom.asl.json");

        assertThat(doc.root().get("StartAt").asText()).isEqualTo("A");
        assertThat(doc.locate("/States").column()).isEqualTo(19);
    }
}
