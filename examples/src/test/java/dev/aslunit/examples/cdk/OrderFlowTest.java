package dev.aslunit.examples.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aslunit.clock.VirtualScheduler;
import dev.aslunit.definition.StateMachineDefinition;
import dev.aslunit.definition.load.DefinitionLoader;
import dev.aslunit.definition.load.cdk.CdkApp;
import dev.aslunit.definition.load.cdk.CdkStateMachine;
import dev.aslunit.engine.CompiledStateMachine;
import dev.aslunit.engine.ExecutionOptions;
import dev.aslunit.engine.ExecutionRun;
import dev.aslunit.engine.ExecutionStatus;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskMocks;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The order workflow of examples/cdk-app, tested straight from its synthesized cdk.out: the Lambda
 * function is mocked by its construct path in the CDK app, not by a hand-copied ARN.
 */
class OrderFlowTest {

    private static final Path CDK_OUT = Path.of("examples/cdk-app/cdk.out");
    private static final String ORDER_FLOW = "OrdersStack/OrderFlow";

    private final CdkStateMachine app = CdkApp.open(CDK_OUT).stateMachine(ORDER_FLOW);
    private final StateMachineDefinition definition =
            DefinitionLoader.fromCdkApp(CDK_OUT).stateMachine(ORDER_FLOW).load().requireValid();
    private final TaskMocks mocks = TaskMocks.forDefinition(definition, app.source());

    @Test
    void a_paid_order_is_queued_for_shipping_with_its_charge() throws Exception {
        mocks.mock("SaveOrder").returns("{}");
        TaskMock chargeCard = mocks.mockResource(arnOf("OrdersStack/ChargeCard")).returns("{\"chargeId\":\"ch-o-1\"}");
        TaskMock shipOrder = mocks.mock("ShipOrder").returns("{\"MessageId\":\"m-1\"}");

        ExecutionRun run = run("{\"orderId\":\"o-1\",\"total\":42}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(chargeCard.callCount()).isEqualTo(1);
        assertThat(shipOrder.calls().get(0).parameters().get("QueueUrl").asText())
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/ShippingQueue710A7713");
        assertThat(app.constructPathOf(shipOrder.calls().get(0).parameters().get("QueueUrl").asText()))
                .hasValue("OrdersStack/ShippingQueue");
        assertThat(shipOrder.calls().get(0).parameters().get("MessageBody").toString())
                .isEqualTo("{\"orderId\":\"o-1\",\"chargeId\":\"ch-o-1\"}");
    }

    @Test
    void a_declined_card_marks_the_order_and_alerts_the_shared_topic() throws Exception {
        mocks.mock("SaveOrder").returns("{}");
        mocks.mockResource(arnOf("OrdersStack/ChargeCard")).fails("CardDeclined", "insufficient funds");
        mocks.mock("MarkFailed").returns("{}");
        TaskMock alert = mocks.mock("AlertPaymentFailed").returns("{\"MessageId\":\"m-2\"}");

        ExecutionRun run = run("{\"orderId\":\"o-2\",\"total\":42}");

        assertThat(run.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(run.error()).isEqualTo("PaymentFailed");
        assertThat(app.constructPathOf(alert.calls().get(0).parameters().get("TopicArn").asText()))
                .hasValue("SharedStack/Alerts");
    }

    /** The ARN the synthesized template gives the Lambda function at this construct path. */
    private String arnOf(String constructPath) {
        return app.resourceByConstructPath().get(constructPath).values().get("Arn");
    }

    private ExecutionRun run(String input) throws Exception {
        return CompiledStateMachine.compile(definition, "OrderFlow")
                .start(ExecutionOptions.builder().input(new ObjectMapper().readTree(input)).taskHandler(mocks).build(),
                        new VirtualScheduler(Instant.parse("2025-01-01T00:00:00Z")))
                .awaitCompletion();
    }
}
