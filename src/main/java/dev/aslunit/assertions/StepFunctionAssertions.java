package dev.aslunit.assertions;

import dev.aslunit.Execution;
import dev.aslunit.InMemoryS3;
import dev.aslunit.mock.TaskMock;
import dev.aslunit.server.StateTestResult;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * The entry point: {@code import static dev.aslunit.assertions.StepFunctionAssertions.assertThat;}.
 * Not a subclass of AssertJ's {@code Assertions}, so both can be imported side by side; the
 * {@code assertThatExecution} alias helps where another {@code assertThat} is ambiguous.
 */
public final class StepFunctionAssertions {

    private StepFunctionAssertions() {
    }

    @CheckReturnValue
    public static ExecutionAssert assertThat(Execution execution) {
        return new ExecutionAssert(execution);
    }

    @CheckReturnValue
    public static ExecutionAssert assertThatExecution(Execution execution) {
        return new ExecutionAssert(execution);
    }

    /** Assertions on the calls a mock received. */
    @CheckReturnValue
    public static TaskMockAssert assertThat(TaskMock mock) {
        return new TaskMockAssert(mock);
    }

    @CheckReturnValue
    public static TaskMockAssert assertThatMock(TaskMock mock) {
        return new TaskMockAssert(mock);
    }

    /** Assertions on a test's S3: what a Distributed Map's {@code ResultWriter} wrote. */
    @CheckReturnValue
    public static InMemoryS3Assert assertThat(InMemoryS3 s3) {
        return new InMemoryS3Assert(s3);
    }

    /** Assertions on what TestState answered for one state tested on its own ({@code sfn.testState(...)}, {@code StateTest}). */
    @CheckReturnValue
    public static StateTestResultAssert assertThat(StateTestResult result) {
        return new StateTestResultAssert(result);
    }
}
