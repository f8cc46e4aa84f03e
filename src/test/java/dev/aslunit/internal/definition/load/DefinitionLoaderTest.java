package dev.aslunit.internal.definition.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.definition.PassState;
import dev.aslunit.internal.definition.SourceLocation;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.validation.Diagnostic;
import dev.aslunit.internal.validation.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionLoaderTest {

    private static final Map<String, String> ORDER_VALUES = Map.of(
            "PayFunctionArn", "arn:aws:lambda:eu-west-1:123456789012:function:pay",
            "QueueUrl", "https://sqs.eu-west-1.amazonaws.com/123456789012/ship");

    @Test
    void loads_yaml_from_the_classpath_with_substitutions_into_the_model() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/orders.asl.yaml").substitutions(ORDER_VALUES).load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.source()).isEqualTo("load/orders.asl.yaml");
        TaskState charge = (TaskState) loaded.requireValid().state("Charge");
        assertThat(charge.resource()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:pay");
        assertThat(charge.location()).isEqualTo(new SourceLocation("load/orders.asl.yaml", "/States/Charge", 4, 3));
        TaskState ship = (TaskState) loaded.definition().state("Ship");
        assertThat(ship.parameters().get("QueueUrl").asText()).isEqualTo(ORDER_VALUES.get("QueueUrl"));
    }

    @Test
    void reports_each_unresolved_placeholder_where_it_is() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("/load/orders.asl.yaml").load();

        assertThat(loaded.isValid()).isFalse();
        assertThat(loaded.definition()).isNull();
        assertThat(loaded.errors()).extracting(Diagnostic::code, Diagnostic::pointer, d -> d.location().line())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DiagnosticCode.UNRESOLVED_PLACEHOLDER, "/States/Charge/Resource", 6),
                        org.assertj.core.groups.Tuple.tuple(DiagnosticCode.UNRESOLVED_PLACEHOLDER,
                                "/States/Ship/Parameters/QueueUrl", 12));
    }

    @Test
    void leaves_placeholders_opaque_when_allowed() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/orders.asl.yaml").allowOpaquePlaceholders().load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(((TaskState) loaded.requireValid().state("Charge")).resource()).isEqualTo("${PayFunctionArn}");
    }

    @Test
    void loads_a_file_and_names_it_as_given() throws Exception {
        Path file = Path.of("src/test/resources/load/statemachine/flow.asl.json");
        LoadedDefinition loaded = DefinitionLoader.fromFile(file).allowOpaquePlaceholders().load();

        assertThat(loaded.isValid()).isTrue();
        assertThat(loaded.definition().state("Pay").location().file()).isEqualTo(file.toString());
        assertThat(loaded.type()).isEqualTo(StateMachineType.STANDARD);
    }

    @Test
    void loads_a_sam_state_machine_from_its_definition_uri_with_the_templates_substitutions_and_type() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/sam-template.yaml").stateMachine("OrderFlow")
                .allowOpaquePlaceholders().load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.type()).isEqualTo(StateMachineType.EXPRESS);
        TaskState pay = (TaskState) loaded.requireValid().state("Pay");
        // !GetAtt cannot be resolved offline: that placeholder stays, the plain one is replaced.
        assertThat(pay.parameters().get("FunctionName").asText()).isEqualTo("${PayFunctionArn}");
        assertThat(pay.parameters().at("/Payload/greeting").asText()).isEqualTo("hello");
        assertThat(pay.location()).isEqualTo(new SourceLocation("load/statemachine/flow.asl.json", "/States/Pay", 4, 5));
    }

    @Test
    void the_callers_substitutions_win_over_the_templates() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/sam-template.yaml").stateMachine("OrderFlow")
                .substitution("PayFunctionArn", "arn:aws:lambda:eu-west-1:123456789012:function:pay")
                .substitution("Greeting", "hi").type(StateMachineType.STANDARD).load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.type()).isEqualTo(StateMachineType.STANDARD);
        TaskState pay = (TaskState) loaded.requireValid().state("Pay");
        assertThat(pay.parameters().get("FunctionName").asText()).endsWith(":function:pay");
        assertThat(pay.parameters().at("/Payload/greeting").asText()).isEqualTo("hi");
    }

    @Test
    void loads_an_inline_sam_definition_with_locations_in_the_template() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/sam-template.yaml").stateMachine("InlineFlow")
                .load();

        PassState hello = (PassState) loaded.requireValid().state("Hello");
        assertThat(hello.result().asText()).isEqualTo("hello");
        assertThat(hello.location()).isEqualTo(new SourceLocation("load/sam-template.yaml", "/States/Hello", 22, 11));
    }

    @Test
    void a_definition_string_is_substituted_as_text_and_located_inside_its_yaml_block() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/cfn-template.yaml").load();

        assertThat(loaded.diagnostics()).extracting(Diagnostic::code, Diagnostic::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.MISSING_END_STATE,
                        new SourceLocation("load/cfn-template.yaml", "/States", 10, 13)),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.MISSING_TRANSITION_TARGET,
                        new SourceLocation("load/cfn-template.yaml", "/States/Wait/Next", 11, 41)));
        assertThat(loaded.json().at("/States/Wait/Seconds").asInt()).isEqualTo(5);
    }

    @Test
    void a_one_line_definition_string_is_located_at_its_key() {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("load/cfn-template.json").load();

        assertThat(loaded.diagnostics()).extracting(Diagnostic::code, Diagnostic::pointer).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.MISSING_TRANSITION_TARGET, "/States/A/Next"),
                org.assertj.core.groups.Tuple.tuple(DiagnosticCode.MISSING_END_STATE, "/States"));
        assertThat(loaded.diagnostics()).allSatisfy(d -> {
            assertThat(d.location().line()).isEqualTo(6);
            assertThat(d.location().column()).isEqualTo(9);
        });
    }

    @Test
    void a_template_with_several_state_machines_needs_a_logical_id_and_lists_them() {
        assertThatThrownBy(() -> DefinitionLoader.fromClasspath("load/sam-template.yaml").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessage("load/sam-template.yaml has 2 state machines; choose one by its logical id: "
                        + "OrderFlow (AWS::Serverless::StateMachine), InlineFlow (AWS::Serverless::StateMachine)");
        assertThatThrownBy(() -> DefinitionLoader.fromClasspath("load/sam-template.yaml").stateMachine("Pay").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessageStartingWith("No state machine with logical id \"Pay\" in load/sam-template.yaml; "
                        + "its state machines: OrderFlow");
    }

    @Test
    void a_missing_source_is_an_exception_that_says_where_it_looked() {
        assertThatThrownBy(() -> DefinitionLoader.fromFile(Path.of("nowhere/orders.asl.json")).load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessageStartingWith("No such file: nowhere/orders.asl.json (looked for /");
        assertThatThrownBy(() -> DefinitionLoader.fromClasspath("nowhere.asl.json").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessageStartingWith("No classpath resource nowhere.asl.json");
    }

    @Test
    void require_valid_lists_every_error_with_its_place() {
        LoadedDefinition loaded = DefinitionLoader.fromString("""
                {"StartAt": "A",
                 "States": {"A": {"Type": "Pass", "Next": "B"}}}""").named("broken.asl.json").load();

        assertThatThrownBy(loaded::requireValid)
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage("""
                        broken.asl.json is not a valid state machine (2 errors):
                          broken.asl.json:2:2: error MISSING_END_STATE Workflow has no terminal state: give the last \
                        state "End": true, or end with a Succeed or Fail state (/States)
                          broken.asl.json:2:35: error MISSING_TRANSITION_TARGET Missing 'Next' target: "B" is not a \
                        state of the state machine (/States/A/Next)""");
    }

    @Test
    void yaml_without_a_yaml_name_is_recognised_from_its_text(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("definition.asl");
        Files.writeString(file, "StartAt: A\nStates:\n  A:\n    Type: Succeed\n");

        assertThat(DefinitionLoader.fromFile(file).load().isValid()).isTrue();
        assertThat(DefinitionLoader.fromString("StartAt: A\nStates: {A: {Type: Succeed}}").load().isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-vending-machine.asl.json", "bedrock-evaluations-jsonata.asl.json",
        "curbside-pickup.asl.yaml", "data-processing-parallel-map.asl.json",
        "distributed-data-stream-aggregator.asl.json", "human-task-reminder.asl.yaml",
        "security-incident-callback.asl.json"})
    void real_world_definitions_load_without_errors_with_placeholders_left_opaque(String file) {
        LoadedDefinition loaded = DefinitionLoader.fromClasspath("corpus/" + file).allowOpaquePlaceholders().load();

        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definition()).isNotNull();
    }

    @Test
    void a_repeated_state_inside_a_definition_string_is_reported_in_the_template() {
        String template = """
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: |
                        {"StartAt": "A", "States": {
                          "A": {"Type": "Succeed"},
                          "A": {"Type": "Succeed"}}}
                """;
        LoadedDefinition loaded = DefinitionLoader.fromString(template).named("template.yaml").load();

        assertThat(loaded.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_STATE_NAME);
            assertThat(d.location().file()).isEqualTo("template.yaml");
            assertThat(d.location().line()).isEqualTo(7);
        });
    }
}
