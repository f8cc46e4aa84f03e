package dev.aslunit.internal.definition.load.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.cli.Main;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import dev.aslunit.internal.validation.DiagnosticCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cdk synth > template.yaml}, or one stack's template, loads like a cdk.out. */
class SingleTemplateTest {

    private static final Path YAML = Path.of("src/test/resources/cdk/single-template/template.yaml");

    @Test
    void a_synthesized_yaml_template_loads_by_construct_path_with_its_tokens_resolved() {
        LoadedDefinition loaded = DefinitionLoader.fromFile(YAML).stateMachine("OrdersStack/OrderFlow")
                .allowOpaquePlaceholders().load();

        assertThat(loaded.diagnostics()).isEmpty();
        TaskState charge = (TaskState) loaded.requireValid().state("Charge");
        assertThat(charge.resource()).isEqualTo("arn:aws:states:::lambda:invoke");
        assertThat(charge.parameters().get("FunctionName").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:ChargeCard3ED9622A");
        assertThat(loaded.cdkStateMachine().constructPathOf(charge.parameters().get("FunctionName").asText()))
                .contains("OrdersStack/ChargeCard");
    }

    @Test
    void an_import_from_another_stack_stays_opaque_with_a_note_instead_of_an_error() {
        LoadedDefinition loaded = DefinitionLoader.fromFile(YAML).stateMachine("OrderFlowA028A46E").load();

        assertThat(loaded.isValid()).isTrue();
        TaskState notify = (TaskState) loaded.definition().state("Notify");
        assertThat(notify.parameters().get("TopicArn").asText())
                .isEqualTo("${Token[ImportValue.SharedStack:AlertsTopicArn]}");
        assertThat(loaded.cdkStateMachine().unresolvedTokens()).singleElement()
                .satisfies(t -> assertThat(t.reason()).contains("no stack of this app exports"));
    }

    @Test
    void diagnostics_point_into_the_yaml_template() {
        LoadedDefinition loaded = DefinitionLoader.fromFile(YAML).stateMachine("OrdersStack/RefundFlow").load();

        assertThat(loaded.errors()).extracting(d -> d.code(), d -> d.location().file())
                .contains(org.assertj.core.groups.Tuple.tuple(DiagnosticCode.MISSING_TRANSITION_TARGET,
                        YAML.toString()));
        assertThat(loaded.errors()).allSatisfy(d -> assertThat(d.location().line()).isEqualTo(31));
    }

    @Test
    void a_wrong_construct_path_lists_the_state_machines_of_the_template() {
        assertThatThrownBy(() -> DefinitionLoader.fromFile(YAML).stateMachine("OrdersStack/OrderFlw").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessageContaining("OrdersStack/OrderFlow")
                .hasMessageContaining("OrdersStack/RefundFlow");
    }

    @Test
    void a_json_template_copied_out_of_cdk_out_loads_by_construct_path(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("stack.json");
        Files.copy(Path.of("src/test/resources/cdk/request-response/RequestResponseTypescript.template.json"),
                template);

        LoadedDefinition loaded = DefinitionLoader.fromFile(template)
                .stateMachine("RequestResponseTypescript/RequestResponse").load();

        assertThat(loaded.isValid()).isTrue();
        assertThat(loaded.cdkStateMachine()).isNotNull();
    }

    @Test
    void the_cli_validates_a_single_template_and_notes_what_stays_opaque() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", YAML.toString(),
                "--state-machine", "OrdersStack/OrderFlow");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("note ${Token[ImportValue.SharedStack:AlertsTopicArn]} stays opaque")
                .contains(": valid");
    }
}
