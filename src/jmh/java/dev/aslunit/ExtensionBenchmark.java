package dev.aslunit;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.internal.pipeline.Sandboxes;
import dev.aslunit.internal.report.CoverageCollector;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-test cost of the JUnit extension (issue 20, target under 100 µs): what the extension does
 * for each test method with a definition it compiled once per JVM: a new sandbox, three mocks, a
 * run of a 10-state workflow, the assertions a test makes, and the test's executions added to the
 * workflow coverage (the collector is on in every JUnit run that has the extension).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtensionBenchmark {

    private static final String DEFINITION = """
        {"StartAt": "Validate", "States": {
          "Validate": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Parameters": {"FunctionName": "validate", "Payload.$": "$"},
                       "ResultSelector": {"valid.$": "$.Payload.valid"}, "ResultPath": "$.validation", "Next": "Route"},
          "Route": {"Type": "Choice", "Choices": [{"Variable": "$.total", "NumericGreaterThan": 1000, "Next": "Review"}],
                    "Default": "Price"},
          "Review": {"Type": "Pass", "Result": {"reviewed": true}, "ResultPath": "$.review", "Next": "Price"},
          "Price": {"Type": "Pass", "Parameters": {"net.$": "$.total", "vat.$": "States.MathAdd($.total, 20)"},
                    "ResultPath": "$.price", "Next": "Charge"},
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                     "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 3}],
                     "ResultSelector": {"paymentId.$": "$.Payload.paymentId"}, "ResultPath": "$.payment", "Next": "Pause"},
          "Pause": {"Type": "Wait", "Seconds": 3600, "Next": "Ship"},
          "Ship": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                   "Parameters": {"FunctionName": "ship", "Payload.$": "$"},
                   "ResultSelector": {"trackingId.$": "$.Payload.trackingId"}, "ResultPath": "$.shipment", "Next": "Tag"},
          "Tag": {"Type": "Pass", "Parameters": {"id.$": "States.Format('order-{}', $.orderId)"}, "ResultPath": "$.tag",
                  "Next": "Summarise"},
          "Summarise": {"Type": "Pass", "OutputPath": "$", "Next": "Done"},
          "Done": {"Type": "Succeed"}}}""";

    private PreparedStateMachine prepared;
    private CoverageCollector coverage;

    @Setup
    public void compileOnce() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("aslunit-bench", ".asl.json");
        java.nio.file.Files.writeString(file, DEFINITION);
        prepared = PreparedStateMachine.prepare(StepFunctionsConfig.newBuilder().definition(file).build(), null);
        coverage = new CoverageCollector();
    }

    @Benchmark
    public Execution oneTest() {
        StateMachineUnderTest sfn = prepared.newTest();
        Sandboxes.onChildExecutionEnd(sfn, coverage);
        sfn.mock("Validate").returns("{\"valid\": true}");
        sfn.mock("Charge").fails("Lambda.TooManyRequestsException", "Rate exceeded").times(1)
                .thenReturns("{\"paymentId\": \"pay-1\"}");
        sfn.mock("Ship").returns("{\"trackingId\": \"TRK-1\"}");
        Execution execution = sfn.run("{\"orderId\": \"o-1\", \"total\": 250}");
        assertThat(execution).succeeded()
                .tookPath("Validate", "Route", "Price", "Charge", "Pause", "Ship", "Tag", "Summarise", "Done")
                .hasOutputAt("$.shipment.trackingId", "TRK-1");
        assertThat(execution).state("Charge").wasRetried(1);
        coverage.recordTest(sfn);
        return execution;
    }
}
