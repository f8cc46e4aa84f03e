package dev.aslunit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.SourceLocation;
import org.junit.jupiter.api.Test;

class SourceDocumentTest {

    private static final String JSON = """
            {
              "StartAt": "A",
              "States": {
                "A": {"Type": "Pass", "End": true},
                "a/b~c": {"Type": "Succeed"}
              },
              "List": [1, {"x": 2}]
            }
            """;

    @Test
    void locates_object_members_at_their_key_and_array_elements_at_their_first_character() throws Exception {
        SourceDocument doc = SourceDocument.parse(JSON, SourceDocument.Format.JSON, "m.asl.json");

        assertThat(doc.locate("")).isEqualTo(new SourceLocation("m.asl.json", "", 1, 1));
        assertThat(doc.locate("/StartAt")).isEqualTo(new SourceLocation("m.asl.json", "/StartAt", 2, 3));
        assertThat(doc.locate("/States/A/End")).isEqualTo(new SourceLocation("m.asl.json", "/States/A/End", 4, 27));
        assertThat(doc.locate("/States/a~1b~0c")).isEqualTo(new SourceLocation("m.asl.json", "/States/a~1b~0c", 5, 5));
        assertThat(doc.locate("/List/1/x")).isEqualTo(new SourceLocation("m.asl.json", "/List/1/x", 7, 16));
        assertThat(doc.locate("/List/1")).isEqualTo(new SourceLocation("m.asl.json", "/List/1", 7, 15));
        assertThat(doc.root().at("/States/a~1b~0c/Type").asText()).isEqualTo("Succeed");
    }

    @Test
    void a_pointer_to_something_absent_gets_the_place_of_its_nearest_ancestor() throws Exception {
        SourceDocument doc = SourceDocument.parse(JSON, SourceDocument.Format.JSON, "m.asl.json");

        assertThat(doc.locate("/States/A/Next")).isEqualTo(new SourceLocation("m.asl.json", "/States/A/Next", 4, 5));
    }

    @Test
    void gives_the_character_offsets_of_the_located_place_and_of_the_value_itself() throws Exception {
        SourceDocument doc = SourceDocument.parse(JSON, SourceDocument.Format.JSON, "m.asl.json");

        assertThat(doc.offset("/StartAt")).isEqualTo(JSON.indexOf("\"StartAt\""));
        assertThat(doc.valueOffset("/StartAt")).isEqualTo(JSON.indexOf("\"A\""));
        assertThat(doc.offset("/List/1")).isEqualTo(doc.valueOffset("/List/1")).isEqualTo(JSON.indexOf("{\"x\""));
        assertThat(doc.offset("/States/A/Next")).isEqualTo(JSON.indexOf("\"A\": {"));
        assertThat(doc.valueOffset("/States/A/Next")).isEqualTo(-1);
    }

    @Test
    void locates_yaml_like_json() throws Exception {
        String yaml = """
                StartAt: A
                States:
                  A:
                    Type: Pass
                    End: true
                """;
        SourceDocument doc = SourceDocument.parse(yaml, SourceDocument.Format.YAML, "m.asl.yaml");

        assertThat(doc.locate("/States/A/End")).isEqualTo(new SourceLocation("m.asl.yaml", "/States/A/End", 5, 5));
        assertThat(doc.root().at("/States/A/End").asBoolean()).isTrue();
    }

    @Test
    void keeps_the_first_of_repeated_keys_and_reports_the_others() throws Exception {
        SourceDocument doc = SourceDocument.parse("""
                {"States": {
                  "A": {"Type": "Pass"},
                  "A": {"Type": "Fail"}
                }}""", SourceDocument.Format.JSON, null);

        assertThat(doc.root().at("/States/A/Type").asText()).isEqualTo("Pass");
        assertThat(doc.duplicateKeys()).singleElement().satisfies(d -> {
            assertThat(d.pointer()).isEqualTo("/States/A");
            assertThat(d.location().line()).isEqualTo(3);
            assertThat(d.location().column()).isEqualTo(3);
        });
    }

