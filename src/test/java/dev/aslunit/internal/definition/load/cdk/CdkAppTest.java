package dev.aslunit.internal.definition.load.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.internal.definition.DefinitionReader;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.TaskState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A whole cdk.out (the example app), stages, imports, assets and the corpus fixtures. */
class CdkAppTest {

    private static final Path EXAMPLE = Path.of("examples/cdk-app/cdk.out");
    private static final Path FIXTURES = Path.of("src/test/resources/cdk");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void lists_the_state_machines_of_every_stack_of_the_app() {
        assertThat(CdkApp.open(EXAMPLE).stateMachines()).containsExactly("OrdersStack/OrderFlow", "OrdersStack/RefundFlow");
    }

    @ParameterizedTest
    @CsvSource({"OrdersStack/OrderFlow", "OrdersStack/OrderFlow/Resource", "/OrdersStack/OrderFlow", "OrderFlowA028A46E",
        "OrdersStack/OrderFlowA028A46E"})
    void selects_by_construct_path_with_or_without_resource_or_by_logical_id(String selector) {
        CdkStateMachine flow = CdkApp.open(EXAMPLE).stateMachine(selector);
        assertThat(flow.constructPath()).isEqualTo("OrdersStack/OrderFlow");
        assertThat(flow.logicalId()).isEqualTo("OrderFlowA028A46E");
        assertThat(flow.stackName()).isEqualTo("OrdersStack");
        assertThat(flow.template()).isEqualTo(Path.of("examples/cdk-app/cdk.out/OrdersStack.template.json").toString());
        assertThat(flow.source()).isEqualTo("OrdersStack/OrderFlow in " + flow.template());
    }

    @Test
    void resolves_the_order_flow_tokens_including_the_cross_stack_import() {
        JsonNode d = CdkApp.open(EXAMPLE).stateMachine("OrdersStack/OrderFlow").definition();
        assertThat(d.at("/States/SaveOrder/Resource").asText()).isEqualTo("arn:aws:states:::dynamodb:putItem");
        assertThat(d.at("/States/SaveOrder/Parameters/TableName").asText()).isEqualTo("OrdersA9B65338");
        assertThat(d.at("/States/ChargeCard/Resource").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:ChargeCard3ED9622A");
        assertThat(d.at("/States/ShipOrder/Parameters/QueueUrl").asText())
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/ShippingQueue710A7713");
        assertThat(d.at("/States/AlertPaymentFailed/Parameters/TopicArn").asText())
                .isEqualTo("arn:aws:sns:us-east-1:123456789012:Alerts91F83244");
    }

    @Test
    void maps_resolved_values_back_to_the_construct_paths_of_their_resources_across_stacks() {
        CdkStateMachine flow = CdkApp.open(EXAMPLE).stateMachine("OrdersStack/OrderFlow");
        assertThat(flow.constructPathOf("arn:aws:lambda:us-east-1:123456789012:function:ChargeCard3ED9622A"))
                .hasValue("OrdersStack/ChargeCard");
        assertThat(flow.constructPathOf("arn:aws:lambda:us-east-1:123456789012:function:ChargeCard3ED9622A:$LATEST"))
                .hasValue("OrdersStack/ChargeCard");
        assertThat(flow.constructPathOf("ChargeCard3ED9622A")).hasValue("OrdersStack/ChargeCard");
        assertThat(flow.constructPathOf("https://sqs.us-east-1.amazonaws.com/123456789012/ShippingQueue710A7713"))
                .hasValue("OrdersStack/ShippingQueue");
        assertThat(flow.constructPathOf("OrdersA9B65338")).hasValue("OrdersStack/Orders");
        assertThat(flow.constructPathOf("arn:aws:sns:us-east-1:123456789012:Alerts91F83244")).hasValue("SharedStack/Alerts");
        assertThat(flow.constructPathOf("arn:aws:lambda:us-east-1:123456789012:function:Other")).isEmpty();

        CdkResource charge = flow.resourceByConstructPath().get("OrdersStack/ChargeCard");
        assertThat(charge.logicalId()).isEqualTo("ChargeCard3ED9622A");
        assertThat(charge.type()).isEqualTo("AWS::Lambda::Function");
        assertThat(charge.stackName()).isEqualTo("OrdersStack");
        assertThat(charge.values()).containsEntry("Arn", "arn:aws:lambda:us-east-1:123456789012:function:ChargeCard3ED9622A")
                .containsEntry("Ref", "ChargeCard3ED9622A");
        assertThat(flow.resourceByConstructPath()).containsKeys("OrdersStack/OrderFlow", "OrdersStack/RefundFlow",
                "SharedStack/Alerts");
    }

    @Test
    void the_model_reader_takes_the_definition_with_locations_in_the_template() {
        CdkStateMachine flow = CdkApp.open(EXAMPLE).stateMachine("OrdersStack/OrderFlow");
        StateMachineDefinition model = DefinitionReader.read(flow.definition(), flow.locator());
        assertThat(model.states()).containsOnlyKeys("SaveOrder", "ChargeCard", "ShipOrder", "Shipped", "MarkFailed",
                "AlertPaymentFailed", "PaymentFailed");
        assertThat(((TaskState) model.state("ChargeCard")).retry()).hasSize(2);
        assertThat(model.states().get("ChargeCard").location().describe())
                .isEqualTo(flow.template() + ":270:14 (/States/ChargeCard)");
    }

    @Test
    void reads_a_definition_s3_location_asset_and_applies_its_substitutions() throws Exception {
        CdkStateMachine refund = CdkApp.open(EXAMPLE).stateMachine("OrdersStack/RefundFlow");
        JsonNode expected = MAPPER.readTree(Path.of("examples/cdk-app/definitions/refund.asl.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/States/ReverseCharge/Parameters"))
                .put("FunctionName", "arn:aws:lambda:us-east-1:123456789012:function:ChargeCard3ED9622A");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/States/MarkRefunded/Parameters"))
                .put("TableName", "OrdersA9B65338");
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected.at("/States/Notify/Parameters"))
                .put("TopicArn", "arn:aws:sns:us-east-1:123456789012:Alerts91F83244");
        assertThat(refund.definition()).isEqualTo(expected);
        assertThat(refund.locator().locate("/States/MarkRefunded").file())
                .isEqualTo(EXAMPLE.resolve("asset.b78559318cc54979961692472f7f456d437642942559a95b60d123a9b8152d7d.json")
                        .toString());
        assertThat(refund.locator().locate("/States/MarkRefunded").line()).isEqualTo(13);
        assertThat(refund.locator().locate("/States/MarkRefunded").column()).isEqualTo(5);
    }

