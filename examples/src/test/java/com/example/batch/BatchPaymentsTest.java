package com.example.batch;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskResults;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map charges the invoices two at a time and tolerates one declined card; an inline
 * Map then sends the receipts, two at a time.
 */
@StepFunctionTest(definition = "examples/batch-payments/batch-payments.asl.json")
class BatchPaymentsTest {

    static final String BATCH = """
        {"batchId": "b-7", "invoices": [{"id": "inv-1"}, {"id": "inv-2"}, {"id": "inv-3"}, {"id": "inv-4"}]}""";

    TaskMock receipts;

    @BeforeEach
    void receipts_and_reports_work(StateMachineUnderTest sfn) {
        receipts = sfn.mock("SendReceipt").answers(call -> TaskResults.json(
                "{\"sentTo\": \"" + call.input().get("id").asText() + "\"}")).after(Duration.ofSeconds(2));
        sfn.mock("ReportBatch").returns("""
            {"reportUrl": "s3://reports/b-7.csv"}""");
    }

    @Test
    void every_invoice_is_charged_and_every_customer_gets_a_receipt(StateMachineUnderTest sfn) {
        TaskMock charge = sfn.mock("Charge").returns("""
            {"invoiceId": "inv", "paymentId": "pay"}""");

        Execution execution = sfn.run(BATCH);

        assertThat(execution).succeeded()
                .tookPath("ChargeInvoices", "SendReceipts", "ReportBatch")
                .hasOutputAt("$.receipts[3].sentTo", "inv-4")
                .hasOutputAt("$.report.reportUrl", "s3://reports/b-7.csv")
                .tookVirtualTime(Duration.ofSeconds(4));
        assertThat(execution).state("SendReceipts")
                .hadIterations(4)
                .iterationTookPath(3, "SendReceipt")
                .hasMaxConcurrencyObserved(2);
        assertThat(charge).wasCalled(4).withInputAt("$.batchId", "b-7");
        assertThat(receipts).wasCalled(4);
    }

    @Test
    void one_declined_card_is_tolerated(StateMachineUnderTest sfn) {
        sfn.mock("Charge")
                .when("$.invoice.id", "inv-2").fails("Card.Declined", "insufficient funds")
                .otherwise().returns("""
                    {"invoiceId": "inv", "paymentId": "pay"}""");

        Execution execution = sfn.run(BATCH);

        assertThat(execution).succeeded().neverEntered("BatchRejected");
        assertThat(execution).state("ChargeInvoices").wasNotRetried();
    }

    @Test
    void two_declined_cards_reject_the_batch(StateMachineUnderTest sfn) {
        sfn.unmock("SendReceipt");
        sfn.unmock("ReportBatch");
        sfn.mock("Charge")
                .when("$.invoice.id", "inv-1").fails("Card.Declined", "expired")
                .when("$.invoice.id", "inv-3").fails("Card.Declined", "stolen")
                .otherwise().returns("""
                    {"invoiceId": "inv", "paymentId": "pay"}""");

        Execution execution = sfn.run(BATCH);

        assertThat(execution).failedWith("BatchRejected").withCause("Too many invoices could not be charged")
                .tookPath("ChargeInvoices", "BatchRejected");
        assertThat(execution).state("ChargeInvoices")
                .wasCaughtBy("BatchRejected").withError("States.ExceedToleratedFailureThreshold");
    }
}
