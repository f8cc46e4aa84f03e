package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.server.StateTest;
import java.util.Objects;

/**
 * Who answers the Task of a {@link StateTest} given no mock result: a test's sandbox hands it its
 * chain of Task answers ({@code sfn.testState}). Kept off {@code StateTest}, whose users cannot
 * write the engine's {@link TaskHandler}; {@code StateTest} grants it when its class initialises.
 */
public final class StateTests {

    /** {@link StateTest}'s side of it. */
    public interface Grant {

        StateTest taskHandler(StateTest test, TaskHandler handler);
    }

    private static volatile Grant grant;

    private StateTests() {
    }

    /** Called once, by {@link StateTest}'s static initialiser. */
    public static synchronized void grant(Grant granted) {
        if (grant != null) {
            throw new IllegalStateException("StateTests.grant is called by StateTest only");
        }
        grant = Objects.requireNonNull(granted, "grant");
    }

    /** {@code test}, its Tasks without a mock result answered by {@code handler}. */
    public static StateTest taskHandler(StateTest test, TaskHandler handler) {
        // a StateTest exists, so its class has initialised and granted this
        return grant.taskHandler(test, handler);
    }
}