    @Test
    void a_stage_is_a_nested_assembly_whose_stack_environment_and_manifest_metadata_are_used() {
        CdkApp app = CdkApp.open(FIXTURES.resolve("stage-app"));
        assertThat(app.stateMachines()).containsExactly("Prod/OrdersStack/OrderFlow", "Prod/OrdersStack/RefundFlow");
        CdkStateMachine flow = app.stateMachine("Prod/OrdersStack/OrderFlow");
        assertThat(flow.definition().at("/States/Charge/Resource").asText())
                .isEqualTo("arn:aws:lambda:eu-central-1:444455556666:function:ChargeCard3ED9622A");
        assertThat(flow.definition().at("/States/Charge/Comment").asText()).isEqualTo("Prod-OrdersStack");
        assertThat(flow.constructPathOf("arn:aws:lambda:eu-central-1:444455556666:function:ChargeCard3ED9622A"))
                .hasValue("Prod/OrdersStack/ChargeCard");
        assertThat(app.withRegion("us-west-2").stateMachine("Prod/OrdersStack/OrderFlow").definition()
                .at("/States/Charge/Resource").asText())
                .isEqualTo("arn:aws:lambda:us-west-2:444455556666:function:ChargeCard3ED9622A");
    }

    @Test
    void a_nested_stack_is_found_through_the_asset_manifest_and_its_parameters_resolve_in_its_parent() {
        CdkApp app = CdkApp.open(FIXTURES.resolve("synthesized-app"));
        assertThat(app.stateMachines()).containsExactly("Prod/OrdersStack/Flow", "ParentStack/ParentFlow",
                "ParentStack/Inner/InnerFlow");

        CdkStateMachine inner = app.stateMachine("ParentStack/Inner/InnerFlow");
        assertThat(inner.stackName()).isEqualTo("ParentStack-InnerNestedStackInnerNestedStackResource745E041B");
        assertThat(inner.definition().at("/States/Send/Parameters/QueueUrl").asText())
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/Queue4A7E3555");
        assertThat(inner.constructPathOf("https://sqs.us-east-1.amazonaws.com/123456789012/Queue4A7E3555"))
                .hasValue("ParentStack/Queue");
        assertThat(inner.unresolvedTokens()).isEmpty();
    }

