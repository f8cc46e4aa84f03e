package com.example.migration;

import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;

import dev.aslunit.Execution;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.junit.StepFunctionTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Moving from Step Functions Local: the same definition and the same {@code MockConfigFile.json},
 * one test case per test, and no Docker, no polling, no waiting for real backoff.
 */
@StepFunctionTest(definition = "examples/sfn-local-migration/lambda-sqs-integration.asl.json",
        mockConfig = "examples/sfn-local-migration/MockConfigFile.json", testCase = "HappyPath")
class LambdaSqsIntegrationTest {

    static final String INPUT = """
        {"name": "world"}""";

    @Test
    void happy_path(StateMachineUnderTest sfn) {
        Execution execution = sfn.run(INPUT);

        assertThat(execution).succeeded()
                .tookPath("LambdaState", "SQSState")
                .hasOutput("""
                    {"MD5OfMessageBody": "3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
                     "MessageId": "3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}""");
        assertThat(execution).state("LambdaState")
                .hadOutputAt("$.Payload.body", "Hello from Lambda!")
                .wasNotRetried();
    }

    @Test
    @StepFunctionTest(testCase = "RetryPath")
    void the_lambda_is_retried_three_times_with_backoff(StateMachineUnderTest sfn) {
        Execution execution = sfn.run(INPUT);

        assertThat(execution).succeeded().tookVirtualTime(Duration.ofSeconds(14));
        assertThat(execution).state("LambdaState")
                .wasRetried(3)
                .withErrors("Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException")
                .retriedAfter(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    @StepFunctionTest(testCase = "HybridPath")
    void java_mocks_fill_in_what_the_file_leaves_out(StateMachineUnderTest sfn) {
        sfn.mock("SQSState").returns("""
            {"MessageId": "from-java"}""");

        Execution execution = sfn.run(INPUT);

        assertThat(execution).succeeded().hasOutputAt("$.MessageId", "from-java");
    }
}
