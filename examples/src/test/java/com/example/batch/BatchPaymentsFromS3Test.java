package com.example.batch;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.mock.TaskResults;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A Distributed Map reads the invoices of a batch from a CSV object in S3 ({@code ItemReader}) and
 * writes the charges back to S3 ({@code ResultWriter}): the test puts the object into its own S3
 * and reads what the map wrote.
 */
@StepFunctionTest(definition = "examples/batch-payments/batch-payments-from-s3.asl.json")
class BatchPaymentsFromS3Test {

    static final String BATCH = """
        {"batchId": "b-7", "bucket": "invoices", "key": "2026-01/b-7.csv"}""";

    @Test
    void every_invoice_in_the_csv_is_charged_and_the_charges_are_written_for_accounting(StateMachineUnderTest sfn) {
        sfn.s3().putObject("invoices", "2026-01/b-7.csv", """
            id,customer,amount
            inv-1,c-1,120.00
            inv-2,c-2,80.50
            """);
        TaskMock charge = sfn.mock("Charge").answers(call -> TaskResults.json(
                "{\"invoiceId\": \"" + call.input().at("/invoice/id").asText() + "\", \"paymentId\": \"pay\"}"));

        Execution execution = sfn.run(BATCH);

        assertThat(execution).succeeded()
                .hasOutputAt("$.charges.ResultWriterDetails.Bucket", "accounting");
        assertThat(charge).wasCalled(2).withInputAt("$.invoice.amount", "80.50");  // CSV fields are text
        // the ResultWriter writes under charges/<map run id>/: a * stands for the id
        assertThat(sfn.s3())
                .hasObject("accounting", "charges/*/manifest.json")
                // one entry per child execution, as AWS writes it (ExecutionArn, Name, dates... too)
                .hasObjectContaining("accounting", "charges/*/SUCCEEDED_0.json", """
                    [{"Status": "SUCCEEDED",
                      "StateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:batch-payments-from-s3/ChargeInvoices",
                      "Input": "{\\"batchId\\":\\"b-7\\",\\"invoice\\":{\\"id\\":\\"inv-1\\",\\"customer\\":\\"c-1\\",\\"amount\\":\\"120.00\\"}}",
                      "Output": "{\\"invoiceId\\":\\"inv-1\\",\\"paymentId\\":\\"pay\\"}"},
                     {"Status": "SUCCEEDED",
                      "StateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:batch-payments-from-s3/ChargeInvoices",
                      "Input": "{\\"batchId\\":\\"b-7\\",\\"invoice\\":{\\"id\\":\\"inv-2\\",\\"customer\\":\\"c-2\\",\\"amount\\":\\"80.50\\"}}",
                      "Output": "{\\"invoiceId\\":\\"inv-2\\",\\"paymentId\\":\\"pay\\"}"}]""");
    }

    @Test
    void the_batch_can_come_from_a_file(StateMachineUnderTest sfn) {
        sfn.s3().putObject("invoices", "2026-01/b-7.csv", Path.of("examples/batch-payments/invoices-b-7.csv"));
        TaskMock charge = sfn.mock("Charge").returns("""
            {"invoiceId": "inv", "paymentId": "pay"}""");

        assertThat(sfn.run(BATCH)).succeeded();
        assertThat(charge).wasCalled(3);
    }

    @Test
    void a_batch_that_is_not_in_s3_fails_the_item_reader(StateMachineUnderTest sfn) {
        sfn.mock("Charge").returns("{}");

        Execution execution = sfn.run(BATCH);

        assertThat(execution).failedWith("States.ItemReaderFailed")
                .withCause("The specified key does not exist. (Bucket: invoices, Key: 2026-01/b-7.csv)");
    }
}
