package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.seam.Granted;
import dev.aslunit.StateMachineUnderTest;
import java.util.Objects;

/**
 * What the JUnit extension, the Cucumber glue and workflow coverage do with a test's
 * {@link StateMachineUnderTest} beyond what the test itself does: receive the Distributed Map child
 * executions the sandbox does not keep. Kept off the sandbox so that its public face shows only
 * what a test uses.
 */
public final class Sandboxes {

    /** The sandbox's side of it; {@link StateMachineUnderTest} grants it when its class initialises. */
    public interface Plumbing {

        void onChildExecutionEnd(StateMachineUnderTest sfn, ChildExecutionListener listener);

        void handOverRunningChildExecutions(StateMachineUnderTest sfn);
    }

    private static final Granted<Plumbing> GRANT = new Granted<>("Sandboxes", StateMachineUnderTest.class);

    private Sandboxes() {
    }

    /** Called once, by {@link StateMachineUnderTest}'s static initialiser. */
    public static void grant(Plumbing granted) {
        GRANT.grant(granted);
    }

    /**
     * Hands every child execution of a Distributed Map that {@code sfn} does not keep
     * ({@code keepChildExecutions} off, the default) to {@code listener} as it ends, for the
     * executions started from now on; the sandbox then forgets it. Kept children are not handed
     * over: {@link dev.aslunit.Execution#childExecutions()} has them, so no child reaches both.
     */
    public static void onChildExecutionEnd(StateMachineUnderTest sfn, ChildExecutionListener listener) {
        GRANT.get().onChildExecutionEnd(sfn, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Hands the Distributed Map child executions still running in {@code sfn} (their execution waits
     * for a callback the test never sent) to its listeners as far as they got, as an execution that
     * ends does; for when the test is over. A child handed over is not handed over again.
     */
    public static void handOverRunningChildExecutions(StateMachineUnderTest sfn) {
        GRANT.get().handOverRunningChildExecutions(sfn);
    }
}
