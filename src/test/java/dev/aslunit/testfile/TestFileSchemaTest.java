package dev.aslunit.testfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The published JSON Schema accepts what the reader accepts and rejects the mistakes editors should flag. */
class TestFileSchemaTest {

    static final Path PUBLISHED = Path.of("docs/schema/aslunit-test.schema.json");

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(new ObjectMapper().readTree(PUBLISHED.toFile()));
    }

    private static JsonNode read(Path file) throws Exception {
        return (file.toString().endsWith(".json") ? new ObjectMapper() : new YAMLMapper()).readTree(file.toFile());
    }

    @Test
    void the_schema_on_the_classpath_is_the_one_the_docs_publish() throws Exception {
        try (InputStream packaged = TestFileReader.class.getResourceAsStream("aslunit-test.schema.json")) {
            assertThat(packaged).isNotNull();
            assertThat(new String(packaged.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(PUBLISHED));
        }
    }

    @Test
    void every_example_test_file_is_valid_under_the_schema() throws Exception {
        JsonSchema schema = schema();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("examples"))) {
            files = walk.filter(TestFileReader::isTestFile).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            assertThat(schema.validate(read(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void a_misspelled_key_a_second_answer_and_a_wrong_status_are_rejected() throws Exception {
        JsonNode file = new YAMLMapper().readTree("""
                stateMachine: {definition: x.asl.json}
                cases:
                  - name: one
                    imput: {}
                    mocks:
                      Pay: {returns: {}, fails: Oops}
                    expect: {status: DONE}
                """);

        Set<ValidationMessage> errors = schema().validate(file);

        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).extracting(Object::toString)
                .contains("$.cases[0]", "$.cases[0].mocks.Pay", "$.cases[0].expect.status");
        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("imput"));
    }

    @Test
    void the_reader_and_the_schema_know_the_same_keys() throws Exception {
        JsonNode defs = new ObjectMapper().readTree(PUBLISHED.toFile()).get("definitions");
        assertThat(names(new ObjectMapper().readTree(PUBLISHED.toFile()).get("properties")))
                .containsExactlyInAnyOrderElementsOf(TestFileReader.TOP_KEYS);
        assertThat(names(defs.at("/stateMachine/properties"))).containsExactlyInAnyOrderElementsOf(TestFileReader.MACHINE_KEYS);
        assertThat(names(defs.at("/case/properties"))).containsExactlyInAnyOrderElementsOf(TestFileReader.CASE_KEYS);
        assertThat(names(defs.at("/answer/properties"))).containsExactlyInAnyOrderElementsOf(TestFileReader.ANSWER_KEYS);
        assertThat(names(defs.at("/expect/properties"))).containsExactlyInAnyOrderElementsOf(TestFileReader.EXPECT_KEYS);
        assertThat(names(defs.at("/stateExpect/properties"))).containsExactlyInAnyOrderElementsOf(TestFileReader.STATE_KEYS);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
