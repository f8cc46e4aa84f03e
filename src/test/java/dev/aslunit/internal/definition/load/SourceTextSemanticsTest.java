package dev.aslunit.internal.definition.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.aslunit.internal.definition.ChoiceState;
import dev.aslunit.internal.definition.PassState;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the text of a definition is read: YAML's booleans and nulls, and placeholders replaced as text. */
class SourceTextSemanticsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Yes", "No", "On", "Off", "y", "n", "YES", "off"})
    void a_yaml_state_named_like_a_yaml_1_1_boolean_is_a_state_name(String name) {
        String yaml = "StartAt: Check\nStates:\n  Check:\n    Type: Choice\n    Choices:\n"
                + "      - Variable: $.ok\n        BooleanEquals: true\n        Next: " + name + "\n"
                + "    Default: Other\n  " + name + ":\n    Type: Succeed\n  Other:\n    Type: Fail\n";

        LoadedDefinition loaded = DefinitionLoader.fromString(yaml).named("choice.asl.yaml").load();

        assertThat(loaded.diagnostics()).isEmpty();
        ChoiceState check = (ChoiceState) loaded.requireValid().state("Check");
        assertThat(check.choices().get(0).next()).isEqualTo(name);
        // true stays a boolean: YAML 1.2's core schema has only true and false.
        assertThat(loaded.json().at("/States/Check/Choices/0/BooleanEquals").isBoolean()).isTrue();
    }

    @Test
    void an_empty_yaml_value_is_null_so_an_empty_result_path_discards_the_result() {
        String yaml = "StartAt: P\nStates:\n  P:\n    Type: Pass\n    Result: 1\n    ResultPath:\n    End: true\n";

        LoadedDefinition loaded = DefinitionLoader.fromString(yaml).named("discard.asl.yaml").load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.json().at("/States/P/ResultPath").isNull()).isTrue();
    }

    @Test
    void a_json_placeholder_outside_a_string_is_replaced_as_text_before_parsing() {
        String json = "{\"StartAt\": \"T\", \"TimeoutSeconds\": ${totalExecutionTimeout},\n"
                + " \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": \"${Fn}\", \"End\": true}}}";

        LoadedDefinition loaded = DefinitionLoader.fromString(json).named("tuner.asl.json")
                .substitutions(Map.of("totalExecutionTimeout", "300",
                        "Fn", "arn:aws:lambda:us-east-1:111111111111:function:f"))
                .load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.json().get("TimeoutSeconds").intValue()).isEqualTo(300);
        assertThat(((TaskState) loaded.requireValid().state("T")).resource())
                .isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:f");
    }

    @Test
    void an_unquoted_json_placeholder_without_a_value_stays_opaque_in_a_number_field() {
        String json = "{\"StartAt\": \"W\",\n \"States\": {\"W\": {\"Type\": \"Task\", \"Resource\": "
                + "\"arn:aws:states:::lambda:invoke\",\n  \"TimeoutSeconds\": ${timeout}, \"End\": true}}}";

        LoadedDefinition opaque = DefinitionLoader.fromString(json).named("t.asl.json").allowOpaquePlaceholders().load();
        LoadedDefinition reported = DefinitionLoader.fromString(json).named("t.asl.json").load();

        assertThat(opaque.diagnostics()).isEmpty();
        assertThat(opaque.isValid()).isTrue();
        // The placeholder is reported where it is written, not where the quoted stand-in ends up.
        assertThat(reported.errors()).extracting(Diagnostic::code, Diagnostic::location).containsExactly(tuple(
                DiagnosticCode.UNRESOLVED_PLACEHOLDER,
                new SourceLocation("t.asl.json", "/States/W/TimeoutSeconds", 3, 3)));
    }

    @Test
    void positions_after_a_substituted_value_are_those_of_the_text_as_written() {
        String json = "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": ${Delay}, "
                + "\"Next\": \"Gone\"}}}";

        LoadedDefinition loaded = DefinitionLoader.fromString(json).named("w.asl.json")
                .substitution("Delay", "123456").load();

        int column = json.indexOf("\"Next\"") + 1;
        assertThat(loaded.errors()).filteredOn(d -> d.code() == DiagnosticCode.MISSING_TRANSITION_TARGET)
                .extracting(d -> d.location().line(), d -> d.location().column()).containsExactly(tuple(1, column));
    }

    @Test
    void a_syntax_error_after_a_substitution_is_located_in_the_text_as_written() {
        String json = "{\"StartAt\": \"P\", \"TimeoutSeconds\": ${T},\n \"States\": {\"P\": {\"Type\": \"Pass\", "
                + "\"End\": true}}";

        LoadedDefinition loaded = DefinitionLoader.fromString(json).named("p.asl.json")
                .substitution("T", "1234567890").load();

        assertThat(loaded.errors()).extracting(Diagnostic::code, d -> d.location().line())
                .containsExactly(tuple(DiagnosticCode.INVALID_JSON_DESCRIPTION, 2));
        assertThat(loaded.errors().get(0).location().column()).isLessThanOrEqualTo(
                json.length() - json.indexOf('\n'));
    }

    @Test
    void a_yaml_placeholder_given_a_value_takes_the_values_type() {
        String yaml = "StartAt: W\nStates:\n  W:\n    Type: Wait\n    Seconds: ${Delay}\n    End: true\n";

        LoadedDefinition loaded = DefinitionLoader.fromString(yaml).named("w.asl.yaml")
                .substitution("Delay", "5").load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.json().at("/States/W/Seconds").intValue()).isEqualTo(5);
    }

    @Test
    void a_placeholder_inside_a_json_string_keeps_working_as_before() {
        String json = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
                + "\"Result\": \"at ${Stage} and \\\"${Stage}\\\"\", \"End\": true}}}";

        LoadedDefinition loaded = DefinitionLoader.fromString(json).substitution("Stage", "prod").load();

        assertThat(((PassState) loaded.requireValid().state("P")).result().asText())
                .isEqualTo("at prod and \"prod\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"HeartbeatSeconds\": ${v}, \"TimeoutSeconds\": ${w}, \"End\": true}",
            "\"T\": {\"Type\": \"Wait\", \"Seconds\": ${v}, \"End\": true}",
            "\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, \"Retry\": [{\"ErrorEquals\": [\"States.ALL\"], \"IntervalSeconds\": ${v}, \"MaxAttempts\": ${w}, \"BackoffRate\": ${x}}]}",
            "\"T\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": ${v}, \"Next\": \"D\"}, {\"Variable\": \"$.b\", \"BooleanEquals\": ${w}, \"Next\": \"D\"}], \"Default\": \"D\"}, \"D\": {\"Type\": \"Succeed\"}",
            "\"T\": {\"Type\": \"Map\", \"MaxConcurrency\": ${v}, \"ToleratedFailurePercentage\": ${w}, \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}"})
    void an_opaque_placeholder_in_a_typed_field_skips_the_checks_that_need_its_value(String states) {
        String json = "{\"StartAt\": \"T\", \"States\": {" + states + "}}";

        LoadedDefinition loaded = DefinitionLoader.fromString(json).named("typed.asl.json").allowOpaquePlaceholders()
                .load();

        assertThat(loaded.diagnostics()).isEmpty();
    }
}
