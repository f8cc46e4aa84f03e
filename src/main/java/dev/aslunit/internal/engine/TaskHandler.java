package dev.aslunit.internal.engine;

import java.util.Optional;

/**
 * The engine's service-provider interface for Task states: mocks, Step Functions Local mock files,
 * service integrations and HTTP tasks all answer through it. Handlers are consulted per invocation;
 * an empty answer means "not mine", and when no handler answers, the execution fails with a message
 * naming the state and its resource. Handlers run on the engine's thread and must not block: time
 * passes only as {@link TaskOutcome} latencies on the virtual clock.
 */
@FunctionalInterface
public interface TaskHandler {

    Optional<TaskOutcome> answer(TaskInvocation invocation);
}
