package com.example.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aslunit.junit.MutationTesting;
import dev.aslunit.mutation.MutationReport;
import dev.aslunit.report.MutationReportWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Mutation testing of two example workflows in every build: the order-processing and human-approval
 * tests are run against every mutant of their definitions, and must kill enough of them.
 */
class WorkflowMutationTest {

    @Test
    void the_example_tests_notice_mistakes_in_their_workflows() {
        MutationReport report = MutationTesting.of("com.example.orders.OrderProcessingTest",
                "com.example.approval.HumanApprovalTest").threads(2).run();
        MutationReportWriter.write(report, Path.of("target/aslunit"));

        assertThat(report.check(0.8)).isEmpty();
    }
}
