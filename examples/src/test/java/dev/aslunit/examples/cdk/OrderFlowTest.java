package dev.aslunit.examples.cdk;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.mock.TaskMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order workflow of examples/cdk-app, tested straight from its synthesized cdk.out: the Lambda
 * function is mocked by its construct path in the CDK app, not by a hand-copied ARN.
 */
@StepFunctionTest(cdkOut = "examples/cdk-app/cdk.out", stateMachine = "OrdersStack/OrderFlow")
class OrderFlowTest {

    @BeforeEach
    void the_order_table_works(StateMachineUnderTest sfn) {
        sfn.mock("SaveOrder").returns("{}");
    }

    @Test
    void a_paid_order_is_queued_for_shipping_with_its_charge(StateMachineUnderTest sfn) {
        TaskMock chargeCard = sfn.mockResource("OrdersStack/ChargeCard").returns("{\"chargeId\": \"ch-o-1\"}");
        TaskMock shipOrder = sfn.mock("ShipOrder").returns("{\"MessageId\": \"m-1\"}");

        Execution execution = sfn.run("{\"orderId\": \"o-1\", \"total\": 42}");

        assertThat(execution).succeeded();
        assertThat(chargeCard).wasCalled(1);
        assertThat(shipOrder).wasCalled(1)
                .withInputAt("$.QueueUrl", "https://sqs.us-east-1.amazonaws.com/111111111111/ShippingQueue710A7713")
                .withInputAt("$.MessageBody.chargeId", "ch-o-1");
    }

    @Test
    void a_declined_card_marks_the_order_and_alerts_the_shared_topic(StateMachineUnderTest sfn) {
        sfn.mockResource("OrdersStack/ChargeCard").fails("CardDeclined", "insufficient funds");
        sfn.mock("MarkFailed").returns("{}");
        TaskMock alert = sfn.mock("AlertPaymentFailed").returns("{\"MessageId\": \"m-2\"}");

        Execution execution = sfn.run("{\"orderId\": \"o-2\", \"total\": 42}");

        assertThat(execution).failedWith("PaymentFailed");
        assertThat(alert).wasCalled(1);
    }
}
