package dev.aslunit;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.internal.definition.load.DefinitionLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PreparedStateMachineTest {

    private static final String STAGE_APP = "src/test/resources/cdk/stage-app";

    private final Map<Object, PreparedStateMachine> cache = new HashMap<>();
    private final BiFunction<Object, Supplier<PreparedStateMachine>, PreparedStateMachine> viaCache =
            (key, prepare) -> cache.computeIfAbsent(key, k -> prepare.get());

    @Test
    void a_mock_of_a_cdk_resource_by_construct_path_answers_the_task_calling_its_arn() {
        PreparedStateMachine orderFlow = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition(STAGE_APP).logicalId("Prod/OrdersStack/OrderFlow").build(), PreparedStateMachineTest.class);

        for (String constructPath : new String[] {"Prod/OrdersStack/ChargeCard", "Prod/OrdersStack/ChargeCard/Resource"}) {
            StateMachineUnderTest sfn = orderFlow.newTest();
            sfn.mockResource(constructPath).returns("{\"charged\": true}");

            assertThat(sfn.run("{}")).succeeded().hasOutput("{\"charged\": true}");
        }
        assertThat(orderFlow.resource("arn:aws:lambda:*:*:function:*")).isEqualTo("arn:aws:lambda:*:*:function:*");
        assertThat(orderFlow.resource("Prod/OrdersStack/ChargeCard"))
                .isEqualTo("arn:aws:lambda:eu-central-1:444455556666:function:ChargeCard3ED9622A");
    }

    @Test
    void a_definition_without_a_cdk_app_leaves_resources_as_they_are() {
        PreparedStateMachine orders = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder()
                .definition("orders.asl.json").build(), PreparedStateMachineTest.class);

        assertThat(orders.resource("Prod/OrdersStack/ChargeCard")).isEqualTo("Prod/OrdersStack/ChargeCard");
    }

    @Test
    void anchors_in_different_packages_finding_the_same_classpath_root_resource_share_one_compiled_definition() {
        StepFunctionsConfig inline = StepFunctionsConfig.newBuilder().definition("load/sam-template.yaml")
                .logicalId("InlineFlow").build();

        PreparedStateMachine here = PreparedStateMachine.prepare(inline, PreparedStateMachineTest.class, viaCache);
        PreparedStateMachine there = PreparedStateMachine.prepare(inline, DefinitionLoader.class, viaCache);
        PreparedStateMachine rooted = PreparedStateMachine.prepare(inline.toBuilder()
                .definition("/load/sam-template.yaml").build(), DefinitionLoader.class, viaCache);

        assertThat(there).isSameAs(here);
        assertThat(rooted).isSameAs(here);
        assertThat(cache).hasSize(1);
    }

    @Test
    void what_changes_the_compiled_machine_keeps_it_apart() {
        StepFunctionsConfig inline = StepFunctionsConfig.newBuilder().definition("load/sam-template.yaml")
                .logicalId("InlineFlow").build();

        PreparedStateMachine hello = PreparedStateMachine.prepare(inline, PreparedStateMachineTest.class, viaCache);
        PreparedStateMachine bonjour = PreparedStateMachine.prepare(inline.toBuilder()
                .substitutions(Map.of("Greeting", "bonjour")).build(), PreparedStateMachineTest.class, viaCache);
        PreparedStateMachine express = PreparedStateMachine.prepare(inline.toBuilder()
                .type(StateMachineType.EXPRESS).build(), PreparedStateMachineTest.class, viaCache);

        assertThat(cache).hasSize(3);
        assertThat(hello.newTest().run("{}")).hasOutput("\"hello\"");
        assertThat(bonjour.newTest().run("{}")).hasOutput("\"bonjour\"");
        assertThat(express.type()).isEqualTo(StateMachineType.EXPRESS);
    }

    @Test
    void a_placeholder_without_a_value_says_how_a_test_gives_one_and_can_stay_opaque(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("pay.asl.json"), """
                {"StartAt": "Pay", "States": {"Pay": {"Type": "Task", "Resource": "${PayFunctionArn}", "End": true}}}""");
        StepFunctionsConfig config = StepFunctionsConfig.newBuilder().definition(file).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PreparedStateMachine.prepare(config, null))
                .hasMessageContaining("No value for the substitution ${PayFunctionArn}: give one"
                        + " (@StepFunctionTest(substitutions = \"PayFunctionArn=VALUE\") or"
                        + " StepFunctionsConfig.Builder#substitution(\"PayFunctionArn\", VALUE); in Cucumber,"
                        + " Given the substitutions: | PayFunctionArn | VALUE |; or let placeholders stay opaque with"
                        + " allowPlaceholders = true)")
                .hasMessageNotContaining("--substitution");

        StateMachineUnderTest sfn = PreparedStateMachine.prepare(config.toBuilder().allowPlaceholders(true).build(), null)
                .newTest();
        sfn.mock("Pay").returns("{\"paid\": true}");
        assertThat(sfn.run("{}")).succeeded().hasOutput("{\"paid\": true}");
    }
}