    @Test
    void turns_cloudformation_short_form_tags_into_their_long_form() throws Exception {
        SourceDocument doc = SourceDocument.parse("""
                Arn: !GetAtt Fn.Arn
                Table: !Ref Orders
                Text: !Sub "${AWS::Region}-x"
                Joined: !Join ["", [a, b]]
                """, SourceDocument.Format.YAML, null);

        assertThat(Json.write(doc.root())).isEqualTo("{\"Arn\":{\"Fn::GetAtt\":\"Fn.Arn\"},\"Table\":{\"Ref\":\"Orders\"},"
                + "\"Text\":{\"Fn::Sub\":\"${AWS::Region}-x\"},\"Joined\":{\"Fn::Join\":[\"\",[\"a\",\"b\"]]}}");
    }

    @Test
    void reports_truncated_json_with_its_line_and_column() {
        assertThatThrownBy(() -> SourceDocument.parse("{\n  \"StartAt\": \"A\",\n  \"States\": {", SourceDocument.Format.JSON,
                null))
                .isInstanceOfSatisfying(SourceSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.tooDeeplyNested()).isFalse();
                });
    }

    @Test
    void refuses_absurd_nesting_without_overflowing_the_stack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> SourceDocument.parse(deep, SourceDocument.Format.JSON, null))
                .isInstanceOfSatisfying(SourceSyntaxException.class, e -> assertThat(e.tooDeeplyNested()).isTrue());
        String deepYaml = "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> SourceDocument.parse(deepYaml, SourceDocument.Format.YAML, null))
                .isInstanceOfSatisfying(SourceSyntaxException.class, e -> assertThat(e.tooDeeplyNested()).isTrue());
    }

    @Test
    void reports_content_after_the_document() {
        assertThatThrownBy(() -> SourceDocument.parse("{} {}", SourceDocument.Format.JSON, null))
                .isInstanceOfSatisfying(SourceSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(4);
                });
    }

    @Test
    void an_empty_document_has_no_root() throws Exception {
        assertThat(SourceDocument.parse("  \n", SourceDocument.Format.JSON, null).root()).isNull();
        assertThat(SourceDocument.parse("", SourceDocument.Format.YAML, null).root()).isNull();
    }

    @Test
    void picks_the_format_from_the_name_or_else_the_first_character() {
        assertThat(SourceDocument.formatOf("a.asl.yaml", "{}")).isEqualTo(SourceDocument.Format.YAML);
        assertThat(SourceDocument.formatOf("a.yml", "{}")).isEqualTo(SourceDocument.Format.YAML);
        assertThat(SourceDocument.formatOf("a.asl.json", "StartAt: x")).isEqualTo(SourceDocument.Format.JSON);
        assertThat(SourceDocument.formatOf("a.asl", " {")).isEqualTo(SourceDocument.Format.JSON);
        assertThat(SourceDocument.formatOf(null, "StartAt: x")).isEqualTo(SourceDocument.Format.YAML);
    }

    @Test
    void builds_the_same_tree_as_jacksons_read_tree() throws Exception {
        String text = "{\"i\": 1, \"l\": 12345678901, \"b\": 123456789012345678901234567890, \"d\": 1.0, "
                + "\"e\": 2.5e3, \"s\": \"x\", \"n\": null, \"t\": true, \"a\": [{}, []]}";

        assertThat(SourceDocument.parse(text, SourceDocument.Format.JSON, null).root()).isEqualTo(Json.parse(text));
        assertThat(SourceDocument.parse("i: 1\nd: 1.0\ns: x\n", SourceDocument.Format.YAML, null).root())
                .isEqualTo(Json.parse("{\"i\": 1, \"d\": 1.0, \"s\": \"x\"}"));
    }
}