    @Test
    void a_parent_template_given_alone_offers_its_nested_stacks_state_machines() {
        assertThat(CdkApp.open(FIXTURES.resolve("synthesized-app/ParentStack.template.json")).stateMachines())
                .containsExactly("ParentStack/ParentFlow", "ParentStack/Inner/InnerFlow");
    }

    @Test
    void a_get_att_of_a_nested_stack_output_resolves_in_the_nested_stack() {
        CdkStateMachine parent = CdkApp.open(FIXTURES.resolve("synthesized-app")).stateMachine("ParentStack/ParentFlow");
        String functionName = parent.definition().at("/States/CallInner/Parameters/FunctionName").asText();
        assertThat(functionName).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:InnerFnA982B017");
        assertThat(parent.constructPathOf(functionName)).hasValue("ParentStack/Inner/InnerFn");
    }

    @Test
    void a_synthesized_stage_uses_its_environment() {
        assertThat(CdkApp.open(FIXTURES.resolve("synthesized-app")).stateMachine("Prod/OrdersStack/Flow").definition()
                .at("/States/P/Type").asText()).isEqualTo("Pass");
        assertThat(CdkApp.open(FIXTURES.resolve("synthesized-app")).stateMachine("Prod/OrdersStack/Flow")
                .resourceByConstructPath().get("Prod/OrdersStack/Flow").values())
                .containsEntry("Arn", "arn:aws:states:eu-central-1:444455556666:stateMachine:FlowA74D6E88");
    }

    @Test
    void an_asset_is_found_next_to_the_template_when_there_is_no_asset_manifest() {
        JsonNode d = CdkApp.open(FIXTURES.resolve("stage-app")).stateMachine("Prod/OrdersStack/RefundFlow").definition();
        assertThat(d.at("/States/Refund/Resource").asText())
                .isEqualTo("arn:aws:lambda:eu-central-1:444455556666:function:ChargeCard3ED9622A");
    }

    @Test
    void fn_import_value_resolves_through_a_sibling_template_that_exports_it() throws Exception {
        CdkStateMachine flow = CdkApp.open(FIXTURES.resolve(
                "api-gateway/StepFunctionsApiGatewayCdkTypescriptStack.template.json")).stateMachine(null);
        assertThat(flow.definition()).isEqualTo(MAPPER.readTree(FIXTURES.resolve(
                "api-gateway/StepFunctionsApiGatewayCdkTypescriptStack.StepFunctionWithAPIE32E23E1.asl.json").toFile()));
        assertThat(flow.constructPathOf("8e3ebf4d5f")).hasValue("APIStack/petStoreApi");
        assertThat(flow.unresolvedTokens()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "request-response/RequestResponseTypescript.template.json, RequestResponseTypescript/RequestResponse, "
                + "request-response/RequestResponseTypescript.RequestResponseACC1EB85.asl.json",
        "selective-checkpointing/SelectiveCheckpointingStack.template.json, "
                + "SelectiveCheckpointingStack/ChildStateMachine/ChildStateMachine, "
                + "selective-checkpointing/SelectiveCheckpointingStack.ChildStateMachine5373F83D.asl.json",
        "selective-checkpointing/SelectiveCheckpointingStack.template.json, "
                + "SelectiveCheckpointingStack/ParentStateMachine/ParentStateMachine, "
                + "selective-checkpointing/SelectiveCheckpointingStack.ParentStateMachine6D1254B5.asl.json",
        "emr-serverless/StepFunctionsEMRServerlessStack.template.json, "
                + "StepFunctionsEMRServerlessStack/emr-serverless-state-machine, "
                + "emr-serverless/StepFunctionsEMRServerlessStack.emrserverlessstatemachine219A3157.asl.json",
        "image-processing/ImageProcessingAppStack.template.json, ImageProcessingAppStack/StateMachine, "
                + "image-processing/ImageProcessingAppStack.StateMachine2E01A3A5.asl.json",
        "eks-inventory/SfnEksInventoryStack.template.json, SfnEksInventoryStack/StateMachineFromFile, "
                + "eks-inventory/SfnEksInventoryStack.StateMachineFromFileEBBD71A2.asl.json",
    })
    void templates_synthesized_from_real_apps_resolve_to_their_expected_definitions(String template, String path,
            String expected) throws Exception {
        assertThat(CdkApp.open(FIXTURES.resolve(template)).stateMachine(path).definition())
                .isEqualTo(MAPPER.readTree(FIXTURES.resolve(expected).toFile()));
    }
}
