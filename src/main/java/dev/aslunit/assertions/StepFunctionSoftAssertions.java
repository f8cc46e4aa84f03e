package dev.aslunit.assertions;

import dev.aslunit.Execution;
import dev.aslunit.InMemoryS3;
import dev.aslunit.mock.TaskMock;
import java.util.function.Consumer;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions: every failure is collected and reported together by {@link #assertAll()}, also
 * after navigating ({@code softly.assertThat(execution).state("Pay").wasRetried(2)}). Works with
 * AssertJ's {@code SoftAssertionsExtension} and {@code @InjectSoftAssertions}, and is injected as a
 * test parameter by {@code @StepFunctionTest}.
 */
public class StepFunctionSoftAssertions extends AbstractSoftAssertions {

    private final Navigator navigator = new Navigator() {
        @Override
        public <A extends AbstractAssert<A, T>, T> A follow(Class<A> assertType, Class<T> actualType, T actual, A plain) {
            A soft = proxy(assertType, actualType, actual);
            soft.describedAs(plain.info.description());
            if (soft instanceof ExecutionAssert) {
                ((ExecutionAssert) soft).navigator = this;
            } else if (soft instanceof StateAssert) {
                ((StateAssert) soft).navigator = this;
            }
            return soft;
        }
    };

    @CheckReturnValue
    public ExecutionAssert assertThat(Execution execution) {
        ExecutionAssert soft = proxy(ExecutionAssert.class, Execution.class, execution);
        soft.navigator = navigator;
        return soft;
    }

    @CheckReturnValue
    public TaskMockAssert assertThat(TaskMock mock) {
        return proxy(TaskMockAssert.class, TaskMock.class, mock);
    }

    @CheckReturnValue
    public InMemoryS3Assert assertThat(InMemoryS3 s3) {
        return proxy(InMemoryS3Assert.class, InMemoryS3.class, s3);
    }

    /** Runs the assertions and reports every failure at the end, as AssertJ's {@code SoftAssertions.assertSoftly} does. */
    public static void assertSoftly(Consumer<StepFunctionSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(StepFunctionSoftAssertions.class, softly::accept);
    }
}
