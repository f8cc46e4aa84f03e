package dev.aslunit.internal.verify;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;
import static dev.aslunit.mock.TaskResults.httpResponse;

import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.testkit.TestKitOnly;
import org.junit.jupiter.api.Test;

/** Ordinary ASLUnit tests, run by {@link VerifyModeTest} with and without verify mode: nothing in them knows. */
final class VerifyFixtures {

    private VerifyFixtures() {
    }

    @TestKitOnly
    @StepFunctionTest(definition = "examples/order-processing/order-processing.asl.json")
    static class Orders {

        @Test
        void a_throttled_payment_is_retried_and_the_order_ships(StateMachineUnderTest sfn) {
            sfn.mock("ValidateOrder").returns("{\"valid\": true}");
            sfn.mock("ChargePayment").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(2)
                    .thenReturns("{\"paymentId\": \"pay-1\"}");
            sfn.mock("ShipOrder").returns(httpResponse(201, "{\"trackingId\": \"TRK-9\"}"));

            assertThat(sfn.run("{\"orderId\": \"o-17\", \"total\": 250}")).succeeded()
                    .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "ShipOrder", "Done");
        }

        @Test
        void a_declined_payment_is_caught_and_the_customer_told(StateMachineUnderTest sfn) {
            sfn.mock("ValidateOrder").returns("{\"valid\": true}");
            sfn.mock("ChargePayment").fails("Payment.Declined", "card expired");
            sfn.mock("NotifyCustomer").returns("{}");

            assertThat(sfn.run("{\"orderId\": \"o-18\", \"total\": 90}")).failedWith("PaymentFailed")
                    .tookPath("ValidateOrder", "NeedsApproval", "ChargePayment", "NotifyCustomer", "PaymentFailed");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = "verify/fan-out.asl.json")
    static class FanOut {

        @Test
        void prices_labels_and_reserves_each_item(StateMachineUnderTest sfn) {
            sfn.mock("Price").returns("{\"total\": 42}");
            sfn.mock("Reserve").fails("Stock.Busy", "try again").thenReturns("{\"reserved\": true}");

            assertThat(sfn.run("{\"orderId\": \"o-1\", \"items\": [\"a\", \"b\"]}")).succeeded()
                    .hasOutputAt("$.both[1].label", "o-1 in EUR");
        }

        @Test
        void an_item_out_of_stock_fails_the_map_into_its_catcher(StateMachineUnderTest sfn) {
            sfn.mock("Price").returns("{\"total\": 42}");
            sfn.mock("Reserve").fails("Stock.Gone", "no more");

            assertThat(sfn.run("{\"orderId\": \"o-2\", \"items\": [\"a\"]}")).succeeded()
                    .tookPath("Prepare", "Stamp", "Both", "EachItem", "SoldOut");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = "verify/charge.asl.json")
    static class Charge {

        @Test
        void a_busy_card_is_charged_on_the_retry(StateMachineUnderTest sfn) {
            sfn.mock("Charge").fails("Card.Busy", "try later").thenReturns("{\"ok\": true}");

            assertThat(sfn.run("{\"id\": 1}")).succeeded().tookPath("Charge", "Done");
        }
    }

    @TestKitOnly
    @StepFunctionTest(definition = "verify/context.asl.json")
    static class Context {

        @Test
        void the_context_object_is_read_on_a_retry_and_a_failed_check_is_tolerated(StateMachineUnderTest sfn) {
            sfn.mock("Charge").fails("Card.Busy", "try later").thenReturns("{\"ok\": true}");
            sfn.mock("Check").fails("Check.Failed", "item 0 is bad").thenReturns("{\"fine\": true}");
            sfn.mock("Named").returns("\"hello\"");

            assertThat(sfn.run("{\"items\": [\"a\", \"b\", \"c\"]}")).succeeded()
                    .hasOutputAt("$.charge.retries", 1)
                    .hasOutputAt("$.checked[0].Error", "Check.Failed");
        }
    }
}
