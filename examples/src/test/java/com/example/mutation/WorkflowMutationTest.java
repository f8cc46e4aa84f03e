package com.example.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.junit.MutationTesting;
import dev.aslunit.mutation.MutationReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Mutation testing of two example workflows in every build: the human-approval and JSONata quote
 * tests run against every mutant of their definitions and must kill at least 90% of them. The
 * report goes beside the coverage report (target/aslunit/mutation.html). {@code mvn -Pmutation verify}
 * does the same for order-processing as well, from the command line.
 */
class WorkflowMutationTest {

    @Test
    void the_example_tests_notice_mistakes_in_their_workflows() {
        MutationReport report = MutationTesting.of("com.example.approval.HumanApprovalTest",
                "com.example.quote.QuoteTest").threads(2).reportTo(Path.of("target/aslunit")).run();

        assertThat(report.definitions()).extracting(d -> d.definition()).containsExactly(
                "examples/human-approval/human-approval.asl.json", "examples/jsonata-quote/quote.asl.json");
        assertThat(report.check(0.9)).isEmpty();
    }
}
