package dev.aslunit.internal.pipeline;

import dev.aslunit.internal.seam.Granted;
import dev.aslunit.ExecutedState;
import dev.aslunit.Execution;
import dev.aslunit.PreparedStateMachine;
import dev.aslunit.StateMachineUnderTest;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.facts.Fact;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.HistoryEvent;
import java.util.List;

/**
 * The model behind the public API's objects, for the internals that are handed them (the reports,
 * the assertions, the CLI, the test files): the definition a sandbox, a prepared machine or an
 * execution runs, the state an {@link ExecutedState} is, and an {@link Execution} read from a
 * history the engine wrote. Kept off the public classes so that a user depends on the API alone
 * (docs/architecture.md, "The public surface"); {@link Execution} grants it when its class initialises.
 */
public final class Models {

    /** The API's side of it. */
    public interface Grant {

        StateMachineDefinition definition(PreparedStateMachine machine);

        StateMachineDefinition definition(StateMachineUnderTest sfn);

        StateMachineDefinition definition(Execution execution);

        State stateDefinition(Execution execution, String stateName);

        State definition(ExecutedState state);

        Execution ended(String name, StateMachineDefinition definition, List<HistoryEvent> history, List<Fact> facts);
    }

    private static final Granted<Grant> GRANT = new Granted<>("Models", Execution.class);

    private Models() {
    }

    /** Called once, by {@link Execution}'s static initialiser. */
    public static void grant(Grant granted) {
        GRANT.grant(granted);
    }

    /** The definition a prepared machine runs. */
    public static StateMachineDefinition definition(PreparedStateMachine machine) {
        return GRANT.get().definition(machine);
    }

    /** The definition a test's sandbox runs. */
    public static StateMachineDefinition definition(StateMachineUnderTest sfn) {
        return GRANT.get().definition(sfn);
    }

    /** The definition an execution ran. */
    public static StateMachineDefinition definition(Execution execution) {
        return GRANT.get().definition(execution);
    }

    /** The definition of the state of this name at any depth (in a Map or Parallel too), or {@code null}. */
    public static State stateDefinition(Execution execution, String stateName) {
        return GRANT.get().stateDefinition(execution, stateName);
    }

    /** The state an executed state is. */
    public static State definition(ExecutedState state) {
        return GRANT.get().definition(state);
    }

    /**
     * An execution the engine ran and ended, with what it recorded ({@code facts}): for the CLI and the
     * coverage, which hold an engine run rather than a sandbox's {@code Execution}.
     */
    public static Execution ended(String name, StateMachineDefinition definition, List<HistoryEvent> history,
            List<Fact> facts) {
        return GRANT.get().ended(name, definition, history, facts);
    }
}
