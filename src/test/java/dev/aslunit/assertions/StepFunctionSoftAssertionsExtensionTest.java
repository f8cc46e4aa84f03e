package dev.aslunit.assertions;

import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import dev.aslunit.testkit.TestKit;
import org.opentest4j.MultipleFailuresError;

class StepFunctionSoftAssertionsExtensionTest {

    @Test
    void assertjs_extension_injects_and_reports_both_failures() {
        TestKit.run(StepFunctionSoftAssertionsTest.InjectedByAssertJ.class)
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("two_soft_failures"), finishedWithFailure(
                        instanceOf(MultipleFailuresError.class),
                        message(m -> m.contains("Multiple Failures (2 failures)")
                                && m.contains("to have failed") && m.contains("to have been retried 1 time")))));
    }
}
