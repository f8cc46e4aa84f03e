package com.example.quote;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.mock.TaskMock;
import org.junit.jupiter.api.Test;

/** A JSONata workflow: variables assigned from a task result, computed in a Pass, tested in a Choice. */
@StepFunctionTest(definition = "examples/jsonata-quote/quote.asl.json")
class QuoteTest {

    static final String CART = """
        {"customerId": "c-1", "items": [{"sku": "mug", "price": 12.5, "quantity": 2}, {"sku": "tea", "price": 30, "quantity": 2}]}""";

    @Test
    void a_gold_customer_gets_ten_percent_off_and_free_shipping(StateMachineUnderTest sfn) {
        TaskMock customers = sfn.mock("LoadCustomer").returns("""
            {"Item": {"id": {"S": "c-1"}, "tier": {"S": "gold"}}}""");

        Execution execution = sfn.run(CART);

        assertThat(execution).succeeded()
                .tookPath("LoadCustomer", "PriceCart", "FreeShipping?", "Quote")
                .hasOutput("""
                    {"customerId": "c-1", "subtotal": 85, "discount": 8.5, "shipping": 0, "total": 76.5}""");
        assertThat(execution).state("LoadCustomer").hasVariable("tier", "gold");
        assertThat(execution).state("PriceCart").hasVariable("subtotal", 85).hasVariable("discount", 0.1);
        assertThat(execution).state("FreeShipping?").choseBranch("Quote").hasVariable("shipping", 0);
        assertThat(customers).wasCalled(1).withInputAt("$.Key.id.S", "c-1");
    }

    @Test
    void an_unknown_customer_pays_the_standard_price_and_shipping(StateMachineUnderTest sfn) {
        sfn.mock("LoadCustomer").returns("{}");

        Execution execution = sfn.run("""
            {"customerId": "c-404", "items": [{"sku": "mug", "price": 12.5, "quantity": 1}]}""");

        assertThat(execution).succeeded()
                .tookPath("LoadCustomer", "PriceCart", "FreeShipping?", "AddShipping", "Quote")
                .hasOutputAt("$.total", 17.49);
        assertThat(execution).state("LoadCustomer").hasVariable("tier", "standard");
        assertThat(execution).state("FreeShipping?").choseBranch("AddShipping");
    }
}
