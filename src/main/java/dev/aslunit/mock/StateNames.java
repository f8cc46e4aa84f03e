package dev.aslunit.mock;

import dev.aslunit.internal.definition.ClosestName;
import dev.aslunit.internal.definition.MapState;
import dev.aslunit.internal.definition.ParallelState;
import dev.aslunit.internal.definition.State;
import dev.aslunit.internal.definition.StateMachineDefinition;
import dev.aslunit.internal.definition.TaskState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finding states by name, and the closest name to a typo, for messages that name the fix. */
public final class StateNames {

    private StateNames() {
    }

    /**
     * Every state of a definition, nested Parallel branches and Map processors included, in
     * definition order (state names are unique across a whole state machine).
     */
    public static Map<String, State> allStates(StateMachineDefinition definition) {
        Map<String, State> out = new LinkedHashMap<>();
        collect(definition, out);
        return out;
    }

    /** The Task states of a definition, nested ones included, in definition order. */
    public static Map<String, TaskState> taskStates(StateMachineDefinition definition) {
        Map<String, TaskState> out = new LinkedHashMap<>();
        allStates(definition).forEach((name, state) -> {
            if (state instanceof TaskState task) {
                out.put(name, task);
            }
        });
        return out;
    }

    private static void collect(StateMachineDefinition machine, Map<String, State> out) {
        machine.states().forEach((name, state) -> {
            out.put(name, state);
            if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(branch -> collect(branch, out));
            } else if (state instanceof MapState map && map.itemProcessor() != null) {
                collect(map.itemProcessor(), out);
            }
        });
    }

    /**
     * The candidate closest to {@code typed} by edit distance (case-insensitive), if it is close
     * enough to be the likely intent: at most a third of the longer name's letters differ.
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        ClosestName.Match match = ClosestName.nearest(typed, candidates);
        if (match == null || match.distance() > Math.max(2, Math.max(typed.length(), match.name().length()) / 3)) {
            return Optional.empty();
        }
        return Optional.of(match.name());
    }

    /** {@code "; did you mean "X"?"} or nothing. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> "; did you mean \"" + c + "\"?").orElse("");
    }
}
