package dev.aslunit.internal.definition.load.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aslunit.internal.cli.Main;
import dev.aslunit.StateMachineType;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.definition.load.DefinitionLoader;
import dev.aslunit.internal.definition.load.DefinitionSourceException;
import dev.aslunit.internal.definition.load.LoadedDefinition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The loader and the CLI read a CDK app through this package. */
class CdkLoadingTest {

    private static final Path EXAMPLE = Path.of("examples/cdk-app/cdk.out");

    @Test
    void the_loader_validates_and_reads_a_state_machine_of_a_cdk_app() {
        LoadedDefinition loaded = DefinitionLoader.fromCdkApp(EXAMPLE).stateMachine("OrdersStack/OrderFlow").load();

        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.source()).isEqualTo("OrdersStack/OrderFlow in " + EXAMPLE.resolve("OrdersStack.template.json"));
        assertThat(loaded.type()).isEqualTo(StateMachineType.STANDARD);
        TaskState charge = (TaskState) loaded.requireValid().state("ChargeCard");
        assertThat(charge.resource()).isEqualTo("arn:aws:lambda:us-east-1:111111111111:function:ChargeCard3ED9622A");
        assertThat(charge.location().describe())
                .isEqualTo(EXAMPLE.resolve("OrdersStack.template.json") + ":270:14 (/States/ChargeCard)");
    }

    @Test
    void a_definition_loaded_from_a_cdk_app_carries_its_state_machine_with_the_app_resources() {
        CdkStateMachine flow = DefinitionLoader.fromCdkApp(EXAMPLE).stateMachine("OrdersStack/OrderFlow").load()
                .cdkStateMachine();

        assertThat(flow.constructPath()).isEqualTo("OrdersStack/OrderFlow");
        assertThat(flow.resourceByConstructPath().get("OrdersStack/ChargeCard").values())
                .containsEntry("Arn", "arn:aws:lambda:us-east-1:111111111111:function:ChargeCard3ED9622A");
    }

    @Test
    void a_definition_from_anywhere_else_has_no_cdk_state_machine() {
        Path template = Path.of("src/test/resources/cdk/request-response/RequestResponseTypescript.template.json");
        String asl = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

        assertThat(DefinitionLoader.fromCdkApp(template).load().cdkStateMachine()).isNotNull();
        assertThat(DefinitionLoader.fromClasspath("load/sam-template.yaml").stateMachine("InlineFlow").load()
                .cdkStateMachine()).isNull();
        assertThat(DefinitionLoader.fromString(asl).load().cdkStateMachine()).isNull();
        assertThat(DefinitionLoader.fromFile(Path.of("src/test/resources/load/orders.asl.yaml")).load()
                .cdkStateMachine()).isNull();
    }

    @Test
    void the_loader_takes_the_type_of_the_state_machine_from_the_template() {
        Path express = Path.of("src/test/resources/cdk/intrinsics/ObjectStack.template.json");
        assertThat(CdkApp.open(express).stateMachine(null).type()).isEqualTo(StateMachineType.EXPRESS);
        assertThat(DefinitionLoader.fromCdkApp(express).load().type()).isEqualTo(StateMachineType.EXPRESS);
        assertThat(DefinitionLoader.fromCdkApp(express).type(StateMachineType.STANDARD).load().type())
                .isEqualTo(StateMachineType.STANDARD);
    }

    @Test
    void the_loader_reports_a_wrong_selector_as_a_source_problem() {
        assertThatThrownBy(() -> DefinitionLoader.fromCdkApp(EXAMPLE).stateMachine("OrdersStack/Nope").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessageStartingWith("No state machine \"OrdersStack/Nope\" in " + EXAMPLE + ".");
    }

    @Test
    void a_cdk_template_is_read_as_a_cdk_app_from_its_file_and_otherwise_points_to_the_file() {
        Path template = Path.of("src/test/resources/cdk/request-response/RequestResponseTypescript.template.json");
        assertThat(DefinitionLoader.fromFile(template).load().cdkStateMachine()).isNotNull();
        assertThatThrownBy(() -> DefinitionLoader.fromClasspath(
                "cdk/request-response/RequestResponseTypescript.template.json").load())
                .isInstanceOf(DefinitionSourceException.class)
                .hasMessageEndingWith("for a template synthesized by the CDK, load it from its file "
                        + "(DefinitionLoader.fromFile or fromCdkApp; CLI: aslunit validate TEMPLATE --state-machine "
                        + "CONSTRUCT_PATH), which resolves them");
    }

    @Test
    void a_cloud_assembly_is_a_cdk_out_directory_or_a_template_next_to_its_manifest() {
        assertThat(CdkApp.isCloudAssembly(EXAMPLE)).isTrue();
        assertThat(CdkApp.isCloudAssembly(EXAMPLE.resolve("OrdersStack.template.json"))).isTrue();
        assertThat(CdkApp.isCloudAssembly(Path.of("examples/cdk-app/definitions/refund.asl.json"))).isFalse();
        assertThat(CdkApp.isCloudAssembly(Path.of("src/test/resources/cdk/broken"))).isFalse();
    }

    @Test
    void aslunit_validate_takes_cdk_out_and_a_construct_path() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "validate", EXAMPLE.toString(),
                "--state-machine", "OrdersStack/RefundFlow");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("OrdersStack/RefundFlow in " + EXAMPLE.resolve("OrdersStack.template.json") + ": valid");
    }

    @Test
    void aslunit_validate_lists_the_state_machines_when_none_is_chosen() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "validate", EXAMPLE.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("aslunit validate: " + EXAMPLE + " has 2 state machines; choose one by "
                + "its construct path (or logical id):\n  OrdersStack/OrderFlow ");
    }

    @Test
    void aslunit_run_runs_a_state_machine_of_cdk_out() {
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "run", EXAMPLE.toString(),
                "--state-machine", "OrdersStack/OrderFlow", "--input", "{\"orderId\":\"o-1\"}");

        // No mocks on the command line: the first task has nobody to answer it, with its resolved table name.
        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).contains("\"TableName\":\"OrdersA9B65338\"");
    }
}
