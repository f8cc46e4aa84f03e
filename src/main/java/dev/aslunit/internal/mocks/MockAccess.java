package dev.aslunit.internal.mocks;

import dev.aslunit.internal.seam.Granted;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.TaskState;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.internal.engine.TaskInvocation;
import dev.aslunit.internal.engine.TaskOutcome;
import dev.aslunit.mock.TaskMocks;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's side of a test's {@link TaskMocks}: the {@link TaskHandler} it is, the calls it
 * records, why it did not answer a Task. Kept off {@code TaskMocks} so that a user's IDE offers the
 * mock DSL only; {@code TaskMocks} grants it when its class initialises.
 */
public final class MockAccess {

    /** {@link TaskMocks}'s side of it. */
    public interface Grant {

        TaskMocks forDefinition(StateMachineDefinition definition, String definitionName);

        Optional<TaskOutcome> answer(TaskMocks mocks, TaskInvocation invocation);

        void record(TaskMocks mocks, TaskInvocation invocation);

        String noMockMessage(TaskMocks mocks, TaskInvocation invocation);

        TaskState taskState(TaskMocks mocks, String stateName);
    }

    private static final Granted<Grant> GRANT = new Granted<>("MockAccess", TaskMocks.class);

    private MockAccess() {
    }

    /** Called once, by {@link TaskMocks}'s static initialiser. */
    public static void grant(Grant granted) {
        GRANT.grant(granted);
    }

    /**
     * Mocks for one definition: names are checked where they are typed, and messages point into
     * {@code definitionName} (the file name, for messages).
     */
    public static TaskMocks forDefinition(StateMachineDefinition definition, String definitionName) {
        return GRANT.get().forDefinition(Objects.requireNonNull(definition, "definition"), definitionName);
    }

    /** {@code mocks} as a link of a chain of Task answers: it answers from its scripts and records every call. */
    public static TaskHandler handler(TaskMocks mocks) {
        Objects.requireNonNull(mocks, "mocks");
        Grant g = GRANT.get();
        return invocation -> g.answer(mocks, invocation);
    }

    /** Records a call that another handler answered before the mocks were asked (a pass-through), for {@code callsOf}. */
    public static void record(TaskMocks mocks, TaskInvocation invocation) {
        GRANT.get().record(mocks, invocation);
    }

    /**
     * Why a Task got no answer from {@code mocks}, and the line of code that gives it one: for the
     * execution's failure message when no handler answered.
     */
    public static String noMockMessage(TaskMocks mocks, TaskInvocation invocation) {
        return GRANT.get().noMockMessage(mocks, invocation);
    }

    /** The Task state of this name, failing as {@code mock} fails for a name the definition lacks. */
    public static TaskState taskState(TaskMocks mocks, String stateName) {
        return GRANT.get().taskState(mocks, stateName);
    }
}
