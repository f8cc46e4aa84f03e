package dev.aslunit.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * In a definition's JSON, before it is read (TestState looks a state up in a definition it has
     * not validated yet): the state called {@code stateName} among {@code states}, looked for in
     * nested branches and item processors too; {@code null} when there is none.
     */
    public static JsonNode find(JsonNode states, String stateName) {
        if (states == null || !states.isObject()) {
            return null;
        }
        JsonNode direct = states.get(stateName);
        if (direct != null && direct.isObject()) {
            return direct;
        }
        for (JsonNode s : states) {
            for (JsonNode branch : s.path("Branches")) {
                JsonNode inBranch = find(branch.get("States"), stateName);
                if (inBranch != null) {
                    return inBranch;
                }
            }
            for (String processor : new String[] {"ItemProcessor", "Iterator"}) {
                JsonNode inMap = find(s.path(processor).get("States"), stateName);
                if (inMap != null) {
                    return inMap;
                }
            }
        }
        return null;
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
