package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.seam.Granted;
import dev.aslunit.internal.engine.TaskHandler;
import dev.aslunit.server.StateTest;

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

    private static final Granted<Grant> GRANT = new Granted<>("StateTests", StateTest.class);

    private StateTests() {
    }

    /** Called once, by {@link StateTest}'s static initialiser. */
    public static void grant(Grant granted) {
        GRANT.grant(granted);
    }

    /** {@code test}, its Tasks without a mock result answered by {@code handler}. */
    public static StateTest taskHandler(StateTest test, TaskHandler handler) {
        return GRANT.get().taskHandler(test, handler);
    }
}
