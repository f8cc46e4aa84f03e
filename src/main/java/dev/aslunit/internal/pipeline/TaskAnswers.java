package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who answers a Task state: links asked in order until one answers. Every source of answers is a
 * {@link TaskHandler} link: a test's mocks and a Step Functions Local mock file (both mock scripts,
 * {@link dev.aslunit.mock.TaskMocks}), HTTP calls, a Lambda endpoint, activity workers, and
 * {@link #AWAIT_CALLBACK} last. The test sandbox and the server build their chain here, each in the
 * order its documentation gives; nothing answers a task outside the chain.
 */
public final class TaskAnswers implements TaskHandler {

    /**
     * The last link of a chain whose tasks may wait: a task with a token nobody answered waits for its
     * callback. Not an activity: only its workers answer it, and one nobody created fails the task.
     */
    public static final TaskHandler AWAIT_CALLBACK = invocation -> invocation.taskToken() == null
            || invocation.resource().contains(":activity:") ? Optional.empty() : Optional.of(new TaskOutcome.NoAnswer());

    private final List<TaskHandler> links;

    private TaskAnswers(List<TaskHandler> links) {
        this.links = links;
    }

    /** The chain of {@code links} in order; a {@code null} link (a source this caller lacks) is left out. */
    public static TaskAnswers of(TaskHandler... links) {
        return new TaskAnswers(Arrays.stream(links).filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<TaskOutcome> answer(TaskInvocation invocation) {
        for (TaskHandler link : links) {
            Optional<TaskOutcome> answer = link.answer(invocation);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }
}
